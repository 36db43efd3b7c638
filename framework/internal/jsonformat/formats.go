// Package jsonformat is Signet's JSON format for Huma: request bodies
// decoded with the results and error messages of encoding/json, in less
// time, under the policy every JSON request body must follow (valid UTF-8,
// no member named twice, type errors that do not name Go types); responses
// encoded with the bytes of Huma's default JSON format, by the same engine
// from Go 1.27 on (see Marshal).
package jsonformat

import (
	"io"
	"maps"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// Formats returns a copy of formats (Huma's Config.Formats) in which every
// JSON format (application/json, json and any +json type) decodes request
// bodies with Unmarshal, and, where it encodes with Huma's default JSON
// format and encoding/json is built on the JSON v2 engine (Go 1.27 on),
// encodes responses with Marshal: the same engine and bytes, in less time.
// A JSON format the program wrote keeps its own encoding. The formats given
// are not changed: Huma's defaults are shared by every API in the process.
func Formats(formats map[string]huma.Format) map[string]huma.Format {
	out := maps.Clone(formats)
	for mediaType, format := range out {
		if !isJSONMediaType(mediaType) {
			continue
		}
		if format.Unmarshal != nil {
			format.Unmarshal = Unmarshal
		}
		if encodingJSONIsV2 && isHumaDefaultMarshal(format.Marshal) {
			format.Marshal = Marshal
		}
		out[mediaType] = format
	}
	return out
}

// humaDefaultMarshal is the code pointer of the Marshal of Huma's
// DefaultJSONFormat, read when this package is initialized: before any
// init function of the program's own, which might assign another function
// to that variable.
var humaDefaultMarshal = reflect.ValueOf(huma.DefaultJSONFormat.Marshal).Pointer()

// isHumaDefaultMarshal reports whether marshal is Huma's default JSON
// Marshal (a function without captured state, so the same code pointer
// means the same function).
func isHumaDefaultMarshal(marshal func(w io.Writer, v any) error) bool {
	return marshal != nil && reflect.ValueOf(marshal).Pointer() == humaDefaultMarshal
}

func isJSONMediaType(mediaType string) bool {
	return mediaType == "json" || mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
}
