package framework

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
)

// notFound answers a request that no route matches. When the same path with
// its trailing slash removed, or added, has a route, it answers 307
// Temporary Redirect to it, query kept, as FastAPI's redirect_slashes does
// (Config.NoSlashRedirect switches that off); otherwise 404 problem details.
func (a *App) notFound(w http.ResponseWriter, r *http.Request) {
	if !a.config.NoSlashRedirect {
		if target := a.slashTarget(r); target != "" {
			w.Header().Set("Location", target)
			w.WriteHeader(http.StatusTemporaryRedirect)
			return
		}
	}
	writeProblem(w, r, http.StatusNotFound, "")
}

// slashTarget is where a request for a path without its route should go:
// the same path with the trailing slash toggled, when that has a route for
// some method, or "" when it has none or the target could leave the origin.
func (a *App) slashTarget(r *http.Request) string {
	routePath := r.URL.RawPath // chi routes on the escaped path when there is one
	if routePath == "" {
		routePath = r.URL.Path
	}
	if routePath == "/" || routePath == "" {
		return ""
	}
	target := *r.URL
	target.Path, target.RawPath = toggleSlash(r.URL.Path), toggleSlash(r.URL.RawPath)
	location := target.EscapedPath()
	// "//host" in Location is another origin to a browser: the open-redirect
	// hole of slash-redirecting middleware. (A backslash, which browsers
	// also read as a slash, is escaped by EscapedPath.)
	if !strings.HasPrefix(location, "/") || strings.HasPrefix(location, "//") {
		return ""
	}
	alternative := toggleSlash(routePath)
	found := false
	for _, method := range allowableMethods {
		if a.router.Match(chi.NewRouteContext(), method, alternative) {
			found = true
			break
		}
	}
	if !found {
		return ""
	}
	if r.URL.RawQuery != "" {
		location += "?" + r.URL.RawQuery
	}
	return location
}

// toggleSlash removes the trailing slash of a path that has one and adds
// one to a path that has none; "" stays "".
func toggleSlash(path string) string {
	switch {
	case path == "":
		return ""
	case strings.HasSuffix(path, "/"):
		return strings.TrimSuffix(path, "/")
	default:
		return path + "/"
	}
}
