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

type itemBody struct {
	Name string `json:"name"`
}

type withBody struct {
	Body itemBody
}

type withoutBody struct {
	ETag string `header:"ETag"`
}

type badStatusField struct {
	Status string
}

type noInput struct{}

type hiddenID struct {
	ID string `path:"id"`
}

// Listing is exported, but the paging it embeds is not.
type Listing struct{ paging }

type paging struct {
	Limit int    `query:"limit" maximum:"10"`
	Token string `header:"X-Token"`
	cursor
}

// Paging is paging, exported: Huma reads its fields.
type Paging struct {
	Limit int `query:"limit" maximum:"10"`
}

type cursor struct {
	Cursor string `query:"cursor"`
}

type caching struct {
	ETag string `header:"ETag"`
}

// unexportedHelper has no tagged fields: embedding it unexported is fine.
type unexportedHelper struct{ Note string }

// SelfEmbedding embeds a pointer to itself; Huma accepts it.
type SelfEmbedding struct {
	*SelfEmbedding
	Q string `query:"q"`
}

func handle[O any](context.Context, *noInput) (*O, error) { return nil, nil }

func TestRegistrationRefusals(t *testing.T) {
	content := map[string]*huma.MediaType{"application/json": {}}
	tests := []struct {
		name     string
		register func(app *framework.App)
		want     []string // fragments the message must contain, in addition to method and path
	}{
		{"204 with a Body", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodDelete, Path: "/things/{id}", DefaultStatus: http.StatusNoContent}, handle[withBody])
		}, []string{"status 204 No Content must not have a response body, but the operation's output has one (a Body field", "output framework_test.withBody", "Fix: remove the Body field from the output type"}},
		{"205 with a Body", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodPost, Path: "/form", DefaultStatus: http.StatusResetContent}, handle[withBody])
		}, []string{"status 205 Reset Content must not have a response body", "(a Body field"}},
		{"304 with a Body", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/cached", DefaultStatus: http.StatusNotModified}, handle[withBody])
		}, []string{"status 304 Not Modified must not have a response body"}},
		{"100 as DefaultStatus", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodPost, Path: "/upload", DefaultStatus: http.StatusContinue}, handle[withoutBody])
		}, []string{"status 100 Continue is an interim (1xx) response", "Fix: use a final status from 200 to 599"}},
		{"103 as DefaultStatus", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/hints", DefaultStatus: http.StatusEarlyHints}, handle[withBody])
		}, []string{"status 103 Early Hints is an interim (1xx) response"}},
		{"99 as DefaultStatus", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: 99}, handle[withBody])
		}, []string{"DefaultStatus 99 is not an HTTP status code", "Fix: use one of the http.Status constants"}},
		{"600 as DefaultStatus", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: 600}, handle[withBody])
		}, []string{"DefaultStatus 600 is not an HTTP status code"}},
		{"-1 as DefaultStatus", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: -1}, handle[withBody])
		}, []string{"DefaultStatus -1 is not an HTTP status code"}},
		{"lower-case range key", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"2xx": {Description: "ok"}}}, handle[withBody])
		}, []string{`Responses has the key "2xx", which OpenAPI does not allow`, `"1XX".."5XX" (upper-case X)`}},
		{"key 600", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"600": {Description: "?"}}}, handle[withBody])
		}, []string{`Responses has the key "600"`}},
		{"key 99", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"99": {Description: "?"}}}, handle[withBody])
		}, []string{`Responses has the key "99"`}},
		{"key OK", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"OK": {Description: "?"}}}, handle[withBody])
		}, []string{`Responses has the key "OK"`}},
		{"documented 204 with content", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodPut, Path: "/x", Responses: map[string]*huma.Response{"204": {Description: "Replaced", Content: content}}}, handle[withBody])
		}, []string{"the documented response 204 declares content, but that status must not have a response body", `remove Content from Responses["204"]`}},
		{"documented 205 with content", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodPut, Path: "/x", Responses: map[string]*huma.Response{"205": {Content: content}}}, handle[withBody])
		}, []string{"the documented response 205 declares content"}},
		{"documented 304 with content", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"304": {Content: content}}}, handle[withBody])
		}, []string{"the documented response 304 declares content"}},
		{"documented 1XX with content", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"1XX": {Content: content}}}, handle[withBody])
		}, []string{"the documented response 1XX declares content"}},
		{"documented 101 with content", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"101": {Content: content}}}, handle[withBody])
		}, []string{"the documented response 101 declares content"}},
		{"nil documented response", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Responses: map[string]*huma.Response{"404": nil}}, handle[withBody])
		}, []string{`Responses["404"] is nil`, `Description: "Not Found"`}},
		{"bodiless status in Errors", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", Errors: []int{http.StatusNotModified}}, handle[withBody])
		}, []string{"Errors lists 304", "document other statuses in Responses"}},
		{"DefaultStatus in Errors", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x", DefaultStatus: 409, Errors: []int{409}}, handle[withBody])
		}, []string{"DefaultStatus 409 is also listed in Errors"}},
		{"no method", func(app *framework.App) {
			framework.Register(app, framework.Operation{Path: "/x"}, handle[withBody])
		}, []string{"the operation has no Method", "Fix: set Method"}},
		{"no path", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet}, handle[withBody])
		}, []string{"the operation has no Path"}},
		{"a path parameter the input does not declare", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/things/{id}"}, handle[withBody])
		}, []string{"the path has {id}, but the input declares no path parameter \"id\"", "input framework_test.noInput", "Fix: add a field such as `Id string `path:\"id\"``"}},
		{"a path parameter hidden in an unexported embedded struct", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/things/{id}"}, func(context.Context, *struct{ hiddenID }) (*withBody, error) { return nil, nil })
		}, []string{`the path has {id}, but the input declares no path parameter "id"`,
			"fields of an embedded struct count only when the embedded type is exported"}},
		{"a declared path parameter missing from the path", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/things"}, func(context.Context, *struct {
				ID string `path:"id"`
			}) (*withBody, error) {
				return nil, nil
			})
		}, []string{`the input declares the path parameter "id", but the path has no {id}`}},
		{"a Huma refusal gets the same context", func(app *framework.App) {
			framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/x"}, handle[badStatusField])
		}, []string{"status field must be an int", "output framework_test.badStatusField", "Fix: see Huma's conventions"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(t)
			v := mustPanic(t, func() { tt.register(app) })
			err, ok := v.(error)
			var regErr *framework.RegistrationError
			if !ok || !errors.As(err, &regErr) {
				t.Fatalf("panicked with %T %v, want a *framework.RegistrationError", v, v)
			}
			msg := err.Error()
			want := append([]string{"signet: cannot register " + regErr.Method + " " + regErr.Path, "Fix: "}, tt.want...)
			if regErr.Method == "" || regErr.Path == "" {
				want = tt.want
			}
			for _, fragment := range want {
				if !strings.Contains(msg, fragment) {
					t.Errorf("message %q\ndoes not contain %q", msg, fragment)
				}
			}
		})
	}
}

// TestRegistrationMessageNamesEverything checks one message whole: method,
// path, status, type and fix.
func TestRegistrationMessageNamesEverything(t *testing.T) {
	app, _ := newApp(t)
	v := mustPanic(t, func() {
		framework.Register(app, framework.Operation{Method: http.MethodDelete, Path: "/items/{id}", DefaultStatus: http.StatusNoContent}, handle[withBody])
	})
	want := "signet: cannot register DELETE /items/{id} (status 204 No Content, input framework_test.noInput, output framework_test.withBody): " +
		"status 204 No Content must not have a response body, but the operation's output has one (a Body field, or Content in Responses[\"204\"]). " +
		"Fix: remove the Body field from the output type (and any Content from Responses[\"204\"]), or use a status that allows a body, such as 200 OK."
	if got := v.(error).Error(); got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
}

func TestRegistrationAccepts(t *testing.T) {
	app, _ := newApp(t)
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/a", Responses: map[string]*huma.Response{
		"204": {Description: "Nothing to say"}, "304": {}, "1XX": {}, "2XX": {}, "default": {}, "599": {},
	}}, handle[withBody])
	framework.Register(app, framework.Operation{Method: http.MethodPost, Path: "/b", DefaultStatus: http.StatusAccepted}, handle[withoutBody])
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/c", DefaultStatus: 599}, handle[withBody])
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/d", DefaultStatus: http.StatusNotModified}, handle[withoutBody])
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/e"}, func(context.Context, *struct{ unexportedHelper }) (*withBody, error) { return nil, nil })
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/f"}, func(context.Context, *SelfEmbedding) (*withBody, error) { return nil, nil })
}

// TestUnexportedEmbeddedFieldsWarn: parameters and headers declared in an
// embedded struct of unexported type are ignored by Huma. Register, which
// sees the Go types, says so in the log and what to change; the operation
// is registered as huma.Register registers it, so both ways agree.
func TestUnexportedEmbeddedFieldsWarn(t *testing.T) {
	tests := []struct {
		name     string
		register func(framework.Routes)
		want     []string
	}{
		{"query and header parameters", func(r framework.Routes) {
			framework.Register(r, framework.Operation{Method: http.MethodGet, Path: "/things"}, func(context.Context, *struct{ Listing }) (*withBody, error) {
				return &withBody{}, nil
			})
		}, []string{"level=WARN", "GET /things", "embeds framework_test.paging, an unexported type, so its parameters (limit in query, X-Token in header, cursor in query) are neither read nor documented",
			"Fix: export the embedded type (rename paging to Paging)"}},
		{"a response header", func(r framework.Routes) {
			framework.Register(r, framework.Operation{Method: http.MethodGet, Path: "/things"}, func(context.Context, *noInput) (*struct {
				Body itemBody
				caching
			}, error) {
				return nil, nil
			})
		}, []string{"level=WARN", "an unexported type, so its response headers (ETag in header) are neither read nor documented"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, logs := newApp(t)
			tt.register(app)
			for _, fragment := range tt.want {
				if !strings.Contains(logs.String(), fragment) {
					t.Errorf("log %q\ndoes not contain %q", logs.String(), fragment)
				}
			}
			if app.OpenAPI().Paths["/things"] == nil {
				t.Errorf("GET /things is not in the document: the operation should be registered, as huma.Register registers it")
			}
		})
	}
	t.Run("no warning for an exported embedded type", func(t *testing.T) {
		app, logs := newApp(t)
		framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/things"}, func(context.Context, *struct{ Paging }) (*withBody, error) {
			return &withBody{}, nil
		})
		if strings.Contains(logs.String(), "WARN") {
			t.Errorf("unexpected warning: %s", logs.String())
		}
	})
}
