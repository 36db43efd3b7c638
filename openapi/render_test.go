package openapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/signet-go/signet/openapi"
	"go.yaml.in/yaml/v4"
)

type Base struct {
	Zeta     string `json:"zeta"`
	Shadowed string `json:"name"` // hidden by Thing.Name, which is shallower
	Alpha    string `json:"alpha"`
}

type Thing struct {
	Name string `json:"name"`
	Beta int    `json:"beta"`
	Base
	Aardvark bool      `json:"aardvark"`
	When     time.Time `json:"when"`
	Skipped  string    `json:"-"`
	Untagged string
}

type thingOutput struct{ Body Thing }

// newAPI builds a Huma API on net/http with operations registered in an
// order unlike the method order, and many named maps.
func newAPI() huma.API {
	api := humago.New(http.NewServeMux(), huma.DefaultConfig("Test API", "1.0.0"))
	handler := func(context.Context, *struct{}) (*thingOutput, error) { return &thingOutput{}, nil }
	for _, method := range []string{http.MethodDelete, http.MethodPatch, http.MethodPost, http.MethodPut, http.MethodGet} {
		huma.Register(api, huma.Operation{Method: method, Path: "/things", OperationID: strings.ToLower(method) + "-things", Summary: method}, handler)
	}
	for _, path := range []string{"/z", "/a", "/m", "/b", "/y"} {
		huma.Get(api, path, handler)
	}
	api.OpenAPI().Tags = []*huma.Tag{{Name: "b"}, {Name: "a"}}
	return api
}

func render(t *testing.T, doc *huma.OpenAPI, opts openapi.Options) []byte {
	t.Helper()
	out, err := openapi.Render(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// keysOf lists the keys of the JSON object at the JSON Pointer path of
// data, in the order they are written.
func keysOf(t *testing.T, data []byte, path ...string) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	for _, key := range path {
		if !seekKey(dec, key) {
			t.Fatalf("no key %q on the way to %v", key, path)
		}
	}
	var keys []string
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		t.Fatalf("%v is not an object", path)
	}
	for dec.More() {
		tok, _ := dec.Token()
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// seekKey advances dec into the next object up to the value of key.
func seekKey(dec *json.Decoder, key string) bool {
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return false
	}
	for dec.More() {
		tok, _ := dec.Token()
		if tok == key {
			return true
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return false
		}
	}
	return false
}

func TestRenderPutsKeysInSpecificationOrder(t *testing.T) {
	doc := newAPI().OpenAPI()
	doc.Servers = []*huma.Server{{URL: "http://127.0.0.1"}}
	doc.ExternalDocs = &huma.ExternalDocs{URL: "https://example.com/docs"}
	doc.Security = []map[string][]string{}
	doc.Webhooks = map[string]*huma.PathItem{"hook": {}}
	doc.JSONSchemaDialect = "https://spec.openapis.org/oas/3.1/dialect/base"
	doc.Extensions = map[string]any{"x-a": 1}
	out := render(t, doc, openapi.Options{})

	want := []string{"openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs", "x-a"}
	if got := keysOf(t, out); !slices.Equal(got, want) {
		t.Errorf("top-level keys %v, want %v", got, want)
	}
	if got, want := keysOf(t, out, "info"), []string{"title", "version"}; !slices.Equal(got, want) {
		t.Errorf("info keys %v, want %v", got, want)
	}
	if got, want := keysOf(t, out, "paths", "/things"), []string{"get", "put", "post", "delete", "patch"}; !slices.Equal(got, want) {
		t.Errorf("operations %v, want method order %v", got, want)
	}
	if got, want := keysOf(t, out, "paths"), []string{"/a", "/b", "/m", "/things", "/y", "/z"}; !slices.Equal(got, want) {
		t.Errorf("paths %v, want sorted %v", got, want)
	}
	op := keysOf(t, out, "paths", "/things", "get")
	if want := []string{"summary", "operationId", "responses"}; !slices.Equal(op, want) {
		t.Errorf("operation keys %v, want %v", op, want)
	}
	if got := keysOf(t, out, "paths", "/things", "get", "responses", "200"); !slices.Equal(got, []string{"description", "content"}) {
		t.Errorf("response keys %v", got)
	}
	// Tags keep the order the API gave them: it is meaningful to readers.
	if !bytes.Contains(out, []byte("\"tags\": [\n    {\n      \"name\": \"b\"\n    },\n    {\n      \"name\": \"a\"")) {
		t.Errorf("tags reordered:\n%s", out)
	}
}

func TestRenderListsPropertiesInStructFieldOrder(t *testing.T) {
	out := render(t, newAPI().OpenAPI(), openapi.Options{})
	// The order encoding/json writes a Thing in.
	written, err := json.Marshal(Thing{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range regexp.MustCompile(`"(\w+)":`).FindAllSubmatch(written, -1) {
		want = append(want, string(m[1]))
	}
	got := keysOf(t, out, "components", "schemas", "Thing", "properties")
	// Huma's default configuration adds a "$schema" property that no field
	// declares; properties no field declares come after the fields.
	if got[len(got)-1] == "$schema" {
		got = got[:len(got)-1]
	}
	if !slices.Equal(got, want) {
		t.Errorf("properties %v, want the order encoding/json writes: %v", got, want)
	}
	if !slices.Equal(want, []string{"name", "beta", "zeta", "alpha", "aardvark", "when", "Untagged"}) {
		t.Errorf("the fixture no longer tests embedding and shadowing: %v", want)
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	for _, opts := range allOptions() {
		first := render(t, newAPI().OpenAPI(), opts)
		for range 20 {
			// A new API each time: Go randomises map order per map.
			if again := render(t, newAPI().OpenAPI(), opts); !bytes.Equal(first, again) {
				t.Fatalf("%+v: two renders differ:\n%s\n---\n%s", opts, first, again)
			}
		}
	}
}

func TestRenderDoesNotChangeTheDocument(t *testing.T) {
	doc := kitchenDoc(t)
	before := render(t, doc, openapi.Options{})
	render(t, doc, openapi.Options{Version: openapi.V30})
	if after := render(t, doc, openapi.Options{}); !bytes.Equal(before, after) {
		t.Error("rendering 3.0 changed the 3.1 rendering of the same document")
	}
}

func TestYAMLSaysWhatJSONSays(t *testing.T) {
	doc := kitchenDoc(t)
	doc.Info.Description = "yes: no\n- true\n'quoted' \"double\" # not a comment\n  indented\ttab"
	doc.Extensions = map[string]any{"x-tricky": []any{"null", "1.0", "on", "", " lead", "0x1F", "2024-01-02", "@at", "a: b", 1.5, nil, true}}
	for _, version := range []openapi.Version{openapi.V31, openapi.V30} {
		asJSON := render(t, doc, openapi.Options{Version: version})
		asYAML := render(t, doc, openapi.Options{Version: version, Format: openapi.YAML})
		converted, err := yamlToJSON(asYAML)
		if err != nil {
			t.Fatalf("%s: %v\n%s", version, err, asYAML)
		}
		var fromJSON, fromYAML any
		if err := json.Unmarshal(asJSON, &fromJSON); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(converted, &fromYAML); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromJSON, fromYAML) {
			t.Errorf("%s: YAML and JSON documents differ", version)
		}
		if !bytes.HasPrefix(asYAML, []byte("openapi: ")) || !bytes.HasSuffix(asYAML, []byte("\n")) {
			t.Errorf("%s: YAML starts %q", version, asYAML[:20])
		}
	}
}

// yamlToJSON parses a YAML document with go-yaml, a parser Signet did not
// write, and writes it as JSON.
func yamlToJSON(data []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

func TestRenderRejectsUnknownOptions(t *testing.T) {
	doc := newAPI().OpenAPI()
	for _, opts := range []openapi.Options{{Version: "3.2"}, {Format: "xml"}} {
		if _, err := openapi.Render(doc, opts); err == nil {
			t.Errorf("%+v: no error", opts)
		}
	}
}

func allOptions() []openapi.Options {
	var all []openapi.Options
	for _, v := range []openapi.Version{openapi.V31, openapi.V30} {
		for _, f := range []openapi.Format{openapi.JSON, openapi.YAML} {
			all = append(all, openapi.Options{Version: v, Format: f})
		}
	}
	return all
}
