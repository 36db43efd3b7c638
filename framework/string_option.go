package framework

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// documentStringOption documents the fields of op's body types tagged
// with encoding/json's ",string" option as what encoding/json sends and
// accepts for them: a JSON string that holds the number or boolean
// (`json:"id,string"` sends {"id":"12"}). Huma documents the Go type (an
// integer) and validates requests against it, so that such a field could
// never be sent: the validator wanted a number where encoding/json wants
// a string.
//
// The schema becomes a string whose pattern is the JSON text of the type
// (an integer, a number, true or false), with its format kept, and its
// default, examples and enum written as strings. Numeric bounds (minimum,
// maximum, multipleOf) cannot be checked on a string: an operation that
// declares them on such a field is refused, with what to change.
//
// It reads the members of the schemas Huma documented for op
// (bodyMembers), so it applies whoever registered op. Schemas are shared
// by the operations that use a type; editing one twice changes nothing.
func documentStringOption(op *huma.Operation, members []bodyMember) *RegistrationError {
	for _, m := range members {
		f, s := m.field, m.schema
		pattern, ok := stringOptionPatterns[derefType(f.Type).Kind()]
		if !hasJSONOption(f, "string") || !ok || implementsJSONMethods(f.Type) {
			continue // no option, or one encoding/json ignores there
		}
		if s == nil || s.Type == huma.TypeString {
			continue // not documented, or done already
		}
		if bound := numericBound(s, derefType(f.Type).Kind()); bound != "" {
			return &RegistrationError{
				Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
				Problem: fmt.Sprintf("the field %s of %s is tagged %s and json:\",string\": encoding/json sends and reads it as a JSON string, on which a schema cannot check %s",
					f.Name, typeDescription(m.owner.t), bound, bound),
				Fix: fmt.Sprintf("drop the %s tag and check the value in the handler, or drop the \",string\" option", bound),
			}
		}
		s.Type, s.Pattern, s.Minimum = huma.TypeString, pattern, nil
		s.Default = stringForm(s.Default)
		for i := range s.Examples {
			s.Examples[i] = stringForm(s.Examples[i])
		}
		for i := range s.Enum {
			s.Enum[i] = stringForm(s.Enum[i])
		}
		s.PrecomputeMessages()
	}
	return nil
}

// stringOptionPatterns are, for each kind encoding/json applies the
// ",string" option to, the pattern of the string it sends and accepts.
var stringOptionPatterns = func() map[reflect.Kind]string {
	const (
		integer  = `^-?(0|[1-9][0-9]*)$`
		unsigned = `^(0|[1-9][0-9]*)$`
		number   = `^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`
	)
	patterns := map[reflect.Kind]string{reflect.Bool: `^(true|false)$`, reflect.Float32: number, reflect.Float64: number}
	for _, k := range []reflect.Kind{reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64} {
		patterns[k] = integer
	}
	for _, k := range []reflect.Kind{reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr} {
		patterns[k] = unsigned
	}
	return patterns
}()

// numericBound names the numeric bound s declares, if any; the minimum of
// 0 Huma gives every unsigned type is its pattern's already.
func numericBound(s *huma.Schema, kind reflect.Kind) string {
	unsigned := stringOptionPatterns[kind] == stringOptionPatterns[reflect.Uint]
	switch {
	case s.Minimum != nil && !(unsigned && *s.Minimum == 0):
		return "minimum"
	case s.Maximum != nil:
		return "maximum"
	case s.ExclusiveMinimum != nil:
		return "exclusiveMinimum"
	case s.ExclusiveMaximum != nil:
		return "exclusiveMaximum"
	case s.MultipleOf != nil:
		return "multipleOf"
	}
	return ""
}

// stringForm is a default, example or enum value as the string
// encoding/json sends for it.
func stringForm(v any) any {
	if v == nil {
		return nil
	}
	text, err := json.Marshal(v)
	if err != nil {
		return v
	}
	return string(text)
}
