package conditional_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/signet-go/signet/framework/conditional"
)

// FuzzEvaluate feeds any four conditional headers, read from a request as
// a server receives them, and any current validators to Evaluate, and
// checks what RFC 9110 section 13.2.2 guarantees whatever the values:
//   - without conditional headers, the request proceeds;
//   - only GET and HEAD are ever answered 304, and both alike;
//   - If-Match with the current strong tag, or "*" on an existing resource,
//     never fails because of If-Match: the result is what the request gives
//     without If-Match and If-Unmodified-Since;
//   - a request for an absent resource with If-Match fails.
//
// Run it longer with:
//
//	go test ./framework/conditional -run '^$' -fuzz FuzzEvaluate -fuzztime 30s
func FuzzEvaluate(f *testing.F) {
	f.Add(`"v1"`, ``, ``, ``, "v1", false, int64(1445412480), false, uint8(0))
	f.Add(`*`, `W/"v1"`, `Wed, 21 Oct 2015 07:28:00 GMT`, ``, "v1", true, int64(1445412480), false, uint8(1))
	f.Add(`"a", "b"`, `"b", W/"c"`, ``, `Wed, 21 Oct 2015 07:28:00 GMT`, "c", false, int64(0), false, uint8(2))
	f.Add(`W/"v2"`, `*`, `not a date`, `Sunday, 06-Nov-94 08:49:37 GMT`, "v2", false, int64(784111777), true, uint8(3))
	f.Add(`"unterminated`, `""`, `Sun Nov  6 08:49:37 1994`, `Sun, 06 Nov 1994 08:49:37 GMT, x`, "", false, int64(-1), false, uint8(4))
	methods := []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPost, http.MethodDelete, http.MethodPatch}
	f.Fuzz(func(t *testing.T, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, tag string, weak bool, modified int64, absent bool, m uint8) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		for name, value := range map[string]string{
			"If-Match": ifMatch, "If-None-Match": ifNoneMatch,
			"If-Modified-Since": ifModifiedSince, "If-Unmodified-Since": ifUnmodifiedSince,
		} {
			if value != "" {
				r.Header[name] = []string{value}
			}
		}
		p := conditional.NewParams(r)
		current := conditional.Validators{ETag: conditional.ETag{Opaque: tag, Weak: weak}, Absent: absent}
		if tag == "" {
			current.ETag = conditional.ETag{}
		}
		if modified != 0 {
			current.LastModified = time.Unix(modified%(1<<40), 0).UTC()
		}
		method := methods[int(m)%len(methods)]
		got := p.Evaluate(method, current)

		switch got {
		case conditional.Proceed, conditional.PreconditionFailed:
		case conditional.NotModified:
			if method != http.MethodGet && method != http.MethodHead {
				t.Fatalf("%s answered 304", method)
			}
		default:
			t.Fatalf("outcome %d", got)
		}
		if method == http.MethodGet || method == http.MethodHead {
			other := map[string]string{http.MethodGet: http.MethodHead, http.MethodHead: http.MethodGet}[method]
			if again := p.Evaluate(other, current); again != got {
				t.Fatalf("GET and HEAD differ: %s %v, %s %v", method, got, other, again)
			}
		}
		if p == (conditional.Params{}) && got != conditional.Proceed {
			t.Fatalf("no conditional header, yet %v", got)
		}
		if p.IfMatch != "" && absent && got != conditional.PreconditionFailed {
			t.Fatalf("If-Match %q on an absent resource: %v", p.IfMatch, got)
		}
		currentStrong := !absent && validOpaque(tag) && !weak && p.IfMatch == current.ETag.String()
		if currentStrong || (!absent && p.IfMatch == "*") {
			without := p
			without.IfMatch, without.IfUnmodifiedSince = "", ""
			if want := without.Evaluate(method, current); got != want {
				t.Fatalf("If-Match %q matches %v, yet the result %v differs from %v without it", p.IfMatch, current, got, want)
			}
		}
	})
}

// validOpaque reports whether tag is a non-empty run of etagc (RFC 9110
// section 8.8.3), as a server's own entity tags must be.
func validOpaque(tag string) bool {
	for i := 0; i < len(tag); i++ {
		if c := tag[i]; c < 0x21 || c == '"' || c == 0x7f {
			return false
		}
	}
	return tag != ""
}
