package jsonformat

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
)

// hasDuplicateNames reports whether an object in the JSON text data names
// a member twice, comparing names as encoding/json matches them to struct
// fields: after unescaping, and regardless of case (Unicode simple
// folding, as strings.EqualFold). It is the duplicate-name rule of
// Signet's JSON policy (policy.go) in one pass over the bytes, without
// tokenizing: it runs on every JSON request body, twice (Huma decodes a
// body twice), so it must cost little next to decoding.
//
// data is expected to be valid UTF-8. On text that is not valid JSON it
// returns false or true without failing; the decoder reports the syntax
// error.
func hasDuplicateNames(data []byte) bool {
	// The stacks start in arrays of this frame, so that a body of small
	// objects nested a few levels deep costs no allocation.
	var (
		frames [8]scanFrame
		spans  [32][]byte
	)
	stack := frames[:0] // the open objects and arrays, innermost last
	names := spans[:0]  // the raw names of the open objects, innermost last
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '{', '[':
			stack = append(stack, scanFrame{object: c == '{', expectKey: c == '{', first: len(names)})
		case '}', ']':
			if len(stack) == 0 {
				return false
			}
			names = names[:stack[len(stack)-1].first]
			stack = stack[:len(stack)-1]
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].expectKey = true
			}
		case '"':
			end := stringEnd(data, i+1)
			if end < 0 {
				return false
			}
			if n := len(stack); n > 0 && stack[n-1].expectKey {
				stack[n-1].expectKey = false
				var seen bool
				if seen, names = addName(names, &stack[n-1], data[i+1:end]); seen {
					return true
				}
			}
			i = end
		}
	}
	return false
}

// smallObject is how many names an object may have before its names are
// kept in a map rather than compared pairwise, so that an object with
// many members costs linear time.
const smallObject = 16

// scanFrame is an open object or array.
type scanFrame struct {
	object    bool
	expectKey bool
	first     int                 // index in names of the object's first name
	folded    map[string]struct{} // the folded names, once the object is large
}

// addName records name in the innermost object, top, whose names are
// names[top.first:], and reports whether the object already has it.
func addName(names [][]byte, top *scanFrame, name []byte) (bool, [][]byte) {
	if top.folded != nil {
		folded := foldJSONName(name)
		if _, seen := top.folded[folded]; seen {
			return true, names
		}
		top.folded[folded] = struct{}{}
		return false, names
	}
	for _, other := range names[top.first:] {
		if sameJSONName(name, other) {
			return true, names
		}
	}
	names = append(names, name)
	if len(names)-top.first > smallObject {
		top.folded = make(map[string]struct{}, 2*smallObject)
		for _, n := range names[top.first:] {
			top.folded[foldJSONName(n)] = struct{}{}
		}
		names = names[:top.first]
	}
	return false, names
}

// stringEnd returns the index of the quote that closes the string whose
// content starts at start, or -1.
func stringEnd(data []byte, start int) int {
	for i := start; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i
		case '\\':
			i++ // the escaped byte; a \uXXXX's digits are not quotes
		}
	}
	return -1
}

// sameJSONName compares two raw (still escaped) member names.
func sameJSONName(a, b []byte) bool {
	if bytes.IndexByte(a, '\\') < 0 && bytes.IndexByte(b, '\\') < 0 {
		return bytes.EqualFold(a, b)
	}
	return strings.EqualFold(unescapeJSONName(a), unescapeJSONName(b))
}

// foldJSONName maps names that strings.EqualFold takes for the same to one
// string: each rune becomes the smallest rune of its case-folding orbit.
func foldJSONName(raw []byte) string {
	return strings.Map(func(r rune) rune {
		smallest := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			smallest = min(smallest, f)
		}
		return smallest
	}, unescapeJSONName(raw))
}

// unescapeJSONName returns a raw name with its escapes resolved, or the raw
// text if it is not a valid JSON string (the decoder reports that).
func unescapeJSONName(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	quoted := make([]byte, 0, len(raw)+2)
	quoted = append(append(append(quoted, '"'), raw...), '"')
	var name string
	if json.Unmarshal(quoted, &name) != nil {
		return string(raw)
	}
	return name
}
