package docsui

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// Handler serves Swagger UI below one path. Build it with New.
type Handler struct {
	path        string
	title       string
	csp         string
	initializer []byte // swagger-initializer.js, made from the Config
	// files are the page and the assets, hashed and compressed on the
	// first request: a program that never serves the docs never pays for
	// them, and concurrent first requests share one preparation.
	files func() *files
}

// files are what a Handler serves, once prepared.
type files struct {
	page   *asset            // served at path and path + "/"
	assets map[string]*asset // served at path + "/" + name
}

// Names of the assets each Handler makes besides the shared ones.
const (
	initializerName = "swagger-initializer.js"
	// redirectName is Swagger UI's OAuth2 redirect page, also served as
	// oauth2-redirect.html. The page loads "oauth2-redirect.js" relative
	// to itself, which resolves below path from both of its URLs.
	redirectName = "oauth2-redirect"
)

// New returns a Handler that serves Swagger UI at path (such as "/docs") for
// the OpenAPI document at documentURL (such as "/openapi.json"). It reports
// an error when path or cfg cannot work. The page and its files are
// prepared on the first request.
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
	title := cfg.Title
	if title == "" {
		title = "API documentation"
	}
	h := &Handler{
		path:        path,
		title:       title,
		csp:         contentSecurityPolicy(connect),
		initializer: initializerScript(options, path+"/"+redirectName),
	}
	h.files = sync.OnceValue(h.prepare)
	return h, nil
}

// prepare hashes and compresses what the handler serves.
func (h *Handler) prepare() *files {
	f := &files{assets: maps.Clone(swaggerUIAssets())}
	f.assets[initializerName] = newAsset(initializerName, h.initializer)
	f.assets[redirectName] = f.assets["oauth2-redirect.html"]
	// Asset URLs carry the asset's version, which the handler serves as
	// immutable.
	f.page = newAsset("index.html", renderPage(h.title, func(name string) string {
		return h.path + "/" + name + "?v=" + f.assets[name].version
	}))
	return f
}

// Paths returns every path the handler serves, sorted, for routers that
// register exact paths; any other path is not found. It prepares nothing.
func (h *Handler) Paths() []string {
	paths := []string{h.path, h.path + "/", h.path + "/" + initializerName, h.path + "/" + redirectName}
	for _, name := range sharedAssetNames() {
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
		return h.files().page, false
	}
	name, ok := strings.CutPrefix(p, h.path+"/")
	if !ok {
		return nil, false
	}
	a := h.files().assets[name]
	if a == nil {
		return nil, false
	}
	return a, r.URL.Query().Get("v") == a.version
}
