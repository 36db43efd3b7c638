package framework_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// TestDocsConcurrentFirstRequests is for the race detector: the first
// requests to the docs page, its assets and the document arrive at once
// on a fresh App, and all get the same complete answer.
func TestDocsConcurrentFirstRequests(t *testing.T) {
	app, _ := newApp(t)
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
	pages := fetchAll([]string{"/docs", "/docs/", "/openapi.json"})
	var assets []string
	for _, m := range regexp.MustCompile(`(?:src|href)="(/docs/[^"]+)"`).FindAllStringSubmatch(pages[0], -1) {
		assets = append(assets, m[1])
	}
	if len(assets) == 0 || !strings.Contains(pages[0], "<html") {
		t.Fatalf("the docs page links no assets under /docs/:\n%s", pages[0])
	}
	fetchAll(assets)
}
