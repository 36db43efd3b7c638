// Package jsonformat is Signet's JSON format for Huma: the policy every JSON
// request body must follow (valid UTF-8, no member named twice, type errors
// that do not name Go types), decoding that gives encoding/json's results
// in less time, and response encoding that writes encoding/json's bytes in
// less time.
package jsonformat

import "github.com/danielgtaylor/huma/v2"

// Formats returns a copy of formats (Huma's Config.Formats) in which every
// JSON format (application/json, json and any +json type) decodes and
// encodes as this package does and enforces the JSON policy. The formats
// given are not changed: Huma's defaults are shared by every API in the
// process.
func Formats(formats map[string]huma.Format) map[string]huma.Format {
	return withJSONPolicy(withFastJSON(formats))
}
