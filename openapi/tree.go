package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
func decodeTree(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("openapi: trailing data after the document")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := &object{}
		for dec.More() {
			keyTok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			value, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			obj.members = append(obj.members, member{keyTok.(string), value})
		}
		_, err := dec.Token() // '}'
		return obj, err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			value, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, value)
		}
		_, err := dec.Token() // ']'
		return list, err
	}
	return tok, nil
}

// encodeTree writes v as JSON indented by two spaces, with a final newline.
// HTML characters are not escaped: the document is data, not markup.
func encodeTree(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeValue(&buf, v, 0); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func encodeValue(buf *bytes.Buffer, v any, depth int) error {
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
			if err := encodeScalar(buf, m.key); err != nil {
				return err
			}
			buf.WriteString(": ")
			if err := encodeValue(buf, m.value, depth+1); err != nil {
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
			if err := encodeValue(buf, item, depth+1); err != nil {
				return err
			}
		}
		newline(buf, depth)
		buf.WriteByte(']')
	default:
		return encodeScalar(buf, v)
	}
	return nil
}

func encodeScalar(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode ends every value with a newline.
	return nil
}

func newline(buf *bytes.Buffer, depth int) {
	buf.WriteByte('\n')
	for range depth {
		buf.WriteString("  ")
	}
}
