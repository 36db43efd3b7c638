package framework_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// TestEveryResponseSaysNosniff checks, on a real server, that every kind
// of response the App sends carries X-Content-Type-Options: nosniff,
// whoever writes it.
func TestEveryResponseSaysNosniff(t *testing.T) {
	app := framework.New(framework.Config{
		Title: "Nosniff", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	type idInput struct {
		ID int64 `path:"id" minimum:"1"`
	}
	type itemOutput struct {
		Body struct {
			ID int64 `json:"id"`
		}
	}
	framework.Get(app, "/items/{id}", func(_ context.Context, in *idInput) (*itemOutput, error) {
		if in.ID == 404 {
			return nil, huma.Error404NotFound("no such item")
		}
		out := &itemOutput{}
		out.Body.ID = in.ID
		return out, nil
	})
	framework.Delete(app, "/items/{id}", func(context.Context, *idInput) (*struct{}, error) { return nil, nil })
	framework.Get(app, "/panic", func(context.Context, *struct{}) (*struct{}, error) { panic("boom") })
	app.Router().Get("/mounted", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "plain") })
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/guarded" {
				http.Error(w, "no", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	srv := httptest.NewServer(app)
	t.Cleanup(srv.Close)

	for _, c := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/items/1", 200},
		{"HEAD", "/items/1", 200},
		{"DELETE", "/items/1", 204},
		{"GET", "/items/0", 422},
		{"GET", "/items/404", 404},
		{"GET", "/nowhere", 404},
		{"PUT", "/items/1", 405},
		{"GET", "/panic", 500},
		{"GET", "/openapi.json", 200},
		{"GET", "/openapi.yaml", 200},
		{"GET", "/docs", 200},
		{"GET", "/mounted", 200},
		{"GET", "/guarded", 401},
	} {
		req, err := http.NewRequest(c.method, srv.URL+c.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("%s %s: status %d, want %d", c.method, c.path, resp.StatusCode, c.status)
		}
		if got := resp.Header.Values("X-Content-Type-Options"); strings.Join(got, ",") != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options %q, want exactly nosniff", c.method, c.path, got)
		}
	}
}
