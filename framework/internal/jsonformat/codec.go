package jsonformat

import (
	"encoding"
	"encoding/json"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
	segjson "github.com/segmentio/encoding/json"
)

// withFastJSON returns a copy of formats whose JSON formats decode request
// bodies with fastUnmarshalJSON and encode responses with fastMarshalJSON.
// Signet's JSON policy (withJSONPolicy) wraps the result, as it wraps any
// decoder.
func withFastJSON(formats map[string]huma.Format) map[string]huma.Format {
	out := maps.Clone(formats)
	for mediaType, format := range out {
		if mediaType == "json" || mediaType == "application/json" || strings.HasSuffix(mediaType, "+json") {
			if format.Unmarshal != nil {
				format.Unmarshal = fastUnmarshalJSON
			}
			if format.Marshal != nil {
				format.Marshal = fastMarshalJSON
			}
			out[mediaType] = format
		}
	}
	return out
}

// fastMarshalJSON writes v as Huma's JSON format does (encoding/json's
// Encoder without HTML escaping, a newline at the end), byte for byte, in
// about half the time when v's type allows: it encodes with
// github.com/segmentio/encoding/json, a replacement for encoding/json
// tested against the standard library's own test suite, which compiles an
// encoder per type instead of walking values by reflection.
//
// The two do not agree everywhere (see plainJSON for where they differ),
// so only types built of plain values take it; any other value, and any
// value the fast encoder refuses, is encoded by encoding/json, so that
// errors are encoding/json's. Signet's tests compare the two on tricky
// values and by fuzzing.
func fastMarshalJSON(w io.Writer, v any) error {
	if v != nil && plainJSON(reflect.TypeOf(v)) {
		buf := encodeBuffers.Get().(*[]byte)
		defer putEncodeBuffer(buf)
		// SortMapKeys, and no EscapeHTML: encoding/json's Encoder with
		// SetEscapeHTML(false).
		out, err := segjson.Append((*buf)[:0], v, segjson.SortMapKeys)
		if err == nil {
			*buf = append(out, '\n')
			_, err = w.Write(*buf)
			return err
		}
	}
	return huma.DefaultJSONFormat.Marshal(w, v)
}

// encodeBuffers holds the buffers fastMarshalJSON encodes into.
var encodeBuffers = sync.Pool{New: func() any { return new([]byte) }}

// putEncodeBuffer returns buf to the pool unless one large response grew
// it: that memory would stay pinned in the pool.
func putEncodeBuffer(buf *[]byte) {
	if cap(*buf) <= 64<<10 {
		encodeBuffers.Put(buf)
	}
}

// plainTypes caches plainJSON's answers; types are few and never change.
var plainTypes sync.Map // reflect.Type -> bool

// plainJSON reports whether values of t take the fast encoder: t is built
// of booleans, numbers and strings, in structs, pointers, slices, arrays and
// maps keyed by strings or integers. Anything else sends the whole value to
// encoding/json, because that is where the two encoders were found to
// differ or fail:
//   - a method of its own (MarshalJSON, MarshalText): segmentio's keeps the
//     spaces of MarshalJSON text, calls MarshalText on string map keys, and
//     crashed the process (memory corruption, which no recover catches) on
//     a map keyed by pointers with a pointer-receiver MarshalText;
//   - time.Time: segmentio's formats it without Time.MarshalJSON's checks,
//     so a year outside 0-9999 came out as a non-RFC 3339 string instead of
//     an error;
//   - json.Number: segmentio's checks only that it starts like a number and
//     writes the rest as it is, so "1,\"admin\":true" injected a member where
//     encoding/json refuses the value;
//   - the omitzero and string tag options: omitzero is ignored, and a nil
//     pointer with ,string comes out as "null" instead of null;
//   - interfaces, which may hold anything.
func plainJSON(t reflect.Type) bool {
	if plain, ok := plainTypes.Load(t); ok {
		return plain.(bool)
	}
	plain := isPlainJSON(t, map[reflect.Type]bool{})
	plainTypes.Store(t, plain)
	return plain
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	numberType        = reflect.TypeFor[json.Number]()
)

func isPlainJSON(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if t == numberType {
		return false
	}
	if t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType) ||
		t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(textMarshalerType) {
		return false
	}
	if visiting[t] {
		return true // a recursive type: plain if the rest of it is
	}
	visiting[t] = true
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return isPlainJSON(t.Elem(), visiting)
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			return isPlainJSON(t.Key(), visiting) && isPlainJSON(t.Elem(), visiting)
		}
		return false
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && !f.Anonymous {
				continue
			}
			if _, options, _ := strings.Cut(f.Tag.Get("json"), ","); slices.ContainsFunc(strings.Split(options, ","), func(option string) bool {
				return option == "omitzero" || option == "string"
			}) {
				return false
			}
			if !isPlainJSON(f.Type, visiting) {
				return false
			}
		}
		return true
	}
	return false // interfaces, which may hold anything; channels, functions: errors
}

// fastUnmarshalJSON decodes a JSON request body as encoding/json.Unmarshal
// does, with the same result and the same errors, in less time. Huma
// decodes every body twice, first into an any to validate it, then into
// the input struct, and the two decodes are about a third of the cost of a
// small POST; encoding/json also scans each body once more to check it
// before decoding.
//
// It decodes with the JSON v2 engine (github.com/go-json-experiment/json,
// the proposed encoding/json/v2, by the authors of encoding/json): into an
// any with v2 itself (the result is the same as encoding/json's: objects,
// arrays, float64 numbers, strings, bools, nil), into anything else with
// its v1 package, which keeps encoding/json's semantics (case-insensitive
// names, legacy methods, ...). v2 refuses invalid UTF-8 (an escaped lone
// surrogate included) and duplicate names, which encoding/json accepts;
// Signet's JSON policy refuses most of them before decoding, and for the
// rest the fallback below decides. (Passing v2 options to accept them
// would double the cost of a decode.) On any error it decodes again with
// encoding/json and returns encoding/json's error, so that error messages
// and the policy's restatement of them do not change. Like Huma's, v must
// point to a zero value.
func fastUnmarshalJSON(data []byte, v any) error {
	var err error
	if p, ok := v.(*any); ok {
		err = jsonv2.Unmarshal(data, p)
	} else {
		err = jsonv1.Unmarshal(data, v)
	}
	if err != nil {
		// Undo what the failed decode filled in (Huma decodes into zero
		// values) and let encoding/json decide, fill and describe.
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
			rv.Elem().SetZero()
		}
		return json.Unmarshal(data, v)
	}
	return nil
}
