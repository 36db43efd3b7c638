//go:build goexperiment.jsonv2

package jsonformat

// encodingJSONIsV2 reports whether encoding/json is built on the JSON v2
// engine, as it is from Go 1.27 on (GOEXPERIMENT=jsonv2 by default): then
// Marshal and encoding/json are one engine, and Marshal writes its bytes.
const encodingJSONIsV2 = true
