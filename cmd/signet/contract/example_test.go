package contract_test

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/signet-go/signet/cmd/signet/contract"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/openapi"
)

type Greeting struct {
	Message string `json:"message"`
}

// greeter returns the document, as served, of a one-operation API whose
// request body has the type B.
func greeter[B any]() []byte {
	app := framework.New(framework.Config{Title: "Greeter", Version: "1.0.0"})
	framework.Register(app, framework.Operation{
		OperationID: "greet", Method: http.MethodPost, Path: "/greetings",
	}, func(ctx context.Context, in *struct{ Body B }) (*struct{ Body Greeting }, error) {
		return &struct{ Body Greeting }{}, nil
	})
	doc, err := openapi.Render(app.OpenAPI(), openapi.Options{})
	if err != nil {
		panic(err)
	}
	return doc
}

// committedDocument is the greeter as its clients know it.
func committedDocument() []byte {
	type GreetRequest struct {
		Name string `json:"name"`
	}
	return greeter[GreetRequest]()
}

// currentDocument is the next version: it asks for a language too, so a
// client that sends only a name will get 422 Unprocessable Entity.
func currentDocument() []byte {
	type GreetRequest struct {
		Name     string `json:"name"`
		Language string `json:"language"`
	}
	return greeter[GreetRequest]()
}

func Example() {
	base, err := contract.Parse("openapi.json", committedDocument())
	if err != nil {
		fmt.Println(err)
		return
	}
	revision, err := contract.Parse("current", currentDocument())
	if err != nil {
		fmt.Println(err)
		return
	}
	changes, err := contract.Compare(base, revision)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range changes {
		fmt.Println(c)
	}
	fmt.Println("breaking:", contract.AtLeast(changes, contract.Breaking))
	// Output:
	// breaking: POST /greetings: added the new required request property `language` [new-required-request-property]
	// info: a breaking change was detected but the version is still `1.0.0` [api-version-not-bumped]
	// breaking: true
}

func ExampleWrite() {
	changes := []contract.Change{
		{Level: contract.Breaking, Operation: "GET /items/{id}", Text: "API path removed without deprecation", Rule: "api-path-removed-without-deprecation"},
		{Level: contract.Info, Operation: "DELETE /items/{id}", Text: "endpoint added", Rule: "endpoint-added"},
	}
	contract.Write(os.Stdout, changes, contract.Markdown)
	// Output:
	// ### API contract: 1 breaking change, 0 warnings, 1 info change
	//
	// | level | operation | change |
	// |---|---|---|
	// | **breaking** | `GET /items/{id}` | API path removed without deprecation (`api-path-removed-without-deprecation`) |
	// | info | `DELETE /items/{id}` | endpoint added (`endpoint-added`) |
}
