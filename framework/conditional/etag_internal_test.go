package conditional

import (
	"slices"
	"testing"
)

// TestParseTagList checks the entity-tag list grammar of RFC 9110
// sections 5.6.1 and 8.8.3 on its edge cases.
func TestParseTagList(t *testing.T) {
	tests := []struct {
		value string
		any   bool
		tags  []ETag
		ok    bool
	}{
		{value: `*`, any: true, ok: true},
		{value: ` * `, any: true, ok: true},
		{value: `"a"`, tags: []ETag{StrongETag("a")}, ok: true},
		{value: `W/"a"`, tags: []ETag{WeakETag("a")}, ok: true},
		{value: `""`, tags: []ETag{StrongETag("")}, ok: true},
		{value: `"a", W/"b",,"c" ,`, tags: []ETag{StrongETag("a"), WeakETag("b"), StrongETag("c")}, ok: true},
		{value: `, ,`, ok: true}, // empty elements only: a list of no tags
		{value: `"a,b"`, tags: []ETag{StrongETag("a,b")}, ok: true},
		{value: "\"caf\xc3\xa9\"", tags: []ETag{StrongETag("caf\xc3\xa9")}, ok: true}, // obs-text
		{value: `"a" "b"`},   // no comma between tags
		{value: `W/ "a"`},    // space after W/
		{value: `w/"a"`},     // W/ is case-sensitive
		{value: `"a`},        // no closing quote
		{value: `a`},         // no quotes
		{value: "\"a\x7f\""}, // DEL is not etagc
		{value: "\"a b\""},   // SP is not etagc
		{value: `*, "a"`},    // * is alone or not at all
		{value: `"a", *`},    // idem
		{value: `"a"x`},      // junk after a tag
	}
	for _, tt := range tests {
		list, ok := parseTagList(tt.value)
		if ok != tt.ok || list.any != tt.any || !slices.Equal(list.tags, tt.tags) {
			t.Errorf("parseTagList(%q) = %+v, %v; want {any:%v tags:%v}, %v", tt.value, list, ok, tt.any, tt.tags, tt.ok)
		}
	}
}

func TestComparisons(t *testing.T) {
	// RFC 9110 section 8.8.3.2, the table of examples.
	tests := []struct {
		a, b         ETag
		strong, weak bool
	}{
		{WeakETag("1"), WeakETag("1"), false, true},
		{WeakETag("1"), WeakETag("2"), false, false},
		{WeakETag("1"), StrongETag("1"), false, true},
		{StrongETag("1"), StrongETag("1"), true, true},
	}
	for _, tt := range tests {
		if got := strongMatch(tt.a, tt.b); got != tt.strong {
			t.Errorf("strongMatch(%s, %s) = %v", tt.a, tt.b, got)
		}
		if got := weakMatch(tt.a, tt.b); got != tt.weak {
			t.Errorf("weakMatch(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}
