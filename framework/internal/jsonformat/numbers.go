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

// encoding/json's error for a value that does not fit a json.Number
// repeats the value before Go 1.27 (json: invalid number literal, trying
// to unmarshal "\"...\"" into Number), and from Go 1.27 on does not say
// where the value is. describeNumberError restates both as
// describeTypeError restates the others: where the value is, and what
// was expected, without the value.

// describeNumberError returns err, encoding/json's error for decoding data
// into a value of type t (a pointer), restated if it is about a value that
// does not fit a json.Number.
func describeNumberError(data []byte, t reflect.Type, err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Type != numberType || typeErr.Field != "" {
			return err // describeTypeError says where
		}
	} else if !strings.HasPrefix(err.Error(), legacyNumberError) {
		return err
	}
	if p, found := numberLocation(data, t); found {
		return mismatch(location(p), numberType)
	}
	return errors.New("a value in the body does not fit: expected a number")
}

// legacyNumberError begins encoding/json's error for a string that does
// not hold a number, decoded into a json.Number, before Go 1.27 (a plain
// error, of no type of its own).
const legacyNumberError = "json: invalid number literal"

// numberLocation finds where in data, decoded into a value of type t (a
// pointer), the first value is that does not fit a json.Number: data is
// decoded again, with each json.Number checked as encoding/json checks it.
// It is not found when that decode fails elsewhere first (encoding/json
// goes on after some errors, where the v2 engine stops).
func numberLocation(data []byte, t reflect.Type) (p jsontext.Pointer, found bool) {
	err := jsonv2.Unmarshal(data, reflect.New(t.Elem()).Interface(), structOptionsLoneSurrogates, checkNumbers)
	var semanticErr *jsonv2.SemanticError
	if errors.As(err, &semanticErr) && errors.Is(err, errNotANumber) {
		return semanticErr.JSONPointer, true
	}
	return "", false
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
