package framework

import (
	"fmt"
	"net/http"

	"github.com/signet-go/signet/docsui"
)

// mountDocs mounts Swagger UI (package docsui) at Config.DocsPath, "/docs"
// by default, with a GET and a HEAD route for each path it serves: the page
// at /docs and /docs/, its assets below, and /docs/oauth2-redirect. The
// page loads the first document route that is not Disabled. It panics when
// Config.DocsPath or Config.DocsUI cannot work, as New cannot return an
// error.
func (a *App) mountDocs() {
	path := a.config.DocsPath
	switch path {
	case Disabled:
		return
	case "":
		path = "/docs"
	}
	documentURL := a.docsDocumentURL()
	if documentURL == "" {
		panic("signet: Config.DocsPath: the docs need a document route, but all four OpenAPI*Path fields are Disabled; enable one or set DocsPath to framework.Disabled")
	}
	cfg := a.config.DocsUI
	if cfg.Title == "" && a.config.Title != "" {
		cfg.Title = a.config.Title + " - API documentation"
	}
	docs, err := docsui.New(path, documentURL, cfg)
	if err != nil {
		panic(fmt.Sprintf("signet: Config.DocsPath or Config.DocsUI: %v", err))
	}
	for _, p := range docs.Paths() {
		a.router.Method(http.MethodGet, p, docs)
		a.router.Method(http.MethodHead, p, docs)
		a.routes.claimOwn(http.MethodGet, p, "the docs UI Signet serves at "+path)
		a.routes.claimOwn(http.MethodHead, p, "the docs UI Signet serves at "+path)
	}
}

// docsDocumentURL returns the path of the document the docs page loads: the
// OpenAPI 3.1 document if served, else the 3.0 one; JSON before YAML.
func (a *App) docsDocumentURL() string {
	for _, route := range a.documentRoutes() {
		if route.path != Disabled {
			return route.path
		}
	}
	return ""
}
