package framework_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// fetchDocument returns the document an App serves at path, decoded.
func fetchDocument(t *testing.T, app *framework.App, path string) map[string]any {
	t.Helper()
	srv := serve(t, app)
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return doc
}

// responsesOf returns the documented responses of one operation.
func responsesOf(t *testing.T, doc map[string]any, path, method string) map[string]map[string]any {
	t.Helper()
	op, ok := doc["paths"].(map[string]any)[path].(map[string]any)[method].(map[string]any)
	if !ok {
		t.Fatalf("no %s %s in the document", method, path)
	}
	out := map[string]map[string]any{}
	for key, r := range op["responses"].(map[string]any) {
		out[key] = r.(map[string]any)
	}
	return out
}

func TestDocumentStatusRules(t *testing.T) {
	app, _ := newApp(t)
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/implicit-200"}, handle[withBody])
	framework.Register(app, framework.Operation{Method: http.MethodPost, Path: "/implicit-204"}, handle[withoutBody])
	framework.Register(app, framework.Operation{Method: http.MethodDelete, Path: "/explicit-204", DefaultStatus: http.StatusNoContent}, handle[withoutBody])
	framework.Register(app, framework.Operation{Method: http.MethodPost, Path: "/reset", DefaultStatus: http.StatusResetContent}, handle[withoutBody])
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/extra", Responses: map[string]*huma.Response{
		"304": {}, "1XX": {}, "2XX": {}, "4XX": {}, "5XX": {}, "default": {}, "299": {},
		"204": {Description: "Said by the user"},
	}}, handle[withBody])
	framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/unusual", DefaultStatus: 299}, handle[withBody])

	for _, version := range []string{"/openapi.json", "/openapi-3.0.json"} {
		t.Run(version, func(t *testing.T) {
			doc := fetchDocument(t, app, version)
			tests := []struct {
				path, method, key string
				description       string
				hasContent        bool
			}{
				{"/implicit-200", "get", "200", "OK", true},
				{"/implicit-204", "post", "204", "No Content", false},
				{"/explicit-204", "delete", "204", "No Content", false},
				{"/reset", "post", "205", "Reset Content", false},
				{"/extra", "get", "200", "OK", true},
				{"/extra", "get", "304", "Not Modified", false},
				{"/extra", "get", "1XX", "Informational", false},
				{"/extra", "get", "2XX", "Successful", false},
				{"/extra", "get", "4XX", "Client Error", false},
				{"/extra", "get", "5XX", "Server Error", false},
				{"/extra", "get", "default", "Error", false},
				{"/extra", "get", "299", "Successful", false},
				{"/extra", "get", "204", "Said by the user", false},
				{"/unusual", "get", "299", "Successful", true},
			}
			for _, tt := range tests {
				responses := responsesOf(t, doc, tt.path, tt.method)
				r, ok := responses[tt.key]
				if !ok {
					t.Errorf("%s %s: no response %s in %v", tt.method, tt.path, tt.key, responses)
					continue
				}
				if r["description"] != tt.description {
					t.Errorf("%s %s %s: description %q, want %q", tt.method, tt.path, tt.key, r["description"], tt.description)
				}
				if _, has := r["content"]; has != tt.hasContent {
					t.Errorf("%s %s %s: has content = %v, want %v", tt.method, tt.path, tt.key, has, tt.hasContent)
				}
			}
			// No response anywhere lacks a description, and no bodiless one has content.
			for path, item := range doc["paths"].(map[string]any) {
				for method, op := range item.(map[string]any) {
					for key, r := range op.(map[string]any)["responses"].(map[string]any) {
						r := resolveResponse(t, doc, r.(map[string]any))
						if d, _ := r["description"].(string); d == "" {
							t.Errorf("%s %s %s has no description", method, path, key)
						}
						if _, has := r["content"]; has && (key == "204" || key == "205" || key == "304" || key[0] == '1') {
							t.Errorf("%s %s %s is bodiless but has content", method, path, key)
						}
					}
					if method == "head" {
						t.Errorf("%s has a HEAD operation: the implicit HEAD of a GET must not be documented", path)
					}
				}
			}
		})
	}
}

// TestDocumentHasNoSchemaLinksByDefault checks that response schemas do not
// get Huma's "$schema" property unless Config.SchemaLinks asks for it.
func TestDocumentHasNoSchemaLinksByDefault(t *testing.T) {
	for _, links := range []bool{false, true} {
		app := framework.New(framework.Config{Title: "T", Version: "1", SchemaLinks: links})
		framework.Register(app, framework.Operation{Method: http.MethodGet, Path: "/item"}, handle[withBody])
		doc := fetchDocument(t, app, "/openapi.json")
		props := doc["components"].(map[string]any)["schemas"].(map[string]any)["ItemBody"].(map[string]any)["properties"].(map[string]any)
		if _, has := props["$schema"]; has != links {
			t.Errorf("SchemaLinks=%v: ItemBody has a $schema property: %v", links, has)
		}
	}
}

func TestDocumentInfo(t *testing.T) {
	license := &huma.License{Name: "MIT", URL: "https://opensource.org/license/mit"}
	app := framework.New(framework.Config{Title: "T", Version: "1.2.3", Description: "About T.", License: license})
	info := fetchDocument(t, app, "/openapi.json")["info"].(map[string]any)
	want := map[string]any{"title": "T", "version": "1.2.3", "description": "About T.",
		"license": map[string]any{"name": "MIT", "url": "https://opensource.org/license/mit"}}
	for key, value := range want {
		if fmt.Sprint(info[key]) != fmt.Sprint(value) {
			t.Errorf("info.%s = %v, want %v", key, info[key], value)
		}
	}
}

// resolveResponse follows a response's $ref to components.responses.
func resolveResponse(t *testing.T, doc map[string]any, r map[string]any) map[string]any {
	t.Helper()
	ref, ok := r["$ref"].(string)
	if !ok {
		return r
	}
	name, found := strings.CutPrefix(ref, "#/components/responses/")
	if !found {
		t.Fatalf("a response refers to %q, outside components.responses", ref)
	}
	shared, _ := doc["components"].(map[string]any)["responses"].(map[string]any)[name].(map[string]any)
	if shared == nil {
		t.Fatalf("a response refers to %q, which the document does not define", ref)
	}
	return shared
}
