package conditional_test

import (
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Dates around lastModified (12:00:00.5 UTC) in the three formats RFC 9110
// section 5.6.7 requires a recipient to accept.
const (
	atModified     = "Sun, 10 Mar 2024 12:00:00 GMT" // IMF-fixdate, equal once truncated
	afterModified  = "Sun, 10 Mar 2024 13:00:00 GMT"
	beforeModified = "Sun, 10 Mar 2024 11:59:59 GMT"
	rfc850Modified = "Sunday, 10-Mar-24 12:00:00 GMT"
	asctimeModifed = "Sun Mar 10 12:00:00 2024"
	hourBefore     = "Sun, 10 Mar 2024 11:00:00 GMT"
)

// rfcCase is one request and the status RFC 9110 requires for it.
type rfcCase struct {
	name   string
	method string
	path   string
	header [][2]string // sent in this order, one line each
	want   int
}

func h(pairs ...string) [][2]string {
	var header [][2]string
	for i := 0; i+1 < len(pairs); i += 2 {
		header = append(header, [2]string{pairs[i], pairs[i+1]})
	}
	return header
}

// rfcCases are derived from RFC 9110 sections 13.1 and 13.2. The first five
// are the rows of the table in the shared notes where Huma's conditional
// package answers wrongly.
var rfcCases = []rfcCase{
	// Huma rows.
	{"huma: stale If-None-Match wins over a satisfied If-Modified-Since (13.1.3)", "GET", "/strong",
		h("If-None-Match", `"v1"`, "If-Modified-Since", afterModified), 200},
	{"huma: PUT If-Match * on an existing resource succeeds (13.1.1)", "PUT", "/strong",
		h("If-Match", "*"), 204},
	{"huma: PUT If-Match with a weak tag fails, If-Match compares strongly (13.1.1)", "PUT", "/strong",
		h("If-Match", `W/"v2"`), 412},
	{"huma: GET with a failing If-Match is 412, not 304 (13.2.2 step 1)", "GET", "/strong",
		h("If-Match", `"v1"`), 412},
	{"huma: PUT ignores If-Modified-Since, which applies to GET and HEAD only (13.1.3)", "PUT", "/strong",
		h("If-Modified-Since", afterModified), 204},

	// If-None-Match (13.1.2): weak comparison, lists, "*".
	{"no preconditions", "GET", "/strong", nil, 200},
	{"If-None-Match with the current tag", "GET", "/strong", h("If-None-Match", `"v2"`), 304},
	{"If-None-Match with another tag", "GET", "/strong", h("If-None-Match", `"v1"`), 200},
	{"If-None-Match compares weakly: W/\"v2\" matches \"v2\"", "GET", "/strong", h("If-None-Match", `W/"v2"`), 304},
	{"If-None-Match compares weakly: \"v2\" matches W/\"v2\"", "GET", "/weak", h("If-None-Match", `"v2"`), 304},
	{"If-None-Match list with the current tag last", "GET", "/strong", h("If-None-Match", `"v0", W/"v1" ,"v2"`), 304},
	{"If-None-Match list split over two header lines (5.3)", "GET", "/strong",
		h("If-None-Match", `"v1"`, "If-None-Match", `"v2"`), 304},
	{"If-None-Match: * matches any current representation", "GET", "/strong", h("If-None-Match", "*"), 304},
	{"If-None-Match: * matches a representation without an ETag", "GET", "/dateonly", h("If-None-Match", "*"), 304},
	{"a comma inside an entity tag belongs to the tag", "GET", "/comma", h("If-None-Match", `"a,b"`), 304},
	{"the halves of a tag with a comma are not tags", "GET", "/comma", h("If-None-Match", `"a", "b"`), 200},
	{"an unquoted tag is malformed and matches nothing", "GET", "/strong", h("If-None-Match", `v2`), 200},
	{"the weak prefix is case-sensitive: w/ is malformed", "GET", "/strong", h("If-None-Match", `w/"v2"`), 200},
	{"HEAD with the current tag", "HEAD", "/strong", h("If-None-Match", `"v2"`), 304},
	{"PUT with a matching If-None-Match fails with 412, not 304", "PUT", "/strong", h("If-None-Match", `"v2"`), 412},
	{"PUT If-None-Match: * on an existing resource fails", "PUT", "/strong", h("If-None-Match", "*"), 412},
	{"PUT If-None-Match: * creates a resource that does not exist", "PUT", "/absent", h("If-None-Match", "*"), 204},
	{"POST with a matching If-None-Match fails", "POST", "/strong", h("If-None-Match", `"v2"`), 412},

	// If-Modified-Since (13.1.3).
	{"If-Modified-Since at the modification date (fraction of a second dropped)", "GET", "/strong",
		h("If-Modified-Since", atModified), 304},
	{"If-Modified-Since after the modification date", "GET", "/strong", h("If-Modified-Since", afterModified), 304},
	{"If-Modified-Since before the modification date", "GET", "/strong", h("If-Modified-Since", beforeModified), 200},
	{"If-Modified-Since in RFC 850 format", "GET", "/strong", h("If-Modified-Since", rfc850Modified), 304},
	{"If-Modified-Since in asctime format", "GET", "/strong", h("If-Modified-Since", asctimeModifed), 304},
	{"a malformed If-Modified-Since is ignored", "GET", "/strong", h("If-Modified-Since", "yesterday"), 200},
	{"an If-Modified-Since with two dates is ignored", "GET", "/strong",
		h("If-Modified-Since", afterModified, "If-Modified-Since", afterModified), 200},
	{"If-Modified-Since is ignored without a modification date", "GET", "/tagonly", h("If-Modified-Since", afterModified), 200},
	{"HEAD with If-Modified-Since", "HEAD", "/strong", h("If-Modified-Since", afterModified), 304},

	// If-Match (13.1.1): strong comparison, lists, "*".
	{"If-Match with the current tag", "PUT", "/strong", h("If-Match", `"v2"`), 204},
	{"If-Match with a stale tag", "PUT", "/strong", h("If-Match", `"v1"`), 412},
	{"If-Match list containing the current tag", "PUT", "/strong", h("If-Match", `"v1", "v2"`), 204},
	{"If-Match never matches a weak current tag", "PUT", "/weak", h("If-Match", `"v2"`), 412},
	{"If-Match: * fails when the resource does not exist", "PUT", "/absent", h("If-Match", "*"), 412},
	{"If-Match: * mixed with tags is malformed and fails", "PUT", "/strong", h("If-Match", `*, "v2"`), 412},
	{"If-Match with a tag fails on a representation without an ETag", "PUT", "/dateonly", h("If-Match", `"v2"`), 412},
	{"DELETE with the current tag", "DELETE", "/strong", h("If-Match", `"v2"`), 204},
	{"DELETE with a stale tag", "DELETE", "/strong", h("If-Match", `"v1"`), 412},
	{"a 404 takes precedence over preconditions (13.2.1)", "DELETE", "/absent", h("If-Match", `"v2"`), 404},

	// If-Unmodified-Since (13.1.4).
	{"If-Unmodified-Since at the modification date", "PUT", "/strong", h("If-Unmodified-Since", atModified), 204},
	{"If-Unmodified-Since before the modification date", "PUT", "/strong", h("If-Unmodified-Since", hourBefore), 412},
	{"If-Unmodified-Since applies to GET too", "GET", "/strong", h("If-Unmodified-Since", hourBefore), 412},
	{"If-Unmodified-Since is ignored when If-Match is present", "PUT", "/strong",
		h("If-Match", `"v2"`, "If-Unmodified-Since", hourBefore), 204},
	{"a malformed If-Unmodified-Since is ignored", "PUT", "/strong", h("If-Unmodified-Since", "2024-03-10"), 204},
	{"If-Unmodified-Since is ignored without a modification date", "PUT", "/tagonly", h("If-Unmodified-Since", hourBefore), 204},

	// Order of evaluation (13.2.2).
	{"If-Match passes, then a matching If-None-Match gives 304 on GET", "GET", "/strong",
		h("If-Match", `"v2"`, "If-None-Match", `"v2"`), 304},
	{"If-Match passes, then a matching If-None-Match gives 412 on PUT", "PUT", "/strong",
		h("If-Match", `"v2"`, "If-None-Match", `"v2"`), 412},
	{"a failing If-Match is decided before a matching If-None-Match", "GET", "/strong",
		h("If-Match", `"v1"`, "If-None-Match", `"v2"`), 412},
	{"a failing If-Unmodified-Since is decided before If-Modified-Since", "GET", "/strong",
		h("If-Unmodified-Since", hourBefore, "If-Modified-Since", afterModified), 412},
}

// TestRFC9110 sends each case over TCP to a real server and checks the
// status line, and that a 304 has no body while a 412 is a problem.
func TestRFC9110(t *testing.T) {
	if len(rfcCases) < 30 {
		t.Fatalf("the table has %d cases; it must keep at least 30", len(rfcCases))
	}
	srv := newServer(t)
	for _, c := range rfcCases {
		t.Run(c.name, func(t *testing.T) {
			res := roundTrip(t, srv, c.method, c.path, c.header)
			if !strings.HasPrefix(res.StatusLine, "HTTP/1.1 "+strconv.Itoa(c.want)+" ") {
				t.Fatalf("%s %s %v: got %q, want %d", c.method, c.path, c.header, res.StatusLine, c.want)
			}
			switch {
			case c.want == 304 || c.want == 204 || c.method == "HEAD":
				if res.Body != "" {
					t.Errorf("a %d must have no body, got %q", c.want, res.Body)
				}
			case c.want == 412:
				if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("412 Content-Type = %q, want application/problem+json", ct)
				}
				if !strings.Contains(res.Body, `"status":412`) {
					t.Errorf("412 body is not a 412 problem: %q", res.Body)
				}
			case c.want == 200:
				if !strings.Contains(res.Body, `"name":"`+strings.TrimPrefix(c.path, "/")+`"`) {
					t.Errorf("200 body does not carry the representation: %q", res.Body)
				}
			}
		})
	}
}

// TestNotModifiedHeaders checks the exact header set of a 304 against the
// 200 it stands for (RFC 9110 section 15.4.5): the validators and caching
// headers are the same, the content headers are gone, nothing else differs,
// and nothing follows the header block.
func TestNotModifiedHeaders(t *testing.T) {
	srv := newServer(t)
	full := roundTrip(t, srv, "GET", "/strong", nil)
	if full.StatusLine != "HTTP/1.1 200 OK" {
		t.Fatalf("GET /strong: %q", full.StatusLine)
	}
	kept := []string{"Etag", "Last-Modified", "Cache-Control", "Expires", "Vary", "Content-Location"}
	contentHeaders := []string{"Content-Type", "Content-Length", "Content-Language"}
	for _, name := range append(kept, contentHeaders...) {
		if full.Header.Get(name) == "" {
			t.Fatalf("the 200 lacks %s, so the comparison would prove nothing; header: %v", name, full.Header)
		}
	}
	if got := full.Header.Get("Last-Modified"); got != atModified {
		t.Errorf("Last-Modified = %q, want %q", got, atModified)
	}
	for _, method := range []string{"GET", "HEAD"} {
		for _, cond := range [][2]string{{"If-None-Match", `"v2"`}, {"If-Modified-Since", atModified}} {
			res := roundTrip(t, srv, method, "/strong", [][2]string{cond})
			if res.StatusLine != "HTTP/1.1 304 Not Modified" {
				t.Fatalf("%s with %s: %q", method, cond[0], res.StatusLine)
			}
			for _, name := range kept {
				if got, want := res.Header.Values(name), full.Header.Values(name); strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("%s with %s: %s = %q, want %q as on the 200", method, cond[0], name, got, want)
				}
			}
			// Exactly the 200's fields but its content headers: header
			// fields the App adds to every response stay.
			want := slices.DeleteFunc(fieldNames(full.Header), func(name string) bool {
				return slices.Contains(contentHeaders, name)
			})
			if got := fieldNames(res.Header); !slices.Equal(got, want) {
				t.Errorf("%s with %s: header fields %v, want exactly %v", method, cond[0], got, want)
			}
			if res.Body != "" {
				t.Errorf("%s with %s: %d bytes after the header: %q", method, cond[0], len(res.Body), res.Body)
			}
		}
	}
}

// fieldNames returns the field names of a header, sorted.
func fieldNames(h http.Header) []string {
	return slices.Sorted(maps.Keys(h))
}
