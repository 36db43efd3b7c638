package jsonformat

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Some of encoding/json's errors repeat the request's content or do not
// say where in the body the fault is:
//   - a type's own decoding method (UnmarshalJSON, UnmarshalText) returns
//     its error as it is: time.Time's repeats the text it could not
//     parse, math/big's the number;
//   - for a json.Number given a string that does not hold a number, the
//     error repeats the string before Go 1.27 (a plain error), and from Go
//     1.27 on does not say where the value is.
//
// describeError restates them as describeTypeError restates type errors:
// where the value is, and what was expected, without the value.
// The place comes from decoding the body again with the v2 engine, which
// says where it stopped; only a body already refused pays that pass.

// describeError restates err, encoding/json's error for decoding data into
// a value of type t (a pointer), in terms of the JSON document: a syntax
// error as it is, a type error by describeTypeError, an error that would
// repeat the value or not say where it is from where the v2 engine stops.
func describeError(data []byte, t reflect.Type, err error) error {
	var (
		syntaxErr  *json.SyntaxError
		typeErr    *json.UnmarshalTypeError
		invalidErr *json.InvalidUnmarshalError
	)
	switch {
	case errors.As(err, &syntaxErr), errors.As(err, &invalidErr):
		return err
	case errors.As(err, &typeErr):
		if typeErr.Type != numberType || typeErr.Field != "" {
			return describeTypeError(err)
		}
	}
	p, goType, cause, found := firstFault(data, t)
	switch {
	case !found:
		return errors.New("a value in the body is not valid; see the schema of the request body")
	case cause == nil || errors.Is(cause, errNotANumber):
		return mismatch(location(p), goType)
	default:
		return errors.New("the value of " + location(p) + " is not valid; see its schema")
	}
}

// firstFault decodes data into a value of type t (a pointer) with the v2
// engine, checking each json.Number as encoding/json does, and returns
// where it stopped, the Go type it was decoding and the cause (nil for a
// value of another JSON kind). It has not found one when the body decodes
// or is not JSON.
func firstFault(data []byte, t reflect.Type) (p jsontext.Pointer, goType reflect.Type, cause error, found bool) {
	err := jsonv2.Unmarshal(data, reflect.New(t.Elem()).Interface(), structOptionsLoneSurrogates, checkNumbers)
	var semanticErr *jsonv2.SemanticError
	if !errors.As(err, &semanticErr) || semanticErr.GoType == nil {
		return "", nil, nil, false
	}
	goType = semanticErr.GoType
	for goType.Kind() == reflect.Pointer {
		goType = goType.Elem()
	}
	return semanticErr.JSONPointer, goType, semanticErr.Err, true
}

var errNotANumber = errors.New("not a number")

// checkNumbers makes the v2 engine refuse, as encoding/json does, a
// json.Number given anything but null, a number, or a string that holds a
// number.
var checkNumbers = jsonv2.WithUnmarshalers(jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, n *json.Number) error {
	val, err := dec.ReadValue()
	if err != nil {
		return err
	}
	switch val.Kind() {
	case 'n':
		return nil
	case '0':
		*n = json.Number(val)
		return nil
	case '"':
		if s, err := jsontext.AppendUnquote(nil, val); err == nil && isNumber(s) {
			*n = json.Number(s)
			return nil
		}
	}
	return &jsonv2.SemanticError{JSONKind: val.Kind(), GoType: numberType, Err: errNotANumber}
}))

// isNumber reports whether s is exactly one JSON number.
func isNumber(s []byte) bool {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	return len(s) > 0 && (s[0] == '-' || isDigit(s[0])) && isDigit(s[len(s)-1]) && json.Valid(s)
}

// location names where p points in the body, as describeTypeError does:
// "the body", or "body." and the names and indexes on the way, joined by
// dots.
func location(p jsontext.Pointer) string {
	if p == "" {
		return "the body"
	}
	return "body." + strings.Join(slices.Collect(p.Tokens()), ".")
}
