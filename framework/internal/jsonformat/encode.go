package jsonformat

import (
	"bytes"
	"io"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// Marshal encodes with the JSON v2 engine, the one that decodes requests,
// with the options of its v1 package (encoding/json's bytes) and without
// HTML escaping, as Huma's default JSON format writes.
//
// From Go 1.27 on, encoding/json is itself built on this engine, and
// github.com/go-json-experiment/json is an alias of encoding/json/v2: a
// Signet program links one JSON engine, the standard library's, and
// Marshal writes encoding/json's bytes exactly (Formats uses it only
// then). Before Go 1.27, the module is a copy of the engine beside
// encoding/json's own, and its v1 options do not know encoding/json's
// types (a json.Number is written as a string).
var encodeOptions = jsonv2.JoinOptions(jsonv1.DefaultOptionsV1(), jsontext.EscapeForHTML(false))

// encodeBuffers holds the buffers Marshal writes a response into before
// it goes out, so that a value that fails to encode writes nothing.
var encodeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer is the largest buffer put back in encodeBuffers: one
// large response must not keep its memory for the life of the process.
const maxPooledBuffer = 64 << 10

// Marshal writes the JSON encoding of v to w, followed by a newline: the
// bytes and the failures of Huma's default JSON format (encoding/json's
// Encoder with HTML escaping off). Nothing is written if v fails to encode.
func Marshal(w io.Writer, v any) error {
	buf := encodeBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			buf.Reset()
			encodeBuffers.Put(buf)
		}
	}()
	if err := jsonv2.MarshalWrite(buf, v, encodeOptions); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}
