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

// A program coming from Huma gives Signet the huma.Config it has. Each
// option keeps its meaning: here unknown query parameters are refused with
// 422, and huma.DefaultConfig's hook adds the "$schema" links; Signet's
// own rules apply on top (the problem repeats no input).
func ExampleConfig_huma() {
	hc := huma.DefaultConfig("Greeter", "1.0.0")
	hc.RejectUnknownQueryParameters = true
	app := framework.New(framework.Config{Huma: &hc})
	framework.Get(app, "/greetings/{name}", func(ctx context.Context, in *GreetInput) (*GreetOutput, error) {
		return &GreetOutput{Body: Greeting{Message: "Hello, " + in.Name + "!"}}, nil
	})

	srv := httptest.NewServer(app)
	defer srv.Close()
	for _, target := range []string{"/greetings/world", "/greetings/world?password=hunter2"} {
		resp, _ := http.Get(srv.URL + target)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, strings.TrimSpace(strings.ReplaceAll(string(body), srv.URL, "http://localhost")))
	}
	// Output:
	// 200 {"$schema":"http://localhost/schemas/Greeting.json","message":"Hello, world!"}
	// 422 {"$schema":"http://localhost/schemas/ErrorModel.json","title":"Unprocessable Entity","status":422,"detail":"validation failed","errors":[{"message":"unknown query parameter","location":"query.password"}]}
}

// A huma.Config option Signet cannot honour is refused when the App is
// created, saying what to change.
func ExampleConfig_humaRefused() {
	hc := huma.DefaultConfig("Greeter", "1.0.0")
	hc.DocsRenderer = huma.DocsRendererScalar
	defer func() { fmt.Println(recover()) }()
	framework.New(framework.Config{Huma: &hc})
	// Output: signet: Config.Huma.DocsRenderer is "scalar", which loads from a CDN: Signet serves Swagger UI at DocsPath from assets embedded in the binary, so that the docs work offline; set DocsRenderer to huma.DocsRendererSwaggerUI (Config.DocsUI configures it), or DocsPath to "" for no docs page
}
