package framework

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"sync"

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
		if len(h["Vary"]) == 0 {
			h["Vary"] = values[3:4:4]
		} else { // a middleware set it (CORS: Origin)
			contentcoding.AddVary(h)
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
		contentcoding.ServeContent(w, r, bytes.NewReader(rep.body), preconditionFailed)
	}
}

// preconditionFailed answers a conditional request whose If-Match names
// another document with problem details, as every error Signet answers.
func preconditionFailed(w http.ResponseWriter, r *http.Request) {
	writeProblem(w, r, http.StatusPreconditionFailed, "the document's entity tag is not one that If-Match names: fetch the document again")
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
			gzipped := contentcoding.Gzip(body)
			if gzipped == nil {
				return nil
			}
			return &representation{body: gzipped, etag: `"` + tag + `-gzip"`, contentLength: strconv.Itoa(len(gzipped))}
		}),
	}
}
