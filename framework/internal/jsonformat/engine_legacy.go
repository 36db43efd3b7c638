//go:build !goexperiment.jsonv2

package jsonformat

// encodingJSONIsV2 reports whether encoding/json is built on the JSON v2
// engine. Before Go 1.27 it is not: encoding/json is its own engine, whose
// bytes the v2 module's copy does not always write (a json.Number, invalid
// UTF-8), and so responses stay with Huma's encoding/json format.
const encodingJSONIsV2 = false
