package framework_test

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestDocsConcurrentFirstRequests is for the race detector: the first
// requests to the docs page, its assets and the four document routes
// arrive at once on a fresh App, and all get the same complete answer.
// (Huma's own document routes race here: shared/notes/huma-gaps.md.)
func TestDocsConcurrentFirstRequests(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/ok", func(context.Context, *noInput) (*withBody, error) { return &withBody{}, nil })
	srv := serve(t, app)
	fetchAll := func(paths []string) []string {
		bodies := make([]string, 4*len(paths))
		var wg sync.WaitGroup
		for i := range bodies {
			wg.Go(func() {
				resp, err := http.Get(srv.URL + paths[i%len(paths)])
				if err != nil {
					t.Error(err)
					return
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
					t.Errorf("GET %s: %d, X-Content-Type-Options %q", paths[i%len(paths)], resp.StatusCode, resp.Header.Get("X-Content-Type-Options"))
				}
				bodies[i] = string(b)
			})
		}
		wg.Wait()
		for i, body := range bodies {
			if body != bodies[i%len(paths)] || body == "" {
				t.Errorf("GET %s: answers differ between concurrent requests", paths[i%len(paths)])
			}
		}
		return bodies
	}
	pages := fetchAll([]string{"/docs", "/docs/", "/openapi.json", "/openapi.yaml", "/openapi-3.0.json", "/openapi-3.0.yaml"})
	for _, document := range pages[2:6] {
		if !strings.Contains(document, "/ok") {
			t.Errorf("a document lacks the operation /ok:\n%.200s", document)
		}
	}
	var assets []string
	for _, m := range regexp.MustCompile(`(?:src|href)="(/docs/[^"]+)"`).FindAllStringSubmatch(pages[0], -1) {
		assets = append(assets, m[1])
	}
	if len(assets) == 0 || !strings.Contains(pages[0], "<html") {
		t.Fatalf("the docs page links no assets under /docs/:\n%s", pages[0])
	}
	fetchAll(assets)
}
