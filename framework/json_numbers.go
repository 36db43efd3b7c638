package framework

import (
	"encoding/json"
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// documentJSONNumbers makes registry document encoding/json's Number as
// what it is on the wire: a JSON number. encoding/json writes one as a
// number and reads a number into one; Huma, seeing a string type,
// documents a string, and so validates requests against a string (a
// number is refused with 422) and describes every response wrongly.
//
// It is a type alias in the registry, Huma's own extension point, so that
// every way of registering an operation documents and validates the same.
// A pointer to a Number is documented as a number too, not nullable (as
// for every type that provides its own schema): tag the field
// `nullable:"true"` to accept and document null. A registry in which the
// program already gave Number a schema of its own keeps it.
func documentJSONNumbers(registry huma.Registry) {
	numberType := reflect.TypeFor[json.Number]()
	if s := registry.Schema(numberType, false, ""); s == nil || s.Type != huma.TypeString || s.Format != "" {
		return
	}
	registry.RegisterTypeAlias(numberType, reflect.TypeFor[jsonNumberSchema]())
}

// jsonNumberSchema stands for json.Number in the schema registry.
type jsonNumberSchema struct{}

func (jsonNumberSchema) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeNumber}
}
