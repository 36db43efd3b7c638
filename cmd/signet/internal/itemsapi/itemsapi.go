// Package itemsapi builds versions of a small items API as Signet Apps, for
// the tests of signet diff, package contract and package contracttest: the
// first version, and versions that each differ from it by one change. Their
// documents are rendered as the App serves them, so they are the documents
// users commit. The handlers are never called: only the documents are used.
package itemsapi

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/openapi"
)

// Change names one difference from the first version of the API.
type Change string

// The versions of the API: the first (Unchanged) and one per change.
const (
	Unchanged            Change = "unchanged"
	AddedOperation       Change = "DELETE /items/{id} added"
	RemovedOperation     Change = "GET /items/{id} removed"
	NewRequiredField     Change = "required quantity added to the POST /items body"
	RemovedResponseField Change = "name removed from Item in responses"
	NarrowedEnum         Change = "archived removed from the state query parameter's enum"
	RemovedOptionalField Change = "optional note removed from the POST /items body"
	DeprecatedOperation  Change = "GET /items/{id} deprecated"
)

// Item is an item as the first version returns it. Label is nullable, so
// that its 3.0 and 3.1 documents spell it differently (nullable: true, a
// list of types with "null").
type Item struct {
	ID    int64   `json:"id"`
	Name  string  `json:"name"`
	State string  `json:"state" enum:"open,shipped,archived"`
	Label *string `json:"label,omitempty" nullable:"true"`
}

// Draft is what a client sends to create an item in the first version.
type Draft struct {
	Name string `json:"name" minLength:"1"`
	Note string `json:"note,omitempty"`
}

// ListInput filters the item list in the first version.
type ListInput struct {
	State string `query:"state" enum:"open,shipped,archived"`
}

// App returns the version of the API with change c. The types a change
// alters are redeclared under the same name, as a user edits a type, so
// that the schemas keep their names.
func App(c Change) *framework.App {
	app := framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
	switch c {
	case NewRequiredField:
		type Draft struct {
			Name     string `json:"name" minLength:"1"`
			Note     string `json:"note,omitempty"`
			Quantity int    `json:"quantity" minimum:"1"`
		}
		register[ListInput, Draft, Item](app, c)
	case RemovedOptionalField:
		type Draft struct {
			Name string `json:"name" minLength:"1"`
		}
		register[ListInput, Draft, Item](app, c)
	case RemovedResponseField:
		type Item struct {
			ID    int64   `json:"id"`
			State string  `json:"state" enum:"open,shipped,archived"`
			Label *string `json:"label,omitempty" nullable:"true"`
		}
		register[ListInput, Draft, Item](app, c)
	case NarrowedEnum:
		type ListInput struct {
			State string `query:"state" enum:"open,shipped"`
		}
		register[ListInput, Draft, Item](app, c)
	default:
		register[ListInput, Draft, Item](app, c)
	}
	return app
}

// register adds the operations with list input L, draft D and item I.
func register[L, D, I any](app *framework.App, c Change) {
	framework.Register(app, framework.Operation{
		OperationID: "list-items", Method: http.MethodGet, Path: "/items", Summary: "List items",
	}, func(context.Context, *L) (*struct{ Body []I }, error) { return nil, nil })

	framework.Register(app, framework.Operation{
		OperationID: "create-item", Method: http.MethodPost, Path: "/items", Summary: "Create an item",
		DefaultStatus: http.StatusCreated,
	}, func(context.Context, *struct{ Body D }) (*struct{ Body I }, error) { return nil, nil })

	if c != RemovedOperation {
		framework.Register(app, framework.Operation{
			OperationID: "get-item", Method: http.MethodGet, Path: "/items/{id}", Summary: "Get an item",
			Deprecated: c == DeprecatedOperation,
		}, func(context.Context, *struct {
			ID int64 `path:"id"`
		}) (*struct{ Body I }, error) {
			return nil, nil
		})
	}
	if c == AddedOperation {
		framework.Register(app, framework.Operation{
			OperationID: "delete-item", Method: http.MethodDelete, Path: "/items/{id}", Summary: "Delete an item",
		}, func(context.Context, *struct {
			ID int64 `path:"id"`
		}) (*struct{}, error) {
			return nil, nil
		})
	}
}

// Document renders the document of version c as opts ask.
func Document(t testing.TB, c Change, opts openapi.Options) []byte {
	t.Helper()
	doc, err := openapi.Render(App(c).OpenAPI(), opts)
	if err != nil {
		t.Fatalf("render the document of %q: %v", c, err)
	}
	return doc
}

// WriteDocument writes the document of version c, rendered as opts ask, to
// a file named name in dir and returns its path.
func WriteDocument(t testing.TB, dir, name string, c Change, opts openapi.Options) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, Document(t, c, opts), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
