package jsonformat

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"sync"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// Request bodies are decoded by the JSON v2 engine
// (github.com/go-json-experiment/json, the proposed encoding/json/v2, by
// the authors of encoding/json), which is memory-safe (no package unsafe)
// and decodes faster than encoding/json. It enforces most of Signet's JSON
// policy in the same pass over the text as the decode: it refuses invalid
// UTF-8 and an object that names a member twice, and stops at a nesting
// depth of 10000.
//
// Into an any (Huma decodes every body into one to validate it) it runs
// with its own defaults, which give encoding/json's values. Into anything
// else it runs with the options of its v1 package, which keep
// encoding/json's semantics (names matched regardless of case, legacy
// methods, ...), except that it refuses invalid UTF-8 and duplicate names,
// and reports errors as v2 does: its legacy error reporting would check
// the whole text once more before decoding.
var (
	structOptions = jsonv2.JoinOptions(jsonv1.DefaultOptionsV1(),
		jsontext.AllowInvalidUTF8(false), jsontext.AllowDuplicateNames(false),
		jsonv1.ReportErrorsWithLegacySemantics(false))
	// The same, accepting escaped lone surrogates ("\ud800"), which
	// encoding/json replaces with U+FFFD: v2 refuses them with invalid
	// UTF-8. Used only once the raw text is known to be valid UTF-8.
	structOptionsLoneSurrogates = jsonv2.JoinOptions(structOptions, jsontext.AllowInvalidUTF8(true))
	anyOptionsLoneSurrogates    = jsontext.AllowInvalidUTF8(true)
)

// Unmarshal decodes the JSON request body data into v, with the result
// and the errors of encoding/json.Unmarshal, except that it refuses what
// Signet's JSON policy forbids and restates errors that would name Go
// types, repeat the body or not say where the fault is (see
// describeError). Like Huma's, v must point to a zero value.
//
// A body that decodes, which is nearly every body, is read once, by the
// v2 engine. A body that does not is examined further, in a bounded number
// of passes: it breaks the policy, or the v2 engine refused what
// encoding/json accepts (an escaped lone surrogate), or it is not JSON
// that fits v. In the last case encoding/json decides, fills v and
// describes the error, so that error messages are encoding/json's.
// Values that may hold an encoding/json Number are decoded by
// encoding/json, once the policy is checked on the text.
func Unmarshal(data []byte, v any) error {
	if holdsNumber(reflect.TypeOf(v)) {
		return unmarshalWithEncodingJSON(data, v)
	}
	err := decode(data, v, false)
	if err == nil {
		return nil
	}
	// The policy's rules come first, in its order; then the body as JSON.
	reset(v)
	if !utf8.Valid(data) {
		return errBodyNotUTF8
	}
	if isDuplicateName(err) {
		return errDuplicateName
	}
	if atEscape(data, err) {
		if err = decode(data, v, true); err == nil {
			return nil
		}
		reset(v)
		if isDuplicateName(err) {
			return errDuplicateName
		}
	}
	// Not JSON (the decoder checked the names before the syntax error),
	// or a value that does not fit v: the decoder stopped there, before it
	// read the names after it.
	var syntaxErr *jsontext.SyntacticError
	if !errors.As(err, &syntaxErr) && hasDuplicateNames(data) {
		return errDuplicateName
	}
	return decodeWithEncodingJSON(data, v)
}

// unmarshalWithEncodingJSON checks the policy on data and decodes it with
// encoding/json.
func unmarshalWithEncodingJSON(data []byte, v any) error {
	if !utf8.Valid(data) {
		return errBodyNotUTF8
	}
	if hasDuplicateNames(data) {
		return errDuplicateName
	}
	return decodeWithEncodingJSON(data, v)
}

// decodeWithEncodingJSON decodes data into v with encoding/json, which
// fills v as it does, and describes its error (describeError).
func decodeWithEncodingJSON(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return describeError(data, reflect.TypeOf(v), err)
	}
	return nil
}

// holdsNumber reports whether a value of type t may hold an
// encoding/json.Number. The v2 engine decodes one as a plain string, where
// encoding/json checks that it holds a number: such values are decoded by
// encoding/json. (Its answers are kept: types are few and never change.)
func holdsNumber(t reflect.Type) bool {
	if known, ok := numberTypes.Load(t); ok {
		return known.(bool)
	}
	holds := holdsNumberIn(t, map[reflect.Type]bool{})
	numberTypes.Store(t, holds)
	return holds
}

var (
	numberTypes     sync.Map // reflect.Type -> bool
	numberType      = reflect.TypeFor[json.Number]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func holdsNumberIn(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if t == numberType {
		return true
	}
	if visiting[t] || reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(textType) {
		return false // seen, or decoded by its own method
	}
	visiting[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return holdsNumberIn(t.Elem(), visiting)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); (f.IsExported() || f.Anonymous) && holdsNumberIn(f.Type, visiting) {
				return true
			}
		}
	}
	return false
}

// decode decodes data into v with the v2 engine, refusing escaped lone
// surrogates unless loneSurrogates, and then refuses an any in which an
// object names a member twice in different cases.
func decode(data []byte, v any, loneSurrogates bool) error {
	p, ok := v.(*any)
	if !ok {
		if loneSurrogates {
			return jsonv2.Unmarshal(data, v, structOptionsLoneSurrogates)
		}
		return jsonv2.Unmarshal(data, v, structOptions)
	}
	var err error
	if loneSurrogates {
		err = jsonv2.Unmarshal(data, p, anyOptionsLoneSurrogates)
	} else {
		err = jsonv2.Unmarshal(data, p)
	}
	if err == nil && hasFoldedDuplicate(*p) {
		return errDuplicateName
	}
	return err
}

func isDuplicateName(err error) bool {
	return errors.Is(err, jsontext.ErrDuplicateName) || errors.Is(err, errDuplicateName)
}

// atEscape reports whether err is a syntax error at a \u escape: an
// escaped lone surrogate, or an escape that is not valid at all.
func atEscape(data []byte, err error) bool {
	var syntaxErr *jsontext.SyntacticError
	return errors.As(err, &syntaxErr) && syntaxErr.ByteOffset >= 0 && syntaxErr.ByteOffset < int64(len(data)) &&
		bytes.HasPrefix(data[syntaxErr.ByteOffset:], []byte(`\u`))
}

// reset undoes what a failed decode filled in.
func reset(v any) {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero()
	}
}
