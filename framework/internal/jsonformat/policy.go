package jsonformat

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// Signet's policy for JSON request bodies, on top of RFC 8259:
//   - the body must be valid UTF-8 (RFC 8259 section 8.1); encoding/json
//     would silently replace invalid bytes with U+FFFD;
//   - an object must not name a member twice (RFC 8259 section 4 leaves
//     the outcome undefined: parsers keep the first or the last, so a proxy
//     and the API could act on different values), and names that differ
//     only in case count as the same: encoding/json and Huma's validator
//     match struct fields regardless of case, and with {"name": "ok",
//     "NAME": ""} the validator checked "ok" while the handler got "";
//   - members the schema does not declare are refused with 422, as Huma's
//     schemas say (additionalProperties: false). A single member whose
//     name differs from the declared one only in case ("Name" for "name")
//     is accepted, as encoding/json accepts it.
//
// Breaking the first two answers 400 Bad Request; the error says what is
// wrong without repeating the body. Unmarshal enforces them as it
// decodes; Huma's validator enforces the third. Decoding into an any (the
// decode Huma validates) holds every object to the second rule; decoding
// into a struct counts names that differ only in case as the same where
// they name the same field (elsewhere, in a map or among unknown members,
// encoding/json keeps both names or neither).

var (
	errBodyNotUTF8   = errors.New("the body is not valid UTF-8; JSON must be encoded in UTF-8 (RFC 8259 section 8.1)")
	errDuplicateName = errors.New("a JSON object in the body names the same member twice (names that differ only in case count as the same); send each member once")
)

// describeTypeError restates encoding/json's "cannot unmarshal number 1e99
// into Go struct field T.f of type int64", which echoes the value and
// names Go types, in terms of the JSON document.
func describeTypeError(err error) error {
	if err == nil {
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	if !errors.As(err, &typeErr) {
		return err
	}
	where := "the body"
	if typeErr.Field != "" {
		where = "body." + typeErr.Field
	}
	return mismatch(where, typeErr.Type)
}

// mismatch says that the value at where (a location) does not fit Go
// type t.
func mismatch(where string, t reflect.Type) error {
	return fmt.Errorf("the value of %s does not fit: expected %s", where, jsonKind(t))
}

// jsonKind describes the JSON values that decode into a Go type.
func jsonKind(t reflect.Type) string {
	if t == reflect.TypeFor[json.Number]() {
		return "a number" // a string type that holds one
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("an integer of at most %d bits", t.Bits())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("a non-negative integer of at most %d bits", t.Bits())
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	default:
		return "another kind of value"
	}
}
