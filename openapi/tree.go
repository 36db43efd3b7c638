package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
)

// A decoded JSON value keeps the order of object keys so that the document
// can be rearranged and written back deterministically. Values are one of:
// *object, []any, string, json.Number, bool or nil.

// object is a JSON object whose members keep their order.
type object struct {
	members []member
}

type member struct {
	key   string
	value any
}

// get returns the value stored under key.
func (o *object) get(key string) (any, bool) {
	for _, m := range o.members {
		if m.key == key {
			return m.value, true
		}
	}
	return nil, false
}

// getObject returns the value under key when it is an object.
func (o *object) getObject(key string) *object {
	v, _ := o.get(key)
	obj, _ := v.(*object)
	return obj
}

// set replaces the value under key, or appends it as a new member.
func (o *object) set(key string, value any) {
	for i, m := range o.members {
		if m.key == key {
			o.members[i].value = value
			return
		}
	}
	o.members = append(o.members, member{key, value})
}

// remove deletes key and reports whether it was there.
func (o *object) remove(key string) bool {
	for i, m := range o.members {
		if m.key == key {
			o.members = append(o.members[:i], o.members[i+1:]...)
			return true
		}
	}
	return false
}

// keys lists the member names in order.
func (o *object) keys() []string {
	keys := make([]string, len(o.members))
	for i, m := range o.members {
		keys[i] = m.key
	}
	return keys
}

// decodeTree parses JSON, keeping object key order and number literals.
// It reads with jsontext's streaming decoder, which is several times
// cheaper per token than encoding/json's Token.
func decodeTree(data []byte) (any, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(data))
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("openapi: trailing data after the document")
	}
	return v, nil
}

func decodeValue(dec *jsontext.Decoder) (any, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case '{':
		obj := &object{}
		for dec.PeekKind() != '}' {
			keyTok, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			key := keyTok.String() // the token is void after the next read
			value, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			obj.members = append(obj.members, member{key, value})
		}
		_, err := dec.ReadToken() // '}'
		return obj, err
	case '[':
		list := []any{}
		for dec.PeekKind() != ']' {
			value, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, value)
		}
		_, err := dec.ReadToken() // ']'
		return list, err
	case '"':
		return tok.String(), nil
	case '0':
		return json.Number(tok.String()), nil
	case 't', 'f':
		return tok.Bool(), nil
	case 'n':
		return nil, nil
	}
	return nil, fmt.Errorf("openapi: unexpected JSON token %v", tok)
}

// encodeTree writes v as JSON indented by two spaces, with a final newline.
// HTML characters are not escaped: the document is data, not markup.
func encodeTree(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(encodedSize(v, 0) + 1)
	w := &treeWriter{buf: &buf, enc: json.NewEncoder(&buf)}
	w.enc.SetEscapeHTML(false)
	if err := w.value(v, 0); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// treeWriter writes a decoded tree; one encoder serves every scalar.
type treeWriter struct {
	buf *bytes.Buffer
	enc *json.Encoder
}

func (w *treeWriter) value(v any, depth int) error {
	buf := w.buf
	switch v := v.(type) {
	case *object:
		if len(v.members) == 0 {
			buf.WriteString("{}")
			return nil
		}
		buf.WriteByte('{')
		for i, m := range v.members {
			if i > 0 {
				buf.WriteByte(',')
			}
			newline(buf, depth+1)
			if err := w.scalar(m.key); err != nil {
				return err
			}
			buf.WriteString(": ")
			if err := w.value(m.value, depth+1); err != nil {
				return err
			}
		}
		newline(buf, depth)
		buf.WriteByte('}')
	case []any:
		if len(v) == 0 {
			buf.WriteString("[]")
			return nil
		}
		buf.WriteByte('[')
		for i, item := range v {
			if i > 0 {
				buf.WriteByte(',')
			}
			newline(buf, depth+1)
			if err := w.value(item, depth+1); err != nil {
				return err
			}
		}
		newline(buf, depth)
		buf.WriteByte(']')
	default:
		return w.scalar(v)
	}
	return nil
}

func (w *treeWriter) scalar(v any) error {
	switch v := v.(type) {
	case string:
		if isPlain(v) {
			w.buf.WriteByte('"')
			w.buf.WriteString(v)
			w.buf.WriteByte('"')
			return nil
		}
	case json.Number:
		w.buf.WriteString(string(v)) // a literal the decoder read: already valid JSON
		return nil
	case bool:
		w.buf.WriteString(strconv.FormatBool(v))
		return nil
	case nil:
		w.buf.WriteString("null")
		return nil
	}
	if err := w.enc.Encode(v); err != nil {
		return err
	}
	w.buf.Truncate(w.buf.Len() - 1) // Encode ends every value with a newline.
	return nil
}

// isPlain reports whether s is written as it is between quotes: printable
// ASCII without a quote or a backslash, as most keys and values are.
func isPlain(s string) bool {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// encodedSize estimates the size of v as encodeTree writes it at depth, so
// that the output is allocated once: a little over (it counts a comma after
// every member and an indented line in every empty object), and short only
// for strings with escapes.
func encodedSize(v any, depth int) int {
	indent := 1 + 2*(depth+1) // a newline and the members' indentation
	switch v := v.(type) {
	case *object:
		n := 2 + 1 + 2*depth // braces, and the closing brace's line
		for _, m := range v.members {
			n += indent + len(m.key) + 2 + 2 + 1 + encodedSize(m.value, depth+1)
		}
		return n
	case []any:
		n := 2 + 1 + 2*depth
		for _, item := range v {
			n += indent + 1 + encodedSize(item, depth+1)
		}
		return n
	case string:
		return len(v) + 2
	case json.Number:
		return len(v)
	}
	return 5 // true, false, null
}

func newline(buf *bytes.Buffer, depth int) {
	buf.WriteByte('\n')
	for depth*2 > len(spaces) {
		buf.WriteString(spaces)
		depth -= len(spaces) / 2
	}
	buf.WriteString(spaces[:depth*2])
}

// spaces is indentation for 32 levels, written in one piece.
const spaces = "                                                                "
