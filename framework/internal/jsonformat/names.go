package jsonformat

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// hasFoldedDuplicate reports whether an object in v, a value decoded into
// an any, has two members whose names differ only in case (Unicode simple
// folding, as strings.EqualFold), as encoding/json and Huma's validator
// match names to struct fields. The decoder has already refused names
// that are exactly the same.
//
// It walks the decoded value, not the text, and no deeper than the
// decoder went (its depth limit).
func hasFoldedDuplicate(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		if len(v) > smallObject && hasFoldedDuplicateName(v) {
			return true
		}
		var seen [smallObject]string // the names so far, for a small object
		names := seen[:0]
		for name, member := range v {
			if len(v) <= smallObject {
				for _, other := range names {
					if equalFoldNames(name, other) {
						return true
					}
				}
				names = append(names, name)
			}
			if isContainer(member) && hasFoldedDuplicate(member) {
				return true
			}
		}
	case []any:
		for _, element := range v {
			if isContainer(element) && hasFoldedDuplicate(element) {
				return true
			}
		}
	}
	return false
}

// isContainer reports whether v, a decoded value, is an object or an array.
func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// hasDuplicateNames reports whether an object in the JSON text data names
// a member twice, exactly or in another case, before the end of the first
// JSON value or the first syntax error. It reads the text with the v2
// engine's tokenizer, which stops at its depth limit, and keeps the names
// of the open objects only. It serves where the decoder stopped before
// reading every name: at a value it could not decode into its target.
func hasDuplicateNames(data []byte) bool {
	// Escaped lone surrogates must pass, as encoding/json accepts them.
	// Duplicates are found below: the tokenizer's own check keeps more
	// per open object.
	dec := jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
	var (
		open  []openObject // innermost last
		names []string     // the names of the open objects, innermost last
	)
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return false
		}
		switch kind, length := dec.StackIndex(dec.StackDepth()); {
		case tok.Kind() == '{':
			open = append(open, openObject{first: len(names)})
		case tok.Kind() == '}':
			names = names[:open[len(open)-1].first]
			open = open[:len(open)-1]
		case kind == '{' && length%2 == 1: // a name: names and values alternate
			var seen bool
			if seen, names = open[len(open)-1].add(names, tok.String()); seen {
				return true
			}
		}
		if dec.StackDepth() == 0 {
			return false
		}
	}
}

// openObject is an object whose names are being read.
type openObject struct {
	first  int                 // the index of its first name in names
	folded map[string]struct{} // its names, folded, once it has many
}

// add records name in the object, whose names are names[o.first:] until it
// has smallObject of them and then o.folded, and reports whether the
// object already has a name that differs from it only in case.
func (o *openObject) add(names []string, name string) (bool, []string) {
	if o.folded != nil {
		key := foldName(name)
		if _, seen := o.folded[key]; seen {
			return true, names
		}
		o.folded[key] = struct{}{}
		return false, names
	}
	for _, other := range names[o.first:] {
		if equalFoldNames(name, other) {
			return true, names
		}
	}
	names = append(names, name)
	if len(names)-o.first > smallObject { // a set keeps the cost linear
		o.folded = make(map[string]struct{}, 2*smallObject)
		for _, n := range names[o.first:] {
			o.folded[foldName(n)] = struct{}{}
		}
		names = names[:o.first]
	}
	return false, names
}

// smallObject is how many names an object may have before its names are
// folded into a set rather than compared pairwise, so that an object with
// many members costs linear time.
const smallObject = 16

// hasFoldedDuplicateName reports whether a large object has two names that
// differ only in case.
func hasFoldedDuplicateName(object map[string]any) bool {
	folded := make(map[string]struct{}, len(object))
	for name := range object {
		key := foldName(name)
		if _, seen := folded[key]; seen {
			return true
		}
		folded[key] = struct{}{}
	}
	return false
}

// equalFoldNames is strings.EqualFold, quicker for the common case of two
// ASCII names of different lengths, which cannot be equal.
func equalFoldNames(a, b string) bool {
	if len(a) != len(b) && isASCII(a) && isASCII(b) {
		return false
	}
	return strings.EqualFold(a, b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldName maps names that strings.EqualFold takes for the same to one
// string: each rune becomes the smallest rune of its case-folding orbit.
func foldName(name string) string {
	return strings.Map(func(r rune) rune {
		smallest := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			smallest = min(smallest, f)
		}
		return smallest
	}, name)
}
