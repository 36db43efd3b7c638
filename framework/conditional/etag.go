package conditional

import "strings"

// ETag is an entity tag (RFC 9110 section 8.8.3): an opaque string that
// changes whenever the representation changes, strong or weak. The zero
// value means "no entity tag".
type ETag struct {
	// Opaque is the tag between the double quotes: visible ASCII characters
	// other than the double quote ('!' and '#' to '~') and non-ASCII bytes.
	// It is not checked; a version number or a hash in hex or base64url
	// always fits.
	Opaque string
	// Weak marks a tag that changes only on significant changes; it cannot
	// satisfy If-Match, which uses the strong comparison.
	Weak bool
}

// StrongETag returns a strong entity tag, for representations whose every
// byte is determined by the tag (a version number, a content hash).
func StrongETag(opaque string) ETag { return ETag{Opaque: opaque} }

// WeakETag returns a weak entity tag, for representations that are
// equivalent but not byte-identical across responses.
func WeakETag(opaque string) ETag { return ETag{Opaque: opaque, Weak: true} }

// IsZero reports whether e is the zero ETag, "no entity tag".
func (e ETag) IsZero() bool { return e == ETag{} }

// String returns the header form: "abc" or W/"abc", or "" for the zero
// ETag.
func (e ETag) String() string {
	if e.IsZero() {
		return ""
	}
	if e.Weak {
		return `W/"` + e.Opaque + `"`
	}
	return `"` + e.Opaque + `"`
}

// strongMatch is the strong comparison of RFC 9110 section 8.8.3.2: both
// tags are strong and their opaque parts are equal.
func strongMatch(a, b ETag) bool {
	return !a.Weak && !b.Weak && a.Opaque == b.Opaque
}

// weakMatch is the weak comparison: the opaque parts are equal, whatever
// the weakness of either tag.
func weakMatch(a, b ETag) bool {
	return a.Opaque == b.Opaque
}

// tagList is a parsed If-Match or If-None-Match value.
type tagList struct {
	any  bool   // the value is "*"
	tags []ETag // otherwise, the entity tags listed
}

// matches reports whether the list matches current with the comparison
// match. "*" matches any current representation; a tag list never matches
// a representation without an entity tag.
func (l tagList) matches(current Validators, match func(a, b ETag) bool) bool {
	if current.Absent {
		return false
	}
	if l.any {
		return true
	}
	if current.ETag.IsZero() {
		return false
	}
	for _, tag := range l.tags {
		if match(tag, current.ETag) {
			return true
		}
	}
	return false
}

// parseTagList parses a field value of the form
//
//	"*" / #entity-tag
//	entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE
//
// with optional whitespace and empty elements around the commas (RFC 9110
// sections 5.6.1 and 8.8.3). A comma inside the quotes belongs to the tag.
// ok is false when the value does not follow the grammar; such a value
// matches nothing.
func parseTagList(value string) (list tagList, ok bool) {
	if strings.Trim(value, " \t") == "*" {
		return tagList{any: true}, true
	}
	rest := value
	for {
		rest = strings.TrimLeft(rest, " \t,")
		if rest == "" {
			return list, true
		}
		tag, after, ok := cutETag(rest)
		if !ok {
			return tagList{}, false
		}
		list.tags = append(list.tags, tag)
		rest = strings.TrimLeft(after, " \t")
		if rest != "" && rest[0] != ',' {
			return tagList{}, false
		}
	}
}

// cutETag parses the entity tag at the start of s and returns the rest.
func cutETag(s string) (tag ETag, rest string, ok bool) {
	if strings.HasPrefix(s, "W/") {
		tag.Weak = true
		s = s[2:]
	}
	if s == "" || s[0] != '"' {
		return ETag{}, "", false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			tag.Opaque = s[1:i]
			return tag, s[i+1:], true
		case c == 0x21 || c >= 0x23 && c != 0x7f: // etagc, obs-text included
		default:
			return ETag{}, "", false
		}
	}
	return ETag{}, "", false // no closing quote
}
