// Package jsonformat is Signet's JSON format for Huma: request bodies
// decoded with the results and error messages of encoding/json, in less
// time, under the policy every JSON request body must follow (valid UTF-8,
// no member named twice, type errors that do not name Go types); responses
// encoded by Huma's own JSON format.
package jsonformat

import (
	"maps"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// Formats returns a copy of formats (Huma's Config.Formats) in which every
// JSON format (application/json, json and any +json type) decodes request
// bodies with Unmarshal. Encoding is left to the formats given: Huma's
// default writes encoding/json's bytes, and so responses do not change.
// The formats given are not changed: Huma's defaults are shared by every
// API in the process.
func Formats(formats map[string]huma.Format) map[string]huma.Format {
	out := maps.Clone(formats)
	for mediaType, format := range out {
		if isJSONMediaType(mediaType) && format.Unmarshal != nil {
			format.Unmarshal = Unmarshal
			out[mediaType] = format
		}
	}
	return out
}

func isJSONMediaType(mediaType string) bool {
	return mediaType == "json" || mediaType == "application/json" || strings.HasSuffix(mediaType, "+json")
}
