package framework_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"slices"
	"strconv"
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestDocumentsGzipEncodedWhenAccepted: each document route sends a
// gzip-encoded copy of the document, with its own entity tag and length,
// to a client whose Accept-Encoding takes gzip, and the document as it is
// to any other; both say Vary: Accept-Encoding, after whatever Vary a
// middleware set. Conditional requests and HEAD work on either. Raw bytes
// on the wire: Go's client would decode the gzip on its own.
func TestDocumentsGzipEncodedWhenAccepted(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/items/{id}", func(context.Context, *struct {
		ID string `path:"id" maxLength:"20"`
	}) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "a"}}, nil
	})
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Vary", "Origin") // as a CORS middleware does
			next.ServeHTTP(w, r)
		})
	})
	srv := serve(t, app)
	gzipped := map[string]string{"Accept-Encoding": "br, gzip;q=0.8"}
	for _, path := range []string{"/openapi.json", "/openapi.yaml", "/openapi-3.0.json", "/openapi-3.0.yaml"} {
		plain := roundTrip(t, srv, http.MethodGet, path, nil, "")
		gz := roundTrip(t, srv, http.MethodGet, path, gzipped, "")
		refused := roundTrip(t, srv, http.MethodGet, path, map[string]string{"Accept-Encoding": "gzip;q=0, *"}, "")
		for name, r := range map[string]struct {
			status         int
			header         http.Header
			wantEncoding   string
			wantETagOfGzip bool
		}{
			"without Accept-Encoding": {plain.Status, plain.Header, "", false},
			"with gzip;q=0.8":         {gz.Status, gz.Header, "gzip", true},
			"with gzip;q=0":           {refused.Status, refused.Header, "", false},
		} {
			if r.status != http.StatusOK || r.header.Get("Content-Encoding") != r.wantEncoding || !slices.Equal(r.header.Values("Vary"), []string{"Origin", "Accept-Encoding"}) {
				t.Errorf("GET %s %s: status %d, Content-Encoding %q, Vary %q; want 200, %q, [Origin Accept-Encoding]",
					path, name, r.status, r.header.Get("Content-Encoding"), r.header.Values("Vary"), r.wantEncoding)
			}
		}
		if refused.Body != plain.Body || refused.Header.Get("ETag") != plain.Header.Get("ETag") {
			t.Errorf("GET %s with gzip;q=0 got another representation than without Accept-Encoding", path)
		}
		decoded := gunzip(t, gz.Body)
		if decoded != plain.Body || len(gz.Body) >= len(plain.Body) {
			t.Errorf("GET %s with gzip: %d bytes that decode to %d bytes, want fewer than %d that decode to the document", path, len(gz.Body), len(decoded), len(plain.Body))
		}
		if gz.Header.Get("Content-Length") != strconv.Itoa(len(gz.Body)) {
			t.Errorf("GET %s with gzip: Content-Length %s for %d bytes", path, gz.Header.Get("Content-Length"), len(gz.Body))
		}
		gzTag, plainTag := gz.Header.Get("ETag"), plain.Header.Get("ETag")
		if gzTag == "" || gzTag == plainTag {
			t.Errorf("GET %s: entity tag %q with gzip, %q without; want two tags", path, gzTag, plainTag)
		}

		// Conditional requests compare with the tag of the encoding sent.
		revalidate := func(header map[string]string) int { return roundTrip(t, srv, http.MethodGet, path, header, "").Status }
		if status := revalidate(map[string]string{"Accept-Encoding": "gzip", "If-None-Match": gzTag}); status != http.StatusNotModified {
			t.Errorf("GET %s with gzip and If-None-Match of the gzip tag: %d, want 304", path, status)
		}
		if status := revalidate(map[string]string{"If-None-Match": gzTag}); status != http.StatusOK {
			t.Errorf("GET %s without gzip and If-None-Match of the gzip tag: %d, want 200", path, status)
		}
		if status := revalidate(map[string]string{"Accept-Encoding": "gzip", "If-None-Match": plainTag}); status != http.StatusOK {
			t.Errorf("GET %s with gzip and If-None-Match of the identity tag: %d, want 200", path, status)
		}

		// A revalidation that fails (a new document after a deploy) gets
		// the gzip copy with its length, HEAD as GET.
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			stale := roundTrip(t, srv, method, path, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": `"old"`}, "")
			if stale.Status != http.StatusOK || stale.Header.Get("Content-Encoding") != "gzip" || stale.Header.Get("Content-Length") != gz.Header.Get("Content-Length") {
				t.Errorf("%s %s with gzip and a stale If-None-Match: status %d, Content-Encoding %q, Content-Length %q; want 200, gzip, %s",
					method, path, stale.Status, stale.Header.Get("Content-Encoding"), stale.Header.Get("Content-Length"), gz.Header.Get("Content-Length"))
			}
		}
		// A 412 is problem details, not gzip (the check of serve() reads
		// it as a client would).
		failed := roundTrip(t, srv, http.MethodGet, path, map[string]string{"Accept-Encoding": "gzip", "If-Match": `"old"`}, "")
		if failed.Status != http.StatusPreconditionFailed || failed.Header.Get("Content-Encoding") != "" || failed.Header.Get("Content-Type") != "application/problem+json" || failed.Header.Get("Content-Length") != strconv.Itoa(len(failed.Body)) {
			t.Errorf("GET %s with gzip and a failing If-Match: status %d, Content-Encoding %q, Content-Type %q, Content-Length %q for %d bytes; want 412 problem details",
				path, failed.Status, failed.Header.Get("Content-Encoding"), failed.Header.Get("Content-Type"), failed.Header.Get("Content-Length"), len(failed.Body))
		}

		head := roundTrip(t, srv, http.MethodHead, path, gzipped, "")
		if head.Status != http.StatusOK || head.Body != "" || head.Header.Get("Content-Encoding") != "gzip" || head.Header.Get("Content-Length") != gz.Header.Get("Content-Length") {
			t.Errorf("HEAD %s with gzip: status %d, %d body bytes, Content-Encoding %q, Content-Length %s; want the GET's headers and no body",
				path, head.Status, len(head.Body), head.Header.Get("Content-Encoding"), head.Header.Get("Content-Length"))
		}
	}
}

func gunzip(t *testing.T, body string) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	decoded, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	return string(decoded)
}

// TestDocumentsVaryKeepsAMiddlewaresSlice: Accept-Encoding is added to a
// Vary a middleware set without writing into the middleware's slice, which
// it may share between responses, and not twice.
func TestDocumentsVaryKeepsAMiddlewaresSlice(t *testing.T) {
	app, _ := newApp(t)
	shared := make([]string, 1, 4) // room to append into
	shared[0] = "Origin"
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Vary") != "" {
				w.Header()["Vary"] = []string{r.Header.Get("X-Vary")}
			} else {
				w.Header()["Vary"] = shared
			}
			next.ServeHTTP(w, r)
		})
	})
	srv := serveUnchecked(t, app)
	for range 2 {
		r := roundTrip(t, srv, http.MethodGet, "/openapi.json", nil, "")
		if got := r.Header.Values("Vary"); !slices.Equal(got, []string{"Origin", "Accept-Encoding"}) {
			t.Errorf("Vary %q, want [Origin Accept-Encoding]", got)
		}
	}
	if spare := shared[1:cap(shared)]; slices.ContainsFunc(spare, func(s string) bool { return s != "" }) {
		t.Errorf("the middleware's Vary slice was written into: %q", shared[:cap(shared)])
	}
	for _, already := range []string{"accept-encoding", "Origin, Accept-Encoding", "*"} {
		r := roundTrip(t, srv, http.MethodGet, "/openapi.json", map[string]string{"X-Vary": already}, "")
		if got := r.Header.Values("Vary"); !slices.Equal(got, []string{already}) {
			t.Errorf("with Vary %q set: Vary %q, want it unchanged", already, got)
		}
	}
}
