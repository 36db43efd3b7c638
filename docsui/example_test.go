package docsui_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/signet-go/signet/docsui"
)

// Serve Swagger UI at /docs for the document at /openapi.json. (A Signet App
// does this by itself; see framework.Config.DocsPath.)
func ExampleNew() {
	docs, err := docsui.New("/docs", "/openapi.json", docsui.Config{Title: "Items API"})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/docs", docs)
	mux.Handle("/docs/", docs)
	// mux.Handle("GET /openapi.json", ...) serves the document.

	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/docs")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	fmt.Println(strings.ReplaceAll(resp.Header.Get("Content-Security-Policy"), "; ", "\n"))
	// Output:
	// 200 OK text/html; charset=utf-8
	// default-src 'none'
	// script-src 'self'
	// style-src 'self'
	// img-src 'self' data:
	// font-src 'self'
	// connect-src 'self'
	// form-action 'self'
	// base-uri 'none'
	// frame-ancestors 'self'
}

// Set Swagger UI's options as FastAPI's swagger_ui_parameters does: the
// common ones as fields, any other through Parameters. The page passes them
// to Swagger UI from /docs/swagger-initializer.js.
func ExampleConfig() {
	docs, err := docsui.New("/docs", "/openapi.json", docsui.Config{
		DeepLinking:     true,
		TryItOutEnabled: true,
		DocExpansion:    "none",
		Parameters:      map[string]any{"filter": true, "defaultModelsExpandDepth": -1},
	})
	if err != nil {
		log.Fatal(err)
	}
	rec := httptest.NewRecorder()
	docs.ServeHTTP(rec, httptest.NewRequest("GET", "/docs/swagger-initializer.js", nil))
	for line := range strings.Lines(rec.Body.String()) {
		if strings.Contains(line, "var options") {
			fmt.Print(strings.TrimSpace(line))
		}
	}
	// Output:
	// var options = {"deepLinking":true,"defaultModelsExpandDepth":-1,"docExpansion":"none","dom_id":"#swagger-ui","filter":true,"tryItOutEnabled":true,"url":"/openapi.json","validatorUrl":null};
}

// Paths lists what a Handler serves, for routers that register exact paths.
func ExampleHandler_Paths() {
	docs, err := docsui.New("/docs", "/openapi.json", docsui.Config{})
	if err != nil {
		log.Fatal(err)
	}
	for _, path := range docs.Paths() {
		fmt.Println(path)
	}
	// Output:
	// /docs
	// /docs/
	// /docs/favicon-16x16.png
	// /docs/favicon-32x32.png
	// /docs/oauth2-redirect
	// /docs/oauth2-redirect.html
	// /docs/oauth2-redirect.js
	// /docs/swagger-initializer.js
	// /docs/swagger-ui-bundle.js
	// /docs/swagger-ui-standalone-preset.js
	// /docs/swagger-ui.css
	// /docs/swagger-ui.js
}
