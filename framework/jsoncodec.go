package framework

import (
	"encoding/json"
	"maps"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// withFastJSONDecoding returns a copy of formats whose JSON formats decode
// request bodies with fastUnmarshalJSON. Responses are still encoded by
// encoding/json, which measured faster for them. Signet's JSON policy
// (withJSONPolicy) wraps the result, as it wraps any decoder.
func withFastJSONDecoding(formats map[string]huma.Format) map[string]huma.Format {
	out := maps.Clone(formats)
	for mediaType, format := range out {
		if format.Unmarshal != nil && (mediaType == "json" || mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")) {
			format.Unmarshal = fastUnmarshalJSON
			out[mediaType] = format
		}
	}
	return out
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
