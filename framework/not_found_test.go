package framework_test

import (
	"net/http"
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestTrailingSlashRedirects: a path that has a route only with, or only
// without, its trailing slash is redirected there with 307 (the method and
// body are kept), query and all, as FastAPI's redirect_slashes does; a
// redirect never leaves the origin.
func TestTrailingSlashRedirects(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/items", okHandler)
	framework.Post(app, "/items", okHandler)
	framework.Get(app, "/folders/", okHandler)
	framework.Get(app, "/a b", okHandler)
	app.Router().Get("//host", plainHandler) // what a //host/ request would be redirected to
	app.Router().Get("/\\host", plainHandler)
	srv := serve(t, app)
	tests := []struct {
		method, target string
		status         int
		location       string
	}{
		{"GET", "/items/", 307, "/items"},
		{"GET", "/items/?limit=2&q=a%2Fb", 307, "/items?limit=2&q=a%2Fb"},
		{"POST", "/items/", 307, "/items"},
		{"HEAD", "/items/", 307, "/items"},
		{"DELETE", "/items/", 307, "/items"}, // then 405 at /items, as FastAPI
		{"GET", "/folders", 307, "/folders/"},
		{"GET", "/a%20b/", 307, "/a%20b"},
		{"GET", "/items", 200, ""},
		{"GET", "/nowhere/", 404, ""},
		{"GET", "//host/", 404, ""},
		{"GET", "/\\host/", 307, "/%5Chost"}, // escaped: the same origin to a browser
		{"GET", "/", 404, ""},
	}
	for _, tt := range tests {
		r := roundTrip(t, srv, tt.method, tt.target, nil, "")
		if r.Status != tt.status || r.Header.Get("Location") != tt.location {
			t.Errorf("%s %s: %d to %q, want %d to %q", tt.method, tt.target, r.Status, r.Header.Get("Location"), tt.status, tt.location)
		}
		if r.Status == 307 && r.Body != "" {
			t.Errorf("%s %s: the redirect has a body %q", tt.method, tt.target, r.Body)
		}
	}
}

func TestSlashRedirectCanBeSwitchedOff(t *testing.T) {
	app := framework.New(framework.Config{Title: "T", Version: "1", NoSlashRedirect: true, Logger: discardLogger()})
	framework.Get(app, "/items", okHandler)
	rec := recorded(app, "GET", "/items/")
	if rec.Code != http.StatusNotFound || rec.Header().Get("Location") != "" {
		t.Errorf("GET /items/ with NoSlashRedirect: %d to %q, want 404", rec.Code, rec.Header().Get("Location"))
	}
}
