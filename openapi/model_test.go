package openapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/openapi"
)

// The renderer reads Huma's model itself instead of calling its
// MarshalJSON. These tests hold it to writing what MarshalJSON writes, for
// real documents and for documents where every field of every model type
// is set, so that a field a later Huma adds shows up here.

func TestModelTreeWritesWhatHumaMarshals(t *testing.T) {
	docs := map[string]*huma.OpenAPI{
		"kitchen sink":      kitchenDoc(t),
		"ordering fixture":  newAPI().OpenAPI(),
		"every field set":   filled(t, fillEverything),
		"every field empty": filled(t, fillEmpty),
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			built, marshaled, err := openapi.BuiltAndMarshaled(doc)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(built, marshaled) {
				t.Errorf("the model tree differs from Huma's MarshalJSON:\n%s", firstDifference(built, marshaled))
			}
		})
	}
}

func TestModelTreeReportsValuesJSONRefuses(t *testing.T) {
	doc := newAPI().OpenAPI()
	doc.Extensions = map[string]any{"x-channel": make(chan int)}
	if _, err := openapi.Render(doc, openapi.Options{}); err == nil {
		t.Fatal("a channel in an extension rendered without an error")
	}
}

func TestModelTreeLeavesHiddenPropertiesOut(t *testing.T) {
	type withHidden struct {
		Shown  string `json:"shown"`
		Secret string `json:"secret" hidden:"true"`
	}
	registry := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	registry.Schema(reflect.TypeFor[withHidden](), true, "")
	doc := &huma.OpenAPI{OpenAPI: "3.1.0", Info: &huma.Info{Title: "t", Version: "1"}, Components: &huma.Components{Schemas: registry}}
	out := render(t, doc, openapi.Options{})
	if !bytes.Contains(out, []byte(`"shown"`)) || bytes.Contains(out, []byte(`"secret"`)) {
		t.Errorf("want shown and not secret:\n%s", out)
	}
}

type fillMode int

const (
	fillEverything fillMode = iota // every field a non-zero value
	fillEmpty                      // every pointer set, every map and slice empty
)

// filled returns a document whose every exported field, at every level,
// is set by fill.
func filled(t *testing.T, mode fillMode) *huma.OpenAPI {
	t.Helper()
	doc := &huma.OpenAPI{}
	fill(reflect.ValueOf(doc).Elem(), mode, 0)
	return doc
}

// maxDepth bounds the recursion of schemas in schemas, operations in
// callbacks and so on.
const maxDepth = 6

func fill(v reflect.Value, mode fillMode, depth int) {
	if depth > maxDepth {
		return
	}
	switch v.Type() {
	case reflect.TypeFor[huma.Registry]():
		registry := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
		schema := &huma.Schema{}
		fill(reflect.ValueOf(schema).Elem(), mode, depth+1)
		registry.Map()["Filled"] = schema
		v.Set(reflect.ValueOf(registry))
		return
	case reflect.TypeFor[any]():
		if mode == fillEverything {
			v.Set(reflect.ValueOf(map[string]any{"b": []any{"s", 1.5, true, nil, 7}, "a": map[string]any{"n": 2}}))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), mode, depth+1)
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), mode, depth+1)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		if mode == fillEverything {
			for _, key := range []string{"x-second", "first", "description"} {
				item := reflect.New(v.Type().Elem()).Elem()
				fill(item, mode, depth+1)
				v.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), item)
			}
		}
	case reflect.Slice:
		n := 0
		if mode == fillEverything {
			n = 2
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(v.Index(i), mode, depth+1)
		}
	case reflect.String:
		if mode == fillEverything {
			v.SetString(strings.ToLower(v.Type().Name()) + "<&>\u2028 value")
		}
	case reflect.Bool:
		v.SetBool(mode == fillEverything)
	case reflect.Int, reflect.Int64:
		if mode == fillEverything {
			v.SetInt(42)
		}
	case reflect.Float64:
		if mode == fillEverything {
			v.SetFloat(0.000001)
		}
	}
}

// firstDifference shows where two renderings part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("model tree:\n%s\n\nHuma:\n%s", a[from:min(len(a), i+200)], b[from:min(len(b), i+200)])
}

// ownRegistry is a schema registry of an application's own, which encodes
// itself.
type ownRegistry struct{ huma.Registry }

func (r ownRegistry) MarshalJSON() ([]byte, error) { return json.Marshal(r.Map()) }

func TestModelTreeRenamesHumaKeywordsInAnApplicationsRegistry(t *testing.T) {
	registry := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	registry.Map()["Code"] = &huma.Schema{Type: "string", Pattern: "^[A-Z]+$", PatternDescription: "capital letters",
		Properties: map[string]*huma.Schema{"inner": {Type: "string", Pattern: "x", PatternDescription: "an x"}}}
	doc := &huma.OpenAPI{OpenAPI: "3.1.0", Info: &huma.Info{Title: "t", Version: "1"}, Components: &huma.Components{Schemas: ownRegistry{registry}}}
	out := string(render(t, doc, openapi.Options{}))
	if strings.Count(out, `"x-patternDescription"`) != 2 || strings.Contains(out, `"patternDescription"`) {
		t.Errorf("want both patternDescriptions renamed:\n%s", out)
	}
}

func TestModelTreeLeavesANilRegistryOut(t *testing.T) {
	doc := &huma.OpenAPI{OpenAPI: "3.1.0", Info: &huma.Info{Title: "t", Version: "1"}, Components: &huma.Components{}}
	out := string(render(t, doc, openapi.Options{}))
	if strings.Contains(out, `"schemas"`) || !strings.Contains(out, `"components": {}`) {
		t.Errorf("want components without schemas (Huma writes null, which OpenAPI does not allow):\n%s", out)
	}
}

func TestModelTreeKeepsAnExplicitPatternDescriptionExtensionOnce(t *testing.T) {
	registry := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	registry.Map()["Code"] = &huma.Schema{Type: "string", Pattern: "^[A-Z]+$", PatternDescription: "from the field",
		Extensions: map[string]any{"x-patternDescription": "from the extension"}}
	doc := &huma.OpenAPI{OpenAPI: "3.1.0", Info: &huma.Info{Title: "t", Version: "1"}, Components: &huma.Components{Schemas: registry}}
	out := string(render(t, doc, openapi.Options{}))
	if strings.Count(out, `"x-patternDescription"`) != 1 || !strings.Contains(out, `"from the extension"`) {
		t.Errorf("want one x-patternDescription, the extension's:\n%s", out)
	}
}
