package contentcoding

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		fields []string
		want   bool
	}{
		{nil, false},
		{[]string{""}, false},
		{[]string{"gzip"}, true},
		{[]string{"GZIP"}, true},
		{[]string{"x-gzip"}, true},
		{[]string{"br, gzip;q=0.5"}, true},
		{[]string{"br", "gzip"}, true},
		{[]string{"deflate, br"}, false},
		{[]string{"identity"}, false},
		{[]string{"gzip;q=0"}, false},
		{[]string{"gzip; q=0.000"}, false},
		{[]string{"gzip;q=0.001"}, true},
		{[]string{"*"}, true},
		{[]string{"*;q=0"}, false},
		{[]string{"*, gzip;q=0"}, false},
		{[]string{"gzip;q=0, *"}, false},
		{[]string{"*;q=0, gzip"}, true},
		{[]string{"gzip;level=1"}, true},
	} {
		if got := AcceptsGzip(tc.fields); got != tc.want {
			t.Errorf("AcceptsGzip(%q) = %v, want %v", tc.fields, got, tc.want)
		}
	}
}

func TestAddVary(t *testing.T) {
	shared := make([]string, 1, 4) // a middleware's slice, with room to append into
	shared[0] = "Origin"
	for range 2 {
		h := http.Header{"Vary": shared}
		AddVary(h)
		if got := h["Vary"]; !slices.Equal(got, []string{"Origin", "Accept-Encoding"}) {
			t.Errorf("Vary %q, want [Origin Accept-Encoding]", got)
		}
	}
	if spare := shared[1:cap(shared)]; slices.ContainsFunc(spare, func(s string) bool { return s != "" }) {
		t.Errorf("the shared Vary slice was written into: %q", shared[:cap(shared)])
	}
	for _, vary := range [][]string{nil, {"accept-encoding"}, {"Origin, Accept-Encoding"}, {"*"}} {
		h := http.Header{}
		if vary != nil {
			h["Vary"] = vary
		}
		AddVary(h)
		want := vary
		if vary == nil {
			want = []string{"Accept-Encoding"}
		}
		if !slices.Equal(h["Vary"], want) {
			t.Errorf("Vary %q: became %q, want %q", vary, h["Vary"], want)
		}
	}
}

// ServeContent says the length of an encoded 200, which http.ServeContent
// leaves out, and keeps a 412 from describing a body it does not have.
func TestServeContent(t *testing.T) {
	body := strings.Repeat("encoded bytes ", 20)
	serve := func(header http.Header, failed func(http.ResponseWriter, *http.Request)) *httptest.ResponseRecorder {
		w, r := httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header = header
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("ETag", `"v1-gzip"`)
		ServeContent(w, r, strings.NewReader(body), failed)
		return w
	}
	if w := serve(http.Header{"If-None-Match": {`"old"`}}, nil); w.Code != http.StatusOK || w.Header().Get("Content-Length") != strconv.Itoa(len(body)) || w.Body.String() != body {
		t.Errorf("a stale revalidation: %d, Content-Length %q, %d bytes; want 200 with the length of %d bytes", w.Code, w.Header().Get("Content-Length"), w.Body.Len(), len(body))
	}
	if w := serve(http.Header{"Range": {"bytes=0-3"}}, nil); w.Code != http.StatusPartialContent || w.Header().Get("Content-Length") != "4" {
		t.Errorf("a range: %d, Content-Length %q; want 206 and 4", w.Code, w.Header().Get("Content-Length"))
	}
	w := serve(http.Header{"If-Match": {`"old"`}}, nil)
	if w.Code != http.StatusPreconditionFailed || w.Body.Len() != 0 {
		t.Errorf("a failed If-Match: %d with %d bytes, want 412 without a body", w.Code, w.Body.Len())
	}
	for _, name := range []string{"Content-Encoding", "Content-Length", "Content-Type"} {
		if w.Header().Get(name) != "" {
			t.Errorf("a failed If-Match: %s %q on a 412 without a body", name, w.Header().Get(name))
		}
	}
	w = serve(http.Header{"If-Match": {`"old"`}}, func(w http.ResponseWriter, _ *http.Request) {
		w.Header()["Content-Encoding"] = nil
		w.WriteHeader(http.StatusPreconditionFailed)
		_, _ = w.Write([]byte("problem"))
	})
	if w.Code != http.StatusPreconditionFailed || w.Body.String() != "problem" {
		t.Errorf("a failed If-Match with a writer of its own: %d %q, want 412 %q", w.Code, w.Body.String(), "problem")
	}
}
