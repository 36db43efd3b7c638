package framework_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

func okHandler(context.Context, *noInput) (*withBody, error) {
	return &withBody{Body: itemBody{Name: "operation"}}, nil
}

func plainHandler(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "plain") }

// TestRouterCannotTakeAnOperationsRoute: a handler mounted on Router() over
// an operation's method and path is refused, when mounted first at the
// operation's registration, when mounted after at the App's first request.
func TestRouterCannotTakeAnOperationsRoute(t *testing.T) {
	t.Run("mounted before the operation", func(t *testing.T) {
		app, _ := newApp(t)
		app.Router().Get("/items", plainHandler)
		err := refusal(t, func() { framework.Get(app, "/items", okHandler) })
		if !strings.Contains(err.Problem, "GET /items is already served by a handler mounted on Router() at /items") {
			t.Errorf("problem: %s", err.Problem)
		}
		if app.OpenAPI().Paths["/items"] != nil {
			t.Error("the refused operation is in the document")
		}
	})
	t.Run("mounted after the operation", func(t *testing.T) {
		app, _ := newApp(t)
		framework.Get(app, "/items", okHandler)
		app.Router().Get("/items", plainHandler)
		v := mustPanic(t, func() { app.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/openapi.json", nil)) })
		if msg := fmt.Sprint(v); !strings.Contains(msg, `replaced the operation at GET /items (operation "get-items")`) {
			t.Errorf("panicked with %q", msg)
		}
		// Every later request is refused too: the App does not serve a
		// document that lists what it does not run.
		mustPanic(t, func() { app.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/items", nil)) })
	})
	t.Run("another method or path is fine", func(t *testing.T) {
		app, _ := newApp(t)
		framework.Get(app, "/items", okHandler)
		app.Router().Post("/items", plainHandler)
		app.Router().Get("/health", plainHandler)
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", "/items", nil))
		if !strings.Contains(rec.Body.String(), "operation") {
			t.Errorf("GET /items: %d %s", rec.Code, rec.Body)
		}
	})
	t.Run("Signet's own routes", func(t *testing.T) {
		app, _ := newApp(t)
		err := refusal(t, func() { framework.Get(app, "/openapi.json", okHandler) })
		if !strings.Contains(err.Problem, "is already served by the OpenAPI document Signet serves at /openapi.json") {
			t.Errorf("problem: %s", err.Problem)
		}
		err = refusal(t, func() { framework.Get(app, "/docs", okHandler) })
		if !strings.Contains(err.Problem, "the docs UI Signet serves at /docs") {
			t.Errorf("problem: %s", err.Problem)
		}
	})
}

// TestAnExplicitHEADReplacesTheImplicitOne: a GET operation answers HEAD,
// and a HEAD operation of its own on the path is not a conflict.
func TestAnExplicitHEADReplacesTheImplicitOne(t *testing.T) {
	for _, headFirst := range []bool{false, true} {
		app, _ := newApp(t)
		head := func() {
			huma.Register(app.API(), huma.Operation{OperationID: "head-items", Method: http.MethodHead, Path: "/items"},
				func(context.Context, *noInput) (*struct {
					Count string `header:"X-Count"`
				}, error) {
					return &struct {
						Count string `header:"X-Count"`
					}{Count: "3"}, nil
				})
		}
		if headFirst {
			head()
			framework.Get(app, "/items", okHandler)
		} else {
			framework.Get(app, "/items", okHandler)
			head()
		}
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("HEAD", "/items", nil))
		if rec.Header().Get("X-Count") != "3" {
			t.Errorf("HEAD first %v: HEAD /items was not the HEAD operation: %v", headFirst, rec.Header())
		}
	}
}

// TestTheServedDocumentNeverChanges: once the App has served, registering
// panics and the document it serves stays what it was.
func TestTheServedDocumentNeverChanges(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/items", okHandler)
	get := func() string {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", "/openapi.json", nil))
		return rec.Body.String()
	}
	before := get()
	refusal(t, func() { framework.Get(app, "/later", okHandler) })
	refusal(t, func() {
		huma.Get(app.API(), "/later", okHandler)
	})
	if after := get(); after != before {
		t.Errorf("the served document changed:\nbefore %s\nafter  %s", before, after)
	}
	if app.OpenAPI().Paths["/later"] != nil {
		t.Error("the refused operation is in the document model")
	}
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/later", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("GET /later: %d, want 404", rec.Code)
	}
}
