package framework

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/signet-go/signet/internal/contentcoding"
	"github.com/signet-go/signet/openapi"
)

// documentRoute serves the document in one version and format.
type documentRoute struct {
	path        string
	options     openapi.Options
	contentType string
}

func (a *App) documentRoutes() []documentRoute {
	return []documentRoute{
		{a.config.OpenAPIJSONPath, openapi.Options{Version: openapi.V31, Format: openapi.JSON}, "application/json"},
		{a.config.OpenAPIYAMLPath, openapi.Options{Version: openapi.V31, Format: openapi.YAML}, "application/yaml"},
		{a.config.OpenAPI30JSONPath, openapi.Options{Version: openapi.V30, Format: openapi.JSON}, "application/json"},
		{a.config.OpenAPI30YAMLPath, openapi.Options{Version: openapi.V30, Format: openapi.YAML}, "application/yaml"},
	}
}

// mountDocuments adds a GET and HEAD route for each document path that is
// not Disabled. Each renders the document once, on its first request, so
// that operations registered before serving are all in it.
func (a *App) mountDocuments() {
	for _, route := range a.documentRoutes() {
		if route.path == Disabled {
			continue
		}
		h := a.documentHandler(route)
		a.router.Get(route.path, h)
		a.router.Head(route.path, h)
		what := "the OpenAPI document Signet serves at " + route.path
		a.routes.claimOwn(http.MethodGet, route.path, what)
		a.routes.claimOwn(http.MethodHead, route.path, what)
	}
}

func (a *App) documentHandler(route documentRoute) http.HandlerFunc {
	options := route.options
	options.Warn = func(msg string) {
		a.logger.Warn("signet: "+msg, "path", route.path)
	}
	render := sync.OnceValues(func() (*document, error) {
		body, err := openapi.Render(a.OpenAPI(), options)
		if err != nil {
			return nil, err
		}
		return newDocument(body), nil
	})
	return func(w http.ResponseWriter, r *http.Request) {
		doc, err := render()
		if err != nil {
			a.logger.ErrorContext(r.Context(), "signet: cannot render the OpenAPI document", "path", route.path, "error", err)
			writeInternalError(w, r)
			return
		}
		rep, coding := &doc.identity, ""
		if contentcoding.AcceptsGzip(r.Header["Accept-Encoding"]) {
			if gzipped := doc.gzipped(); gzipped != nil {
				rep, coding = gzipped, "gzip"
			}
		}
		// The values of one response share one array, each slice capped at
		// its own element, so that appending to one cannot reach another.
		h, values := w.Header(), []string{route.contentType, rep.etag, "no-cache", "Accept-Encoding", coding, "bytes", rep.contentLength}
		h["Content-Type"], h["Etag"], h["Cache-Control"] = values[0:1:1], values[1:2:2], values[2:3:3]
		if vary := h["Vary"]; len(vary) == 0 { // a middleware may have set it (CORS: Origin)
			h["Vary"] = values[3:4:4]
		} else if !varies(vary, "Accept-Encoding") {
			// Capped: the middleware's slice may be shared between responses.
			h["Vary"] = append(vary[:len(vary):len(vary)], "Accept-Encoding")
		}
		if coding != "" {
			h["Content-Encoding"] = values[4:5:5]
		}
		if len(r.Header["Range"]) == 0 && len(r.Header["If-None-Match"]) == 0 && len(r.Header["If-Match"]) == 0 {
			// What ServeContent sends for a plain GET or HEAD, without its
			// copy through a buffer allocated for every request.
			// If-Modified-Since and If-Unmodified-Since do not apply: the
			// document has no Last-Modified.
			h["Accept-Ranges"], h["Content-Length"] = values[5:6:6], values[6:7:7]
			w.WriteHeader(http.StatusOK)
			if r.Method != http.MethodHead {
				_, _ = w.Write(rep.body)
			}
			return
		}
		if coding != "" {
			// ServeContent leaves the length out of a 200 whose
			// Content-Encoding is set: the length of what is sent is known.
			h["Content-Length"] = values[6:7:7]
		}
		http.ServeContent(&preconditionProblem{ResponseWriter: w, r: r}, r, "", time.Time{}, bytes.NewReader(rep.body))
	}
}

// preconditionProblem turns the 412 that http.ServeContent writes (without
// a body, and with the headers that describe the document) into problem
// details, as every error Signet answers is.
type preconditionProblem struct {
	http.ResponseWriter
	r       *http.Request
	written bool // the problem is written: ServeContent's writes go nowhere
}

func (w *preconditionProblem) WriteHeader(code int) {
	if code != http.StatusPreconditionFailed {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.written = true
	writeProblem(w.ResponseWriter, w.r, code, "the document's entity tag is not one that If-Match names: fetch the document again")
}

func (w *preconditionProblem) Write(p []byte) (int, error) {
	if w.written {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

// varies reports whether the Vary field values already name field, or
// "*" (RFC 9110 section 12.5.5).
func varies(values []string, field string) bool {
	for _, value := range values {
		for name := range strings.SplitSeq(value, ",") {
			if name = strings.TrimSpace(name); name == "*" || strings.EqualFold(name, field) {
				return true
			}
		}
	}
	return false
}

// document is a rendered document in the two encodings it is served in:
// as it is, and gzip-encoded for clients that accept it, compressed on the
// first request that does (a start-up that no such client asks for does
// not pay for it).
type document struct {
	identity representation
	gzipped  func() *representation // nil when gzip would not be smaller
}

// representation is one encoding of a document, with its entity tag and
// its length. The tags of the two encodings differ (RFC 9110 section
// 8.8.3: a strong tag names one representation).
type representation struct {
	body                []byte
	etag, contentLength string
}

func newDocument(body []byte) *document {
	sum := sha256.Sum256(body)
	tag := base64.RawURLEncoding.EncodeToString(sum[:16])
	return &document{
		identity: representation{body: body, etag: `"` + tag + `"`, contentLength: strconv.Itoa(len(body))},
		gzipped: sync.OnceValue(func() *representation {
			var buf bytes.Buffer
			// The default level: a document of thousands of operations
			// compresses in tens of milliseconds, once.
			zw := gzip.NewWriter(&buf)
			_, _ = zw.Write(body) // a bytes.Buffer does not fail
			_ = zw.Close()
			if buf.Len() >= len(body) {
				return nil
			}
			return &representation{body: buf.Bytes(), etag: `"` + tag + `-gzip"`, contentLength: strconv.Itoa(buf.Len())}
		}),
	}
}
