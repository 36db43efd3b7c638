package openapi_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/signet-go/signet/internal/kitchensink"
	"github.com/signet-go/signet/openapi"
)

func kitchenDoc(t *testing.T) *huma.OpenAPI {
	t.Helper()
	return kitchensink.New().OpenAPI()
}

func ptr[T any](v T) *T { return &v }

// downgradeCases are 3.1 schemas (as Huma writes them, or as extensions
// make them) and the 3.0 schemas they must become.
var downgradeCases = map[string]struct {
	schema *huma.Schema
	want   string
}{
	"nullable scalar": {
		&huma.Schema{Type: "string", Nullable: true},
		`{"type": "string", "nullable": true}`,
	},
	"only null": {
		&huma.Schema{Extensions: map[string]any{"type": "null"}},
		`{"nullable": true, "enum": [null]}`,
	},
	"several types": {
		&huma.Schema{Extensions: map[string]any{"type": []any{"string", "integer", "null"}}},
		`{"nullable": true, "anyOf": [{"type": "string"}, {"type": "integer"}]}`,
	},
	"const": {
		&huma.Schema{Type: "string", Extensions: map[string]any{"const": "on"}},
		`{"type": "string", "enum": ["on"]}`,
	},
	"examples": {
		&huma.Schema{Type: "integer", Examples: []any{3}},
		`{"type": "integer", "example": 3}`,
	},
	"exclusive bounds": {
		&huma.Schema{Type: "number", ExclusiveMinimum: ptr(0.0), ExclusiveMaximum: ptr(10.0)},
		`{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true}`,
	},
	"exclusive bound weaker than inclusive": {
		&huma.Schema{Type: "number", Minimum: ptr(5.0), ExclusiveMinimum: ptr(1.0)},
		`{"type": "number", "minimum": 5}`,
	},
	"base64": {
		&huma.Schema{Type: "string", ContentEncoding: "base64"},
		`{"type": "string", "format": "byte"}`,
	},
	"binary": {
		&huma.Schema{Type: "string", Format: "binary"},
		`{"type": "string", "format": "binary"}`,
	},
	"ref with siblings": {
		&huma.Schema{Ref: "#/components/schemas/Plain", Description: "The plain one"},
		`{"description": "The plain one", "allOf": [{"$ref": "#/components/schemas/Plain"}]}`,
	},
	"nested": {
		&huma.Schema{Type: "object", Properties: map[string]*huma.Schema{
			"list": {Type: "array", Nullable: true, Items: &huma.Schema{Type: "integer", Examples: []any{1}}},
		}, AdditionalProperties: &huma.Schema{Type: "string", Nullable: true}},
		`{"type": "object", "properties": {"list": {"type": "array", "nullable": true, "items": {"type": "integer", "example": 1}}},
		  "additionalProperties": {"type": "string", "nullable": true}}`,
	},
	"pattern description": {
		&huma.Schema{Type: "string", Pattern: "^a$", PatternDescription: "an a"},
		`{"type": "string", "pattern": "^a$", "x-patternDescription": "an a"}`,
	},
}

// dropCases are 3.1 schemas with what 3.0 cannot say, and what remains.
var dropCases = map[string]struct {
	schema *huma.Schema
	want   string
	warn   string
}{
	"dependentRequired": {
		&huma.Schema{Type: "object", DependentRequired: map[string][]string{"a": {"b"}}},
		`{"type": "object"}`,
		`dropped schema keyword "dependentRequired" at #/components/schemas/dependentRequired`,
	},
	"more examples": {
		&huma.Schema{Type: "integer", Examples: []any{1, 2, 3}},
		`{"type": "integer", "example": 1}`,
		`dropped examples after the first (2) at #/components/schemas/more examples`,
	},
	"other media type": {
		&huma.Schema{Type: "string", Extensions: map[string]any{"contentMediaType": "image/png"}},
		`{"type": "string"}`,
		`dropped contentMediaType image/png at #/components/schemas/other media type`,
	},
}

func docWithSchemas(schemas map[string]*huma.Schema) *huma.OpenAPI {
	api := humago.New(http.NewServeMux(), huma.DefaultConfig("Downgrade", "1.0.0"))
	doc := api.OpenAPI()
	doc.Components.Schemas.Map()["Plain"] = &huma.Schema{Type: "string"}
	for name, schema := range schemas {
		doc.Components.Schemas.Map()[name] = schema
	}
	return doc
}

func componentSchemas(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var doc struct {
		OpenAPI    string
		Components struct{ Schemas map[string]any }
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Components.Schemas
}

func TestDowngradeSchemas(t *testing.T) {
	schemas := map[string]*huma.Schema{}
	for name, c := range downgradeCases {
		schemas[name] = c.schema
	}
	var warnings []string
	out := render(t, docWithSchemas(schemas), openapi.Options{Version: openapi.V30, Warn: func(msg string) { warnings = append(warnings, msg) }})
	got := componentSchemas(t, out)
	for name, c := range downgradeCases {
		var want any
		if err := json.Unmarshal([]byte(c.want), &want); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got[name], want) {
			g, _ := json.Marshal(got[name])
			t.Errorf("%s: got %s, want %s", name, g, c.want)
		}
	}
	if len(warnings) > 0 {
		t.Errorf("lossless conversions warned: %q", warnings)
	}
}

func TestDowngradeWarnsAboutEachDroppedThing(t *testing.T) {
	schemas := map[string]*huma.Schema{}
	for name, c := range dropCases {
		schemas[name] = c.schema
	}
	doc := docWithSchemas(schemas)
	doc.JSONSchemaDialect = "https://spec.openapis.org/oas/3.1/dialect/base"
	doc.Info.License = &huma.License{Name: "MIT", Identifier: "MIT"}
	doc.Info.Extensions = map[string]any{"summary": "Short"}
	doc.Webhooks = map[string]*huma.PathItem{"b-hook": {}, "a-hook": {}}
	doc.Components.PathItems = map[string]*huma.PathItem{"shared": {}}
	doc.Components.SecuritySchemes = map[string]*huma.SecurityScheme{"mtls": {Type: "mutualTLS"}, "key": {Type: "apiKey", In: "header", Name: "K"}}
	doc.Security = []map[string][]string{{"mtls": {}, "key": {}}}
	doc.Components.Responses = map[string]*huma.Response{"Gone": {Ref: "#/components/responses/Other", Description: "Overrides"}}

	var warnings []string
	out := render(t, doc, openapi.Options{Version: openapi.V30, Warn: func(msg string) { warnings = append(warnings, msg) }})
	wantWarnings := []string{
		`dropped jsonSchemaDialect at #`,
		`dropped webhook "a-hook" at #/webhooks`,
		`dropped webhook "b-hook" at #/webhooks`,
		`dropped path item "shared" at #/components/pathItems`,
		`dropped security scheme "mtls" at #/components/securitySchemes`,
		`dropped requirement of "mtls" at #/security/0`,
		`dropped summary at #/info`,
		`dropped identifier at #/info/license`,
		`dropped description at #/components/responses/Gone`,
	}
	for _, c := range dropCases {
		wantWarnings = append(wantWarnings, c.warn)
	}
	for _, want := range wantWarnings {
		if !slices.ContainsFunc(warnings, func(w string) bool { return strings.HasPrefix(w, "openapi 3.0: "+want+": ") }) {
			t.Errorf("no warning %q in:\n%s", want, strings.Join(warnings, "\n"))
		}
	}
	if len(warnings) != len(wantWarnings) {
		t.Errorf("%d warnings, want %d:\n%s", len(warnings), len(wantWarnings), strings.Join(warnings, "\n"))
	}

	got := componentSchemas(t, out)
	for name, c := range dropCases {
		var want any
		if err := json.Unmarshal([]byte(c.want), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got[name], want) {
			g, _ := json.Marshal(got[name])
			t.Errorf("%s: got %s, want %s", name, g, c.want)
		}
	}
	var rest map[string]any
	if err := json.Unmarshal(out, &rest); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"webhooks", "jsonSchemaDialect"} {
		if _, ok := rest[key]; ok {
			t.Errorf("%s still in the 3.0 document", key)
		}
	}
	if rest["openapi"] != "3.0.3" {
		t.Errorf("openapi %v, want 3.0.3", rest["openapi"])
	}
	if sec, _ := json.Marshal(rest["security"]); string(sec) != `[{"key":[]}]` {
		t.Errorf("security %s, want the apiKey requirement only", sec)
	}
}

func TestDowngradeWithoutWarnIsQuiet(t *testing.T) {
	doc := kitchenDoc(t)
	if _, err := openapi.Render(doc, openapi.Options{Version: openapi.V30}); err != nil {
		t.Fatal(err)
	}
}
