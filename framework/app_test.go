package framework_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/signet-go/signet/framework"
)

// tag returns a middleware that appends name to the X-Through header.
func tag(name string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Add("X-Through", name)
			next.ServeHTTP(w, r)
		})
	}
}

func TestUseAfterRegistrationWrapsEveryRoute(t *testing.T) {
	app, _ := newApp(t)
	app.Use(tag("first"))
	framework.Get(app, "/ok", func(context.Context, *noInput) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "fine"}}, nil
	})
	app.Use(tag("second")) // chi's Mux.Use would panic here
	app.Router().Get("/mounted", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "mounted") })
	srv := serve(t, app)
	for _, target := range []string{"/ok", "/openapi.json", "/openapi-3.0.yaml", "/mounted", "/missing"} {
		r := roundTrip(t, srv, "GET", target, nil, "")
		if got := strings.Join(r.Header.Values("X-Through"), ","); got != "first,second" {
			t.Errorf("GET %s went through %q, want first,second", target, got)
		}
	}
	v := mustPanic(t, func() { app.Use(tag("late")) })
	if !strings.Contains(fmt.Sprint(v), "after the App served its first request") {
		t.Errorf("late Use panicked with %v", v)
	}
}

func TestGroups(t *testing.T) {
	app, _ := newApp(t)
	addTag := func(tag string) func(*framework.Operation) {
		return func(op *framework.Operation) { op.Tags = append(op.Tags, tag) }
	}
	v1 := app.Group("/v1", addTag("v1"), func(op *framework.Operation) { op.Description = "From v1." })
	items := v1.Group("/items", addTag("items"), func(op *framework.Operation) {
		op.Description = "Shared by the group."
	})
	framework.Get(items, "/{id}", func(_ context.Context, in *struct {
		ID string `path:"id"`
	}) (*withBody, error) {
		return &withBody{Body: itemBody{Name: in.ID}}, nil
	}, addTag("get"))
	framework.Delete(items, "/{id}", func(context.Context, *struct {
		ID string `path:"id"`
	}) (*struct{}, error) {
		return nil, nil
	})
	srv := serve(t, app)
	if r := roundTrip(t, srv, "GET", "/v1/items/42", nil, ""); r.Status != 200 || r.Body != `{"name":"42"}`+"\n" {
		t.Errorf("GET /v1/items/42: %d %q", r.Status, r.Body)
	}
	if r := roundTrip(t, srv, "DELETE", "/v1/items/42", nil, ""); r.Status != 204 {
		t.Errorf("DELETE /v1/items/42: %d", r.Status)
	}
	op := app.OpenAPI().Paths["/v1/items/{id}"].Get
	if op == nil {
		t.Fatal("GET /v1/items/{id} is not documented")
	}
	if fmt.Sprint(op.Tags) != "[v1 items get]" || op.Description != "Shared by the group." {
		t.Errorf("tags %v, description %q: the group options were not applied", op.Tags, op.Description)
	}
	if del := app.OpenAPI().Paths["/v1/items/{id}"].Delete; del == nil || del.OperationID == op.OperationID {
		t.Errorf("the generated operation IDs must differ per method and include the prefix: %+v", del)
	}
}

func TestNotFoundAndMethodNotAllowedAreProblems(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/things", func(context.Context, *noInput) (*withBody, error) { return &withBody{}, nil })
	framework.Post(app, "/things", func(context.Context, *noInput) (*withBody, error) { return &withBody{}, nil })
	srv := serve(t, app)
	r := roundTrip(t, srv, "GET", "/nowhere", nil, "")
	if r.Status != 404 || r.Header.Get("Content-Type") != "application/problem+json" || r.Body != `{"title":"Not Found","status":404}` {
		t.Errorf("unknown path: %d %q %q", r.Status, r.Header.Get("Content-Type"), r.Body)
	}
	r = roundTrip(t, srv, "DELETE", "/things", nil, "")
	if r.Status != 405 || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("wrong method: %d %q", r.Status, r.Header.Get("Content-Type"))
	}
	if allow := r.Header.Get("Allow"); allow != "GET, HEAD, POST" {
		t.Errorf("Allow %q, want GET, HEAD, POST (RFC 9110 15.5.6)", allow)
	}
}

func TestDocumentRoutesAreConfigurable(t *testing.T) {
	app := framework.New(framework.Config{
		Title: "T", Version: "1",
		OpenAPIJSONPath: "/spec.json", OpenAPIYAMLPath: framework.Disabled,
		OpenAPI30JSONPath: framework.Disabled, OpenAPI30YAMLPath: "/spec-3.0.yaml",
	})
	srv := serve(t, app)
	for target, want := range map[string]int{
		"/spec.json": 200, "/spec-3.0.yaml": 200,
		"/openapi.json": 404, "/openapi.yaml": 404, "/openapi-3.0.json": 404, "/openapi-3.0.yaml": 404,
	} {
		if r := roundTrip(t, srv, "GET", target, nil, ""); r.Status != want {
			t.Errorf("GET %s: %d, want %d", target, r.Status, want)
		}
	}
	r := roundTrip(t, srv, "GET", "/spec-3.0.yaml", nil, "")
	if !strings.HasPrefix(r.Body, "openapi: 3.0") || r.Header.Get("Content-Type") != "application/yaml" {
		t.Errorf("GET /spec-3.0.yaml: %q %q", r.Header.Get("Content-Type"), r.Body[:min(len(r.Body), 40)])
	}
}

func TestDocumentConditionalGET(t *testing.T) {
	app, _ := newApp(t)
	srv := serve(t, app)
	first := roundTrip(t, srv, "GET", "/openapi.json", nil, "")
	etag := first.Header.Get("ETag")
	if etag == "" {
		t.Fatal("the document has no ETag")
	}
	again := roundTrip(t, srv, "GET", "/openapi.json", map[string]string{"If-None-Match": etag}, "")
	if again.Status != http.StatusNotModified || again.Body != "" || again.Header.Get("ETag") != etag {
		t.Errorf("If-None-Match %s: %d, ETag %q, body %q; want 304 with the ETag and no body", etag, again.Status, again.Header.Get("ETag"), again.Body)
	}
}
