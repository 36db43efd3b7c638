package framework_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// registrationPaths are the ways an operation can be added to an App; the
// rules must be the same whichever is taken. groupPrefix is what the path
// gains on the way.
var registrationPaths = []struct {
	name        string
	groupPrefix string
}{
	{"framework.Register", ""},
	{"framework shortcut", ""},
	{"framework.Group", "/g"},
	{"huma.Register", ""},
	{"huma shortcut", ""},
	{"huma.NewGroup", "/g"},
}

// registerVia registers op served by h on app through the named path.
func registerVia[I, O any](via string, app *framework.App, op huma.Operation, h func(context.Context, *I) (*O, error)) {
	copyOp := func(o *huma.Operation) {
		o.OperationID, o.DefaultStatus, o.Responses, o.Errors = op.OperationID, op.DefaultStatus, op.Responses, op.Errors
		o.MaxBodyBytes, o.Security = op.MaxBodyBytes, op.Security
	}
	switch via {
	case "framework.Register":
		framework.Register(app, op, h)
	case "framework.Group":
		framework.Register(app.Group("/g"), op, h)
	case "huma.Register":
		huma.Register(app.API(), op, h)
	case "huma.NewGroup":
		huma.Register(huma.NewGroup(app.API(), "/g"), op, h)
	case "framework shortcut":
		shortcut := map[string]func(framework.Routes, string, func(context.Context, *I) (*O, error), ...func(*framework.Operation)){
			http.MethodGet: framework.Get[I, O], http.MethodPost: framework.Post[I, O], http.MethodPut: framework.Put[I, O],
			http.MethodPatch: framework.Patch[I, O], http.MethodDelete: framework.Delete[I, O],
		}[op.Method]
		shortcut(app, op.Path, h, copyOp)
	case "huma shortcut":
		shortcut := map[string]func(huma.API, string, func(context.Context, *I) (*O, error), ...func(*huma.Operation)){
			http.MethodGet: huma.Get[I, O], http.MethodPost: huma.Post[I, O], http.MethodPut: huma.Put[I, O],
			http.MethodPatch: huma.Patch[I, O], http.MethodDelete: huma.Delete[I, O],
		}[op.Method]
		shortcut(app.API(), op.Path, h, copyOp)
	default:
		panic("unknown registration path " + via)
	}
}

// refusal returns the *RegistrationError register panicked with, or fails.
func refusal(t *testing.T, register func()) *framework.RegistrationError {
	t.Helper()
	v := mustPanic(t, register)
	err, _ := v.(error)
	var regErr *framework.RegistrationError
	if !errors.As(err, &regErr) {
		t.Fatalf("panicked with %T %v, want a *framework.RegistrationError", v, v)
	}
	return regErr
}

type idInput struct {
	ID string `path:"id"`
}

// TestEveryRegistrationPathIsRefusedAlike registers each contradiction
// through each registration path and expects the same refusal: the same
// problem and the same fix.
func TestEveryRegistrationPathIsRefusedAlike(t *testing.T) {
	content := map[string]*huma.MediaType{"application/json": {}}
	contradictions := []struct {
		name     string
		register func(via string, app *framework.App)
		problem  string // a fragment of the problem every path must state
	}{
		{"a Body on a 204", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodDelete, Path: "/things/{id}", DefaultStatus: http.StatusNoContent}, handleWith[idInput, withBody])
		}, "status 204 No Content must not have a response body"},
		{"DefaultStatus 600", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: 600}, handleWith[noInput, withBody])
		}, "DefaultStatus 600 is not an HTTP status code"},
		{"DefaultStatus 99", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: 99}, handleWith[noInput, withBody])
		}, "DefaultStatus 99 is not an HTTP status code"},
		{"DefaultStatus 103", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: http.StatusEarlyHints}, handleWith[noInput, withoutBody])
		}, "status 103 Early Hints is an interim (1xx) response"},
		{"a 205 with a Body", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodPost, Path: "/form", DefaultStatus: http.StatusResetContent}, handleWith[noInput, withBody])
		}, "status 205 Reset Content must not have a response body"},
		{"a lower-case range key", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"2xx": {Description: "ok"}}}, handleWith[noInput, withBody])
		}, `Responses has the key "2xx"`},
		{"content on a documented 304", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"304": {Description: "same", Content: content}}}, handleWith[noInput, withBody])
		}, "the documented response 304 declares content"},
		{"a bodiless status in Errors", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x", Errors: []int{http.StatusNotModified}}, handleWith[noInput, withBody])
		}, "Errors lists 304"},
		{"a path parameter the input does not declare", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/things/{id}"}, handleWith[noInput, withBody])
		}, `the path has {id}, but the input declares no path parameter "id"`},
		{"a second operation on the same method and path", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{OperationID: "first", Method: http.MethodGet, Path: "/x"}, handleWith[noInput, withBody])
			registerVia(via, app, huma.Operation{OperationID: "second", Method: http.MethodGet, Path: "/x"}, handleWith[noInput, withBody])
		}, `is already served by operation "first" (GET `},
		{"an operation on a path parameter's other name", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{OperationID: "by-id", Method: http.MethodGet, Path: "/things/{id}"}, handleWith[idInput, withBody])
			registerVia(via, app, huma.Operation{OperationID: "by-name", Method: http.MethodGet, Path: "/things/{name}"}, handleWith[struct {
				Name string `path:"name"`
			}, withBody])
		}, `is already served by operation "by-id"`},
		{"a response body with members of an unexported embedded type", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x"}, handleWith[noInput, struct{ Body stamped }])
		}, "body type framework_test.stamped embeds framework_test.stamps, an unexported type: encoding/json writes its fields (Created, Updated), but the schema leaves them out"},
		{"such members in the elements of a list", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x"}, handleWith[noInput, struct{ Body []stampedPage }])
		}, "body type framework_test.stamped embeds framework_test.stamps"},
		{"an unexported embedded type named by its json tag", func(via string, app *framework.App) {
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/x"}, handleWith[noInput, struct{ Body namedStamps }])
		}, "encoding/json writes its fields (meta)"},
		{"an operation after the App served", func(via string, app *framework.App) {
			app.ServeHTTP(httptestRecorder(), httptestRequest("GET", "/openapi.json"))
			registerVia(via, app, huma.Operation{Method: http.MethodGet, Path: "/late"}, handleWith[noInput, withBody])
		}, "the App has already served its first request"},
	}
	for _, c := range contradictions {
		t.Run(c.name, func(t *testing.T) {
			var first *framework.RegistrationError
			for _, path := range registrationPaths {
				app, _ := newApp(t)
				err := refusal(t, func() { c.register(path.name, app) })
				problem := strings.ReplaceAll(err.Problem, path.groupPrefix+"/", "/")
				if !strings.Contains(problem, c.problem) {
					t.Errorf("%s: problem %q lacks %q", path.name, err.Problem, c.problem)
				}
				if first == nil {
					first = err
					continue
				}
				if firstProblem := strings.ReplaceAll(first.Problem, registrationPaths[0].groupPrefix+"/", "/"); problem != firstProblem || err.Fix != first.Fix {
					t.Errorf("%s refuses otherwise than %s:\n got %s. Fix: %s\nwant %s. Fix: %s",
						path.name, registrationPaths[0].name, err.Problem, err.Fix, first.Problem, first.Fix)
				}
			}
		})
	}
}

// stamps is unexported: encoding/json writes the fields of a stamped, but
// Huma's schema of stamped has only Name.
type stamps struct {
	Created, Updated string
	internal         string
}

type stamped struct {
	stamps
	Name string
}

type stampedPage struct {
	Items []*stamped
}

type namedStamps struct {
	stamps `json:"meta"`
}

type skippedStamps struct {
	stamps `json:"-"`
	Name   string
}

// helped embeds unexported types that encoding/json writes nothing of.
type helped struct {
	unexportedHelper `json:"-"`
	noInput
	Name string
}

// handleWith is a handler that is never called.
func handleWith[I, O any](context.Context, *I) (*O, error) { return nil, nil }

// TestARefusedOperationLeavesTheDocument: a refusal that a program
// recovers from leaves the document as it was before, listing what the
// App serves.
func TestARefusedOperationLeavesTheDocument(t *testing.T) {
	for _, path := range registrationPaths {
		t.Run(path.name, func(t *testing.T) {
			app, _ := newApp(t)
			registerVia(path.name, app, huma.Operation{OperationID: "first", Method: http.MethodGet, Path: "/x"}, handleWith[noInput, withBody])
			refusal(t, func() {
				registerVia(path.name, app, huma.Operation{OperationID: "second", Method: http.MethodGet, Path: "/x"}, handleWith[noInput, withBody])
			})
			refusal(t, func() {
				registerVia(path.name, app, huma.Operation{OperationID: "third", Method: http.MethodGet, Path: "/y", DefaultStatus: 600}, handleWith[noInput, withBody])
			})
			paths := app.OpenAPI().Paths
			if op := paths[path.groupPrefix+"/x"]; op == nil || op.Get == nil || op.Get.OperationID != "first" {
				t.Errorf("GET %s/x is not the first operation in the document any more: %+v", path.groupPrefix, op)
			}
			if paths[path.groupPrefix+"/y"] != nil {
				t.Errorf("the refused GET %s/y is in the document", path.groupPrefix)
			}
		})
	}
}

// TestUnexportedEmbeddedTypesLeftOutOfJSONAreAccepted: what encoding/json
// does not write, the schema need not list.
func TestUnexportedEmbeddedTypesLeftOutOfJSONAreAccepted(t *testing.T) {
	for _, path := range registrationPaths {
		t.Run(path.name, func(t *testing.T) {
			app, _ := newApp(t)
			registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: "/x"}, handleWith[noInput, struct{ Body skippedStamps }])
			registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: "/y"}, handleWith[noInput, struct{ Body helped }])
		})
	}
}
