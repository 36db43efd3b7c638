package framework

import (
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// documentWireShapes documents the members of op's body types whose shape
// on the wire, as encoding/json writes and reads it, Huma's schemas get
// wrong by the Go kind:
//   - a map or a []byte is null when nil: Huma documents an object or a
//     string, not null (it does make slices nullable). A member tagged
//     omitempty or omitzero is left out instead of null, and a nullable
//     tag is the program's own word: both are left as they are;
//   - an array of bytes ([32]byte) is a JSON array of numbers: Huma
//     documents a base64 string, which only a []byte is.
//
// It reads the schemas Huma documented for op (bodySchemas), so it applies
// whoever registered op. Editing a schema twice changes nothing.
func documentWireShapes(schemas []namedSchema) {
	for _, named := range schemas {
		if implementsJSONMethods(named.t) {
			continue // it writes and reads itself
		}
		for _, f := range jsonFields(named.t) {
			s := named.schema.Properties[jsonMemberName(f)]
			if s == nil || implementsJSONMethods(f.Type) {
				continue
			}
			t := derefType(f.Type)
			if (t.Kind() == reflect.Map || isByteSlice(t)) && !omitted(f) && f.Tag.Get("nullable") == "" {
				s.Nullable = true
			}
			// A byte array, or slices of them.
			for s != nil && t.Kind() == reflect.Slice && !isByteSlice(t) && s.Type == huma.TypeArray {
				s, t = s.Items, derefType(t.Elem())
			}
			if s != nil && isByteArray(t) && s.Type == huma.TypeString {
				documentByteArray(s, t.Len())
			}
		}
	}
}

// documentByteArray makes s, Huma's base64 string for an array of n
// bytes, the array of n numbers from 0 to 255 encoding/json writes.
func documentByteArray(s *huma.Schema, n int) {
	zero, most := 0.0, 255.0
	s.Type, s.ContentEncoding, s.Format = huma.TypeArray, "", ""
	s.Items = &huma.Schema{Type: huma.TypeInteger, Minimum: &zero, Maximum: &most}
	s.Items.PrecomputeMessages()
	s.MinItems, s.MaxItems = &n, &n
	s.PrecomputeMessages()
}

func isByteSlice(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && !implementsJSONMethods(t.Elem())
}

func isByteArray(t reflect.Type) bool {
	return t.Kind() == reflect.Array && t.Elem().Kind() == reflect.Uint8 && !implementsJSONMethods(t)
}

// omitted reports whether encoding/json leaves f out when it is empty or
// zero, rather than writing null.
func omitted(f reflect.StructField) bool {
	_, options, _ := strings.Cut(f.Tag.Get("json"), ",")
	opts := strings.Split(options, ",")
	return slices.Contains(opts, "omitempty") || slices.Contains(opts, "omitzero")
}
