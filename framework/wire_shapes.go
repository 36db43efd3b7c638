package framework

import (
	"reflect"

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
// It reads the members of the schemas Huma documented for op
// (bodyMembers), so it applies whoever registered op. Editing a schema
// twice changes nothing.
func documentWireShapes(members []bodyMember) {
	for _, m := range members {
		f, s := m.field, m.schema
		if s == nil || implementsJSONMethods(f.Type) {
			continue
		}
		t := derefType(f.Type)
		omitted := hasJSONOption(f, "omitempty") || hasJSONOption(f, "omitzero")
		if (t.Kind() == reflect.Map || isByteSlice(t)) && !omitted && f.Tag.Get("nullable") == "" {
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
