package framework

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"sync"
	"time"

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
	render := sync.OnceValues(func() (document, error) {
		body, err := openapi.Render(a.OpenAPI(), options)
		sum := sha256.Sum256(body)
		return document{
			body:          body,
			etag:          `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`,
			contentLength: strconv.Itoa(len(body)),
		}, err
	})
	return func(w http.ResponseWriter, r *http.Request) {
		doc, err := render()
		if err != nil {
			a.logger.ErrorContext(r.Context(), "signet: cannot render the OpenAPI document", "path", route.path, "error", err)
			writeInternalError(w, r)
			return
		}
		// The values of one response share one array, each slice capped at
		// its own element, so that appending to one cannot reach another.
		h, values := w.Header(), []string{route.contentType, doc.etag, "no-cache", "bytes", doc.contentLength}
		h["Content-Type"], h["Etag"], h["Cache-Control"] = values[0:1:1], values[1:2:2], values[2:3:3]
		if len(r.Header["Range"]) == 0 && len(r.Header["If-None-Match"]) == 0 && len(r.Header["If-Match"]) == 0 {
			// What ServeContent sends for a plain GET or HEAD, without its
			// copy through a buffer allocated for every request.
			// If-Modified-Since and If-Unmodified-Since do not apply: the
			// document has no Last-Modified.
			h["Accept-Ranges"], h["Content-Length"] = values[3:4:4], values[4:5:5]
			w.WriteHeader(http.StatusOK)
			if r.Method != http.MethodHead {
				_, _ = w.Write(doc.body)
			}
			return
		}
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(doc.body))
	}
}

// document is a rendered document, its entity tag and its length.
type document struct {
	body                []byte
	etag, contentLength string
}
