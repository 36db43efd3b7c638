package docsui

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// Handler serves Swagger UI below one path. Build it with New.
type Handler struct {
	path   string
	csp    string
	page   *asset            // served at path and path + "/"
	assets map[string]*asset // served at path + "/" + name
}

// New returns a Handler that serves Swagger UI at path (such as "/docs") for
// the OpenAPI document at documentURL (such as "/openapi.json"). It reports
// an error when path or cfg cannot work.
func New(path, documentURL string, cfg Config) (*Handler, error) {
	if !strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") {
		return nil, fmt.Errorf("docsui: path %q must start with / and not end with / (such as \"/docs\")", path)
	}
	if documentURL == "" {
		return nil, fmt.Errorf("docsui: the document URL is empty; give where the OpenAPI document is served, such as \"/openapi.json\"")
	}
	options, err := cfg.swaggerOptions(documentURL)
	if err != nil {
		return nil, err
	}
	connect, err := connectOrigins(documentURL, cfg.ConnectSources)
	if err != nil {
		return nil, err
	}

	h := &Handler{path: path, csp: contentSecurityPolicy(connect), assets: maps.Clone(swaggerUIAssets())}
	h.assets["swagger-initializer.js"] = newAsset("swagger-initializer.js", initializerScript(options, path+"/oauth2-redirect"))
	// Swagger UI's redirect page loads "oauth2-redirect.js" relative to
	// itself, which resolves below path from both of its URLs.
	h.assets["oauth2-redirect"] = h.assets["oauth2-redirect.html"]

	title := cfg.Title
	if title == "" {
		title = "API documentation"
	}
	h.page = newAsset("index.html", renderPage(title, h.assetURL))
	return h, nil
}

// assetURL returns the URL of an asset with its version, which the handler
// serves as immutable.
func (h *Handler) assetURL(name string) string {
	return h.path + "/" + name + "?v=" + h.assets[name].version
}

// Paths returns every path the handler serves, sorted, for routers that
// register exact paths; any other path is not found.
func (h *Handler) Paths() []string {
	paths := []string{h.path, h.path + "/"}
	for name := range h.assets {
		paths = append(paths, h.path+"/"+name)
	}
	slices.Sort(paths)
	return paths
}

// ServeHTTP serves the page and its assets to GET and HEAD. Other methods
// get 405 with an Allow header; paths it does not serve get 404.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, immutable := h.lookup(r)
	if a == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed: the docs are read with GET or HEAD", http.StatusMethodNotAllowed)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", h.csp)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	a.serve(w, r, immutable)
}

// lookup returns the asset for the request's path, and whether the request
// names the asset's current version.
func (h *Handler) lookup(r *http.Request) (*asset, bool) {
	p := r.URL.Path
	if p == h.path || p == h.path+"/" {
		return h.page, false
	}
	name, ok := strings.CutPrefix(p, h.path+"/")
	if !ok {
		return nil, false
	}
	a := h.assets[name]
	if a == nil {
		return nil, false
	}
	return a, r.URL.Query().Get("v") == a.version
}
