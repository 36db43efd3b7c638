package framework_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
	"github.com/signet-go/signet/openapi"
)

// renderedOperation returns an operation of app's document as served: its
// responses by status, each with its examples' statuses by media type.
func renderedOperation(t *testing.T, app *framework.App, method, path string) map[string]map[string]any {
	t.Helper()
	raw, err := openapi.Render(app.OpenAPI(), openapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type response struct {
		Ref     string `json:"$ref"`
		Content map[string]struct {
			Example *struct {
				Status int `json:"status"`
			} `json:"example"`
		} `json:"content"`
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]response `json:"responses"`
		} `json:"paths"`
		Components struct {
			Responses map[string]response `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	op, ok := doc.Paths[path][strings.ToLower(method)]
	if !ok {
		t.Fatalf("%s %s is not in the document", method, path)
	}
	responses := map[string]map[string]any{}
	for status, r := range op.Responses {
		if name, ok := strings.CutPrefix(r.Ref, "#/components/responses/"); ok {
			r = doc.Components.Responses[name]
		}
		responses[status] = map[string]any{}
		for mediaType, media := range r.Content {
			if media.Example != nil {
				responses[status][mediaType] = media.Example.Status
			} else {
				responses[status][mediaType] = nil
			}
		}
	}
	return responses
}

// TestSignetsStatusesAreDocumented: whatever an operation lists in
// Responses or Errors, and whoever registered it, the statuses Signet
// itself sends for it are documented as problem details, each with an
// example that states its own status.
func TestSignetsStatusesAreDocumented(t *testing.T) {
	responses := map[string]*huma.Response{"404": {Description: "No such thing"}, "409": {Description: "Taken"}}
	for _, path := range registrationPaths {
		t.Run(path.name, func(t *testing.T) {
			app, _ := newApp(t)
			registerVia(path.name, app, huma.Operation{Method: http.MethodPost, Path: "/things", Responses: responses, Errors: []int{http.StatusForbidden}},
				func(context.Context, *struct{ Body itemBody }) (*withBody, error) { return nil, nil })
			registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: "/plain"}, okHandler)
			post := renderedOperation(t, app, "POST", path.groupPrefix+"/things")
			for _, status := range []int{400, 403, 408, 413, 415, 422, 500} {
				media, ok := post[strconv.Itoa(status)]
				if !ok {
					t.Errorf("POST: %d is not documented", status)
					continue
				}
				if example := media["application/problem+json"]; example != status {
					t.Errorf("POST %d: the problem's example says status %v", status, example)
				}
			}
			get := renderedOperation(t, app, "GET", path.groupPrefix+"/plain")
			if _, ok := get["500"]; !ok {
				t.Errorf("GET without input: 500 is not documented")
			}
			for _, status := range []string{"400", "413", "415", "422"} {
				if _, ok := get[status]; ok {
					t.Errorf("GET without input documents %s, which it cannot send", status)
				}
			}
		})
	}
	t.Run("sse.Register", func(t *testing.T) {
		app, _ := newApp(t)
		sse.Register(app.API(), huma.Operation{OperationID: "events", Method: http.MethodGet, Path: "/events"},
			map[string]any{"message": itemBody{}}, func(context.Context, *struct {
				Since int `query:"since"`
			}, sse.Sender) {
			})
		events := renderedOperation(t, app, "GET", "/events")
		for _, status := range []string{"422", "500"} {
			if _, ok := events[status]; !ok {
				t.Errorf("SSE: %s is not documented", status)
			}
		}
	})
}

type requiredHeaderOut struct {
	RequestID string `header:"X-Request-ID" required:"true"`
	Body      itemBody
}

// TestRequiredOutputHeaders: an output header tagged required:"true" is
// documented as required, and frameworktest reports a response without it.
func TestRequiredOutputHeaders(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/things", func(_ context.Context, in *struct {
		Omit bool `query:"omit"`
	}) (*requiredHeaderOut, error) {
		out := &requiredHeaderOut{RequestID: "r1", Body: itemBody{Name: "x"}}
		if in.Omit {
			out.RequestID = ""
		}
		return out, nil
	})
	op := app.OpenAPI().Paths["/things"].Get
	if header := op.Responses["200"].Headers["X-Request-ID"]; header == nil || !header.Required {
		t.Fatalf("X-Request-ID is not documented as required: %+v", header)
	}
	rec := &reportRecorder{TB: t}
	c := frameworktest.New(rec, app)
	c.Get("/things")
	if len(rec.reports()) != 0 {
		t.Fatalf("a response with the header was reported: %v", rec.reports())
	}
	c.Get("/things?omit=true")
	if got := strings.Join(rec.reports(), "\n"); !strings.Contains(got, "X-Request-ID") {
		t.Errorf("a response without the required header was not reported; reports: %q", got)
	}
}

// reportRecorder is a testing.TB that records errors instead of failing.
type reportRecorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *reportRecorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *reportRecorder) reports() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.errors)
}
