package framework

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
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
		return document{body: body, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`}, err
	})
	return func(w http.ResponseWriter, r *http.Request) {
		doc, err := render()
		if err != nil {
			a.logger.ErrorContext(r.Context(), "signet: cannot render the OpenAPI document", "path", route.path, "error", err)
			writeInternalError(w)
			return
		}
		w.Header().Set("Content-Type", route.contentType)
		w.Header().Set("ETag", doc.etag)
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(doc.body))
	}
}

// document is a rendered document and its entity tag.
type document struct {
	body []byte
	etag string
}
