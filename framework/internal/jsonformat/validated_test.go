package jsonformat

import (
	"reflect"
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

// What Huma does with a validated JSON body, through its public API: it
// decodes the body into an any, validates that against the schema, then
// decodes the body again into the input's body type. BenchmarkValidatedBody
// times each stage and the whole, for the POST body of bench/ (valid, and
// failing validation): what a design that decodes a body once could save.

type validatedDraft struct {
	Name  string   `json:"name" minLength:"1" maxLength:"100"`
	Price float64  `json:"price" minimum:"0" maximum:"1000000"`
	Tags  []string `json:"tags,omitempty" maxItems:"8"`
}

type validatedBody struct {
	registry huma.Registry
	schema   *huma.Schema
	path     *huma.PathBuffer
	result   huma.ValidateResult
}

func newValidatedBody() *validatedBody {
	registry := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	return &validatedBody{
		registry: registry,
		schema:   registry.Schema(reflect.TypeFor[validatedDraft](), true, "Draft"),
		path:     huma.NewPathBuffer(make([]byte, 0, 128), 0),
	}
}

// validate validates a decoded body as Huma does, and returns the number
// of errors.
func (vb *validatedBody) validate(parsed any) int {
	vb.result.Reset()
	vb.path.Reset()
	vb.path.Push("body")
	huma.Validate(vb.registry, vb.schema, vb.path, huma.ModeWriteToServer, parsed, &vb.result)
	return len(vb.result.Errors)
}

// process is Huma's processing of a body: it returns the number of
// validation errors, or -1 when the body does not decode.
func (vb *validatedBody) process(unmarshal func([]byte, any) error, body []byte) int {
	var parsed any
	if err := unmarshal(body, &parsed); err != nil {
		return -1
	}
	errs := vb.validate(parsed)
	var draft validatedDraft
	_ = unmarshal(body, &draft) // Huma decodes into the struct even when validation failed
	return errs
}

func TestValidatedBody(t *testing.T) {
	vb := newValidatedBody()
	for body, want := range map[string]int{
		`{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`: 0,
		`{"name":"","price":-1}`:              2,
		`{"name":"a","price":1,"extra":true}`: 1,
		`{"name":"a","NAME":"b","price":1}`:   -1,
	} {
		if got := vb.process(jsonFormat.Unmarshal, []byte(body)); got != want {
			t.Errorf("%s: %d, want %d (%v)", body, got, want, vb.result.Errors)
		}
	}
}

func BenchmarkValidatedBody(b *testing.B) {
	for _, payload := range []struct{ name, body string }{
		{"valid", `{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`},
		{"invalid", `{"name":"","price":-1}`},
	} {
		body := []byte(payload.body)
		vb := newValidatedBody()
		var parsed any
		if err := jsonFormat.Unmarshal(body, &parsed); err != nil {
			b.Fatal(err)
		}
		for _, stage := range []struct {
			name string
			run  func()
		}{
			{"decode-any", func() {
				var v any
				_ = jsonFormat.Unmarshal(body, &v)
			}},
			{"validate", func() { vb.validate(parsed) }},
			{"decode-struct", func() {
				var draft validatedDraft
				_ = jsonFormat.Unmarshal(body, &draft)
			}},
			{"all", func() { vb.process(jsonFormat.Unmarshal, body) }},
		} {
			b.Run("body="+payload.name+"/stage="+stage.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					stage.run()
				}
			})
		}
	}
}
