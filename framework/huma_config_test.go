package framework_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

// Config.Huma: each huma.Config option, honoured on the wire and in the
// document, or refused by New with what to change.

// humaApp returns an App that starts from huma.DefaultConfig with edit
// applied, as a program coming from Huma has it, and that logs into the
// returned buffer.
func humaApp(t *testing.T, edit func(*huma.Config)) (*framework.App, *testkit.Buffer) {
	t.Helper()
	hc := huma.DefaultConfig("Huma API", "1.0.0")
	if edit != nil {
		edit(&hc)
	}
	logs := &testkit.Buffer{}
	return framework.New(framework.Config{Huma: &hc, Logger: slog.New(slog.NewTextHandler(logs, nil))}), logs
}

type petInput struct {
	Body struct {
		Name string `json:"name" minLength:"2"`
		Kind string `json:"kind"`
	}
}

// petApp registers GET /item (itemBody "one"), GET /fails (a handler
// error with internal text), GET /plain (no parameters, no body) and POST
// /pets (echoes its body).
func petApp(app *framework.App) *framework.App {
	framework.Get(app, "/item", func(context.Context, *noInput) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "one"}}, nil
	})
	framework.Get(app, "/fails", func(context.Context, *noInput) (*withBody, error) {
		return nil, errors.New("pq: connection to 10.0.0.7:5432 refused")
	})
	framework.Get(app, "/plain", func(context.Context, *noInput) (*struct{}, error) { return nil, nil })
	framework.Post(app, "/pets", func(_ context.Context, in *petInput) (*struct{ Body any }, error) {
		return &struct{ Body any }{in.Body}, nil
	})
	return app
}

// upper is a transformer that upper-cases an itemBody's name.
func upper(_ huma.Context, _ string, v any) (any, error) {
	if item, ok := v.(itemBody); ok {
		return itemBody{Name: strings.ToUpper(item.Name)}, nil
	}
	return v, nil
}

func TestHumaConfigTransformersRunBeforeSignetsProblemRules(t *testing.T) {
	// A transformer that puts back into every problem what Signet keeps out
	// of it: Signet's rules must still apply to what it returns.
	leaky := func(_ huma.Context, _ string, v any) (any, error) {
		if problem, ok := v.(*huma.ErrorModel); ok {
			problem.Errors = append(problem.Errors, &huma.ErrorDetail{Message: "added", Location: "body", Value: "leaked-by-transformer"})
		}
		return v, nil
	}
	app, _ := humaApp(t, func(c *huma.Config) { c.Transformers = append(c.Transformers, upper, leaky) })
	srv := serve(t, petApp(app))
	if r := roundTrip(t, srv, "GET", "/item", nil, ""); !strings.Contains(r.Body, `"name":"ONE"`) {
		t.Errorf("GET /item: the program's transformer did not run: %d %s", r.Status, r.Body)
	}
	r := roundTrip(t, srv, "POST", "/pets", jsonBody, `{"name":"x","kind":"cat"}`)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `"message":"added"`) {
		t.Errorf("POST /pets: want a 422 with the transformer's error: %d %s", r.Status, r.Body)
	}
	if strings.Contains(r.Body, "leaked-by-transformer") || strings.Contains(r.Body, `"value"`) {
		t.Errorf("POST /pets: a value reached the client, so Signet's rules ran before the program's transformer:\n%s", r.Body)
	}
	r = roundTrip(t, srv, "GET", "/fails", nil, "")
	if r.Status != http.StatusInternalServerError || strings.Contains(r.Body, `"errors"`) || strings.Contains(r.Body, "10.0.0.7") {
		t.Errorf("GET /fails: a 5xx must carry no errors: %d %s", r.Status, r.Body)
	}
}

func TestHumaConfigCreateHooksRunInOrder(t *testing.T) {
	var hc huma.Config
	app, _ := humaApp(t, func(c *huma.Config) {
		c.CreateHooks = append(c.CreateHooks, func(c huma.Config) huma.Config {
			c.Info.Description = "Set by a hook."
			// A hook may add another, which runs too, as on Huma.
			c.CreateHooks = append(c.CreateHooks, func(c huma.Config) huma.Config {
				c.Transformers = append(c.Transformers, func(ctx huma.Context, _ string, v any) (any, error) {
					ctx.SetHeader("X-Hook", "two")
					return v, nil
				})
				return c
			})
			return c
		})
		hc = *c
	})
	srv := serve(t, petApp(app))
	r := roundTrip(t, srv, "GET", "/item", nil, "")
	if r.Header.Get("X-Hook") != "two" {
		t.Errorf("the hook added by a hook did not run:\n%s", r.Raw)
	}
	// huma.DefaultConfig's own hook adds the schema links.
	if !strings.Contains(r.Body, `"$schema"`) || !strings.Contains(r.Header.Get("Link"), "describedBy") {
		t.Errorf("huma.DefaultConfig's hook did not add the schema links:\n%s", r.Raw)
	}
	if d := fetchDocument(t, app, "/openapi.json")["info"].(map[string]any)["description"]; d != "Set by a hook." {
		t.Errorf("info.description %v, want the hook's", d)
	}
	if len(hc.CreateHooks) != 2 {
		t.Errorf("the program's CreateHooks changed: %d hooks", len(hc.CreateHooks))
	}
}

func TestHumaConfigRejectUnknownQueryParameters(t *testing.T) {
	for _, reject := range []bool{false, true} {
		app, _ := humaApp(t, func(c *huma.Config) { c.RejectUnknownQueryParameters = reject })
		framework.Get(app, "/search", func(_ context.Context, in *struct {
			Q string `query:"q"`
		}) (*withBody, error) {
			return &withBody{Body: itemBody{Name: in.Q}}, nil
		})
		petApp(app)
		srv := serve(t, app) // checks every status against the document
		want := map[bool]int{false: http.StatusOK, true: http.StatusUnprocessableEntity}[reject]
		for _, target := range []string{"/search?q=a&other=b", "/item?other=b"} {
			r := roundTrip(t, srv, "GET", target, nil, "")
			if r.Status != want {
				t.Errorf("RejectUnknownQueryParameters=%v: GET %s: %d, want %d\n%s", reject, target, r.Status, want, r.Body)
			}
		}
		// Every operation documents the 422, even one without parameters.
		doc := fetchDocument(t, app, "/openapi.json")
		if _, has := responsesOf(t, doc, "/item", "get")["422"]; has != reject {
			t.Errorf("RejectUnknownQueryParameters=%v: GET /item documents 422: %v", reject, has)
		}
	}
}

func TestHumaConfigNoFormatFallback(t *testing.T) {
	var calls atomic.Int32
	app, logs := humaApp(t, func(c *huma.Config) { c.NoFormatFallback = true })
	framework.Get(app, "/item", func(context.Context, *noInput) (*withBody, error) {
		calls.Add(1)
		return &withBody{Body: itemBody{Name: "one"}}, nil
	})
	framework.Delete(app, "/item", func(context.Context, *noInput) (*struct{}, error) { return nil, nil })
	srv := serve(t, app) // checks every status against the document
	for _, tc := range []struct {
		accept string
		status int
	}{
		{"application/xml", http.StatusNotAcceptable},
		{"text/html, application/xml;q=0.9", http.StatusNotAcceptable},
		{"application/*;q=0, */*", http.StatusNotAcceptable}, // the most specific range wins
		{"application/json", http.StatusOK},
		{"*/*", http.StatusOK},
		{"", http.StatusOK}, // no Accept admits any type
		{"application/xml, application/*;q=0.5", http.StatusOK},
		{"text/html, */*;q=0.1", http.StatusOK},
	} {
		calls.Store(0)
		header := map[string]string{}
		if tc.accept != "" {
			header["Accept"] = tc.accept
		}
		r := roundTrip(t, srv, "GET", "/item", header, "")
		if r.Status != tc.status {
			t.Errorf("Accept %q: %d, want %d\n%s", tc.accept, r.Status, tc.status, r.Raw)
			continue
		}
		switch tc.status {
		case http.StatusOK:
			if ct := r.Header.Get("Content-Type"); ct != "application/json" || !strings.Contains(r.Body, `"name":"one"`) {
				t.Errorf("Accept %q: %s %s, want the item in JSON", tc.accept, ct, r.Body)
			}
		case http.StatusNotAcceptable:
			if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" || !strings.Contains(r.Body, `"status":406`) {
				t.Errorf("Accept %q: %s %s, want a 406 problem", tc.accept, ct, r.Body)
			}
			if calls.Load() != 0 {
				t.Errorf("Accept %q: the handler ran for a response the client cannot accept", tc.accept)
			}
		}
	}
	if r := roundTrip(t, srv, "DELETE", "/item", map[string]string{"Accept": "application/xml"}, ""); r.Status != http.StatusNotAcceptable {
		t.Errorf("DELETE with Accept application/xml: %d, want 406 (a failure would be a problem the client cannot read)", r.Status)
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("a request panicked:\n%s", logs)
	}
	doc := fetchDocument(t, app, "/openapi.json")
	for _, method := range []string{"get", "delete"} {
		if _, ok := responsesOf(t, doc, "/item", method)["406"]; !ok {
			t.Errorf("%s /item does not document 406", method)
		}
	}
}

func TestHumaConfigSchemaDefaults(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*huma.Config)
		body   string
		status int
	}{
		{"default: every field required", nil, `{"name":"Tom"}`, http.StatusUnprocessableEntity},
		{"FieldsOptionalByDefault", func(c *huma.Config) { c.FieldsOptionalByDefault = true }, `{"name":"Tom"}`, http.StatusOK},
		{"default: no other members", nil, `{"name":"Tom","kind":"cat","color":"black"}`, http.StatusUnprocessableEntity},
		{"AllowAdditionalPropertiesByDefault", func(c *huma.Config) { c.AllowAdditionalPropertiesByDefault = true }, `{"name":"Tom","kind":"cat","color":"black"}`, http.StatusOK},
	} {
		app, _ := humaApp(t, tc.edit)
		r := roundTrip(t, serve(t, petApp(app)), "POST", "/pets", jsonBody, tc.body)
		if r.Status != tc.status {
			t.Errorf("%s: POST %s: %d, want %d\n%s", tc.name, tc.body, r.Status, tc.status, r.Body)
		}
	}
}

// linesFormat writes an object's members as "name=value" lines, in order of
// name; it reads nothing. A format of the program's own.
var linesFormat = huma.Format{
	Marshal: func(w io.Writer, v any) error {
		encoded, err := json.Marshal(v)
		if err != nil {
			return err
		}
		var members map[string]any
		if err := json.Unmarshal(encoded, &members); err != nil {
			return err
		}
		for _, name := range slices.Sorted(maps.Keys(members)) {
			if _, err := fmt.Fprintf(w, "%s=%v\n", name, members[name]); err != nil {
				return err
			}
		}
		return nil
	},
	Unmarshal: func([]byte, any) error { return errors.New("lines cannot be read") },
}

func TestHumaConfigFormats(t *testing.T) {
	app, _ := humaApp(t, func(c *huma.Config) {
		c.Formats = maps.Clone(c.Formats)
		c.Formats["application/x-lines"] = linesFormat
		c.DefaultFormat = "application/x-lines"
		c.CreateHooks = nil // no "$schema" member in the lines
	})
	srv := serve(t, petApp(app))
	for _, tc := range []struct{ accept, contentType, body string }{
		{"", "application/x-lines", "name=one\n"},
		{"application/x-lines", "application/x-lines", "name=one\n"},
		{"application/json", "application/json", `{"name":"one"}` + "\n"},
	} {
		header := map[string]string{}
		if tc.accept != "" {
			header["Accept"] = tc.accept
		}
		r := roundTrip(t, srv, "GET", "/item", header, "")
		if r.Status != http.StatusOK || r.Header.Get("Content-Type") != tc.contentType || r.Body != tc.body {
			t.Errorf("Accept %q: %d %s %q, want %s %q", tc.accept, r.Status, r.Header.Get("Content-Type"), r.Body, tc.contentType, tc.body)
		}
	}
	// Each body documented in JSON is documented in the program's format
	// too, problems included; frameworktest has checked the 200s above.
	doc := fetchDocument(t, app, "/openapi.json")
	post := doc["paths"].(map[string]any)["/pets"].(map[string]any)["post"].(map[string]any)
	for what, content := range map[string]any{
		"the request body": post["requestBody"].(map[string]any)["content"],
		"the 422":          resolveResponse(t, doc, responsesOf(t, doc, "/pets", "post")["422"])["content"],
	} {
		if _, ok := content.(map[string]any)["application/x-lines"]; !ok {
			t.Errorf("%s of POST /pets is not documented in application/x-lines: %v", what, content)
		}
	}
	// The program's formats do not replace Signet's JSON policy.
	r := roundTrip(t, srv, "POST", "/pets", map[string]string{"Content-Type": "application/json", "Accept": "application/json"}, `{"name":"Tom","kind":"cat","name":"Jerry"}`)
	if r.Status != http.StatusBadRequest {
		t.Errorf("a JSON body naming a member twice: %d, want 400\n%s", r.Status, r.Body)
	}
}

func TestHumaConfigDocs(t *testing.T) {
	for _, renderer := range []string{"", huma.DocsRendererSwaggerUI, huma.DocsRendererStoplightElements} {
		app, _ := humaApp(t, func(c *huma.Config) { c.DocsRenderer = renderer })
		r := roundTrip(t, serve(t, app), "GET", "/docs", nil, "")
		if r.Status != http.StatusOK || !strings.Contains(r.Body, "swagger-ui") || strings.Contains(r.Body, "unpkg.com") {
			t.Errorf("DocsRenderer %q: /docs answers %d, want Signet's embedded Swagger UI:\n%s", renderer, r.Status, clip(r.Body))
		}
	}
	v := mustPanic(t, func() { humaApp(t, func(c *huma.Config) { c.DocsRenderer = huma.DocsRendererScalar }) })
	for _, want := range []string{"DocsRenderer", `"scalar"`, "CDN", "offline", "huma.DocsRendererSwaggerUI"} {
		if !strings.Contains(fmt.Sprint(v), want) {
			t.Errorf("the refusal of Scalar does not say %q: %v", want, v)
		}
	}
	// Without a docs page, the renderer does not matter.
	humaApp(t, func(c *huma.Config) { c.DocsRenderer, c.DocsPath = huma.DocsRendererScalar, "" })

	app, _ := humaApp(t, func(c *huma.Config) { c.DocsPath = "/reference" })
	srv := serve(t, app)
	if r := roundTrip(t, srv, "GET", "/reference", nil, ""); r.Status != http.StatusOK {
		t.Errorf("DocsPath /reference: GET /reference %d", r.Status)
	}
	if r := roundTrip(t, srv, "GET", "/docs", nil, ""); r.Status != http.StatusNotFound {
		t.Errorf("DocsPath /reference: GET /docs %d, want 404", r.Status)
	}
}

func TestHumaConfigDocumentRoutes(t *testing.T) {
	app, _ := humaApp(t, func(c *huma.Config) { c.OpenAPIPath = "/spec" })
	srv := serve(t, petApp(app))
	for target, status := range map[string]int{
		"/spec.json": 200, "/spec.yaml": 200, "/spec-3.0.json": 200, "/spec-3.0.yaml": 200,
		"/openapi.json": 404,
	} {
		if r := roundTrip(t, srv, "GET", target, nil, ""); r.Status != status {
			t.Errorf("OpenAPIPath /spec: GET %s %d, want %d", target, r.Status, status)
		}
	}
	r := roundTrip(t, srv, "GET", "/docs/swagger-initializer.js", nil, "")
	if !strings.Contains(r.Body, `"/spec.json"`) {
		t.Errorf("the docs page does not load /spec.json:\n%s", clip(r.Body))
	}

	app, _ = humaApp(t, func(c *huma.Config) { c.OpenAPIPath, c.DocsPath = "", "" })
	srv = serve(t, petApp(app))
	for _, target := range []string{"/openapi.json", "/openapi.yaml", "/openapi-3.0.json", "/docs"} {
		if r := roundTrip(t, srv, "GET", target, nil, ""); r.Status != http.StatusNotFound {
			t.Errorf("OpenAPIPath and DocsPath empty: GET %s %d, want 404", target, r.Status)
		}
	}
}

func TestHumaConfigDocument(t *testing.T) {
	namer := func(t reflect.Type, hint string) string { return "My" + huma.DefaultSchemaNamer(t, hint) }
	app, _ := humaApp(t, func(c *huma.Config) {
		c.Info.Contact = &huma.Contact{Name: "Ops", Email: "ops@example.com"}
		c.Info.License = &huma.License{Name: "MIT", Identifier: "MIT"}
		c.Servers = []*huma.Server{{URL: "https://api.example.com"}}
		c.Tags = []*huma.Tag{{Name: "items", Description: "Items."}}
		c.Components.Schemas = huma.NewMapRegistry("#/components/schemas/", namer)
		c.Components.SecuritySchemes = map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}}
		c.OnAddOperation = append(c.OnAddOperation, func(_ *huma.OpenAPI, op *huma.Operation) {
			op.Tags = append(op.Tags, "items")
		})
	})
	doc := fetchDocument(t, petApp(app), "/openapi.json")
	checks := map[string]any{
		"info.title":            doc["info"].(map[string]any)["title"],
		"info.contact.email":    doc["info"].(map[string]any)["contact"].(map[string]any)["email"],
		"info.license.name":     doc["info"].(map[string]any)["license"].(map[string]any)["name"],
		"servers[0].url":        doc["servers"].([]any)[0].(map[string]any)["url"],
		"tags[0].name":          doc["tags"].([]any)[0].(map[string]any)["name"],
		"securitySchemes":       len(doc["components"].(map[string]any)["securitySchemes"].(map[string]any)),
		"GET /item tags":        fmt.Sprint(doc["paths"].(map[string]any)["/item"].(map[string]any)["get"].(map[string]any)["tags"]),
		"schema named by namer": doc["components"].(map[string]any)["schemas"].(map[string]any)["MyItemBody"] != nil,
	}
	want := map[string]any{
		"info.title": "Huma API", "info.contact.email": "ops@example.com", "info.license.name": "MIT",
		"servers[0].url": "https://api.example.com", "tags[0].name": "items", "securitySchemes": 1,
		"GET /item tags": "[items]", "schema named by namer": true,
	}
	for key, w := range want {
		if fmt.Sprint(checks[key]) != fmt.Sprint(w) {
			t.Errorf("%s = %v, want %v", key, checks[key], w)
		}
	}
}

// TestHumaConfigLeftAsGiven: New copies what it changes; the program's
// huma.Config is as it was, and a second App from it starts alike.
func TestHumaConfigLeftAsGiven(t *testing.T) {
	hc := huma.DefaultConfig("Huma API", "1.0.0")
	hc.Paths = map[string]*huma.PathItem{}
	hc.Components.SecuritySchemes = map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}}
	hooks, transformers, onAdd := len(hc.CreateHooks), len(hc.Transformers), len(hc.OnAddOperation)
	for range 2 {
		app := framework.New(framework.Config{Huma: &hc, Logger: discardLogger()})
		petApp(app)
		app.OpenAPI().Components.SecuritySchemes["key"] = &huma.SecurityScheme{Type: "apiKey", In: "header", Name: "X-Key"}
		if r := roundTrip(t, serve(t, app), "GET", "/item", nil, ""); r.Status != http.StatusOK {
			t.Fatalf("GET /item: %d", r.Status)
		}
	}
	if len(hc.Paths) != 0 || len(hc.CreateHooks) != hooks || len(hc.Transformers) != transformers ||
		len(hc.OnAddOperation) != onAdd || len(hc.Components.SecuritySchemes) != 1 || hc.OpenAPIPath != "/openapi" {
		t.Errorf("New changed the program's huma.Config: %d paths, %d hooks, %d transformers, %d OnAddOperation, %d security schemes, OpenAPIPath %q",
			len(hc.Paths), len(hc.CreateHooks), len(hc.Transformers), len(hc.OnAddOperation), len(hc.Components.SecuritySchemes), hc.OpenAPIPath)
	}
}

func TestHumaConfigRefusals(t *testing.T) {
	tests := []struct {
		name   string
		config func(hc *huma.Config) framework.Config
		want   []string // fragments of the message
	}{
		{"SchemaLinks too", func(hc *huma.Config) framework.Config {
			return framework.Config{Huma: hc, SchemaLinks: true}
		}, []string{"SchemaLinks", "CreateHooks"}},
		{"another title", func(hc *huma.Config) framework.Config {
			return framework.Config{Huma: hc, Title: "Other"}
		}, []string{"Config.Title", `"Other"`, "Info.Title", `"Huma API"`, "one place"}},
		{"another version", func(hc *huma.Config) framework.Config {
			return framework.Config{Huma: hc, Version: "2.0.0"}
		}, []string{"Config.Version", "Info.Version"}},
		{"another license", func(hc *huma.Config) framework.Config {
			hc.Info.License = &huma.License{Name: "MIT"}
			return framework.Config{Huma: hc, License: &huma.License{Name: "Apache-2.0"}}
		}, []string{"License"}},
		{"another docs path", func(hc *huma.Config) framework.Config {
			return framework.Config{Huma: hc, DocsPath: "/reference"}
		}, []string{"Config.DocsPath", `"/reference"`, "Config.Huma.DocsPath", `"/docs"`}},
		{"docs off in one place only", func(hc *huma.Config) framework.Config {
			hc.DocsPath = ""
			return framework.Config{Huma: hc, DocsPath: "/docs"}
		}, []string{"DocsPath"}},
		{"another document path", func(hc *huma.Config) framework.Config {
			return framework.Config{Huma: hc, OpenAPI30JSONPath: framework.Disabled}
		}, []string{"Config.OpenAPI30JSONPath", "OpenAPIPath", `"/openapi-3.0.json"`}},
		{"operations in the document", func(hc *huma.Config) framework.Config {
			hc.Paths = map[string]*huma.PathItem{"/elsewhere": {Get: &huma.Operation{OperationID: "elsewhere"}}}
			return framework.Config{Huma: hc}
		}, []string{"Paths", "/elsewhere", "register"}},
		{"no formats", func(hc *huma.Config) framework.Config {
			*hc = huma.Config{}
			return framework.Config{Huma: hc}
		}, []string{"Formats", "huma.DefaultConfig"}},
		{"a default format it does not have", func(hc *huma.Config) framework.Config {
			hc.DefaultFormat = "application/cbor"
			return framework.Config{Huma: hc}
		}, []string{`"application/cbor"`, "application/json, json"}},
		{"OpenAPI 3.0", func(hc *huma.Config) framework.Config {
			hc.OpenAPI.OpenAPI = "3.0.3"
			return framework.Config{Huma: hc}
		}, []string{`"3.0.3"`, "3.1", "OpenAPI30JSONPath"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hc := huma.DefaultConfig("Huma API", "1.0.0")
			config := tc.config(&hc)
			v := mustPanic(t, func() { framework.New(config) })
			msg := fmt.Sprint(v)
			if !strings.HasPrefix(msg, "signet: ") {
				t.Errorf("the message does not start with \"signet: \": %s", msg)
			}
			for _, want := range tc.want {
				if !strings.Contains(msg, want) {
					t.Errorf("the message does not say %s: %s", want, msg)
				}
			}
		})
	}
}

// TestHumaConfigAgreements: a setting given in both places with the same
// value, or in one of them, is no conflict.
func TestHumaConfigAgreements(t *testing.T) {
	hc := huma.DefaultConfig("Huma API", "1.0.0")
	app := framework.New(framework.Config{Huma: &hc, Title: "Huma API", DocsPath: "/docs", OpenAPIJSONPath: "/openapi.json", Logger: discardLogger()})
	if title := fetchDocument(t, app, "/openapi.json")["info"].(map[string]any)["title"]; title != "Huma API" {
		t.Errorf("title %v", title)
	}
	hc = huma.DefaultConfig("", "")
	app = framework.New(framework.Config{Huma: &hc, Title: "Signet API", Version: "2.0.0", Logger: discardLogger()})
	info := fetchDocument(t, app, "/openapi.json")["info"].(map[string]any)
	if info["title"] != "Signet API" || info["version"] != "2.0.0" {
		t.Errorf("Config's title and version do not fill the Huma configuration's empty ones: %v", info)
	}
}
