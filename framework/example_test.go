package framework_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type Greeting struct {
	Message string `json:"message"`
}

type GreetInput struct {
	Name string `path:"name" maxLength:"20"`
}

type GreetOutput struct {
	Body Greeting
}

func Example() {
	app := framework.New(framework.Config{Title: "Greeter", Version: "1.0.0"})
	framework.Get(app, "/greetings/{name}", func(ctx context.Context, in *GreetInput) (*GreetOutput, error) {
		return &GreetOutput{Body: Greeting{Message: "Hello, " + in.Name + "!"}}, nil
	})

	srv := httptest.NewServer(app)
	defer srv.Close()
	resp, _ := http.Get(srv.URL + "/greetings/world")
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, strings.TrimSpace(string(body)))
	// Output: 200 {"message":"Hello, world!"}
}

func ExampleRegister() {
	app := framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
	framework.Register(app, framework.Operation{
		OperationID:   "create-item",
		Method:        http.MethodPost,
		Path:          "/items",
		DefaultStatus: http.StatusCreated,
		Summary:       "Create an item",
		Tags:          []string{"items"},
	}, func(ctx context.Context, in *struct{ Body Greeting }) (*GreetOutput, error) {
		return &GreetOutput{Body: in.Body}, nil
	})

	srv := httptest.NewServer(app)
	defer srv.Close()
	resp, _ := http.Post(srv.URL+"/items", "application/json", strings.NewReader(`{"message":"hi"}`))
	resp.Body.Close()
	fmt.Println(resp.StatusCode, app.OpenAPI().Paths["/items"].Post.Responses["201"].Description)
	// Output: 201 Created
}

func ExampleRegister_refusal() {
	app := framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
	defer func() { fmt.Println(recover()) }()
	framework.Register(app, framework.Operation{
		Method: http.MethodDelete, Path: "/items/{id}", DefaultStatus: http.StatusNoContent,
	}, func(ctx context.Context, in *struct{}) (*GreetOutput, error) {
		return nil, nil
	})
	// Output: signet: cannot register DELETE /items/{id} (status 204 No Content, input struct {}, output framework_test.GreetOutput): status 204 No Content must not have a response body, but the operation's output has one (a Body field, or Content in Responses["204"]). Fix: remove the Body field from the output type (and any Content from Responses["204"]), or use a status that allows a body, such as 200 OK.
}

func ExampleApp_Group() {
	app := framework.New(framework.Config{Title: "Greeter", Version: "1.0.0"})
	v1 := app.Group("/v1", huma.OperationTags("greetings"))
	framework.Get(v1, "/greetings/{name}", func(ctx context.Context, in *GreetInput) (*GreetOutput, error) {
		return &GreetOutput{Body: Greeting{Message: "Hello, " + in.Name + "!"}}, nil
	})
	op := app.OpenAPI().Paths["/v1/greetings/{name}"].Get
	fmt.Println(op.OperationID, op.Tags)
	// Output: get-v1-greetings-by-name [greetings]
}

func ExampleBodyAllowed() {
	for _, status := range []int{http.StatusOK, http.StatusNoContent, http.StatusResetContent, http.StatusNotModified, http.StatusEarlyHints, http.StatusNotFound} {
		fmt.Println(status, framework.BodyAllowed(status))
	}
	// Output:
	// 200 true
	// 204 false
	// 205 false
	// 304 false
	// 103 false
	// 404 true
}
