package docsui_test

import (
	"bytes"
	"io"
	"net/http"
	"runtime"
	"sync"
	"testing"

	"github.com/signet-go/signet/docsui"
)

// New only checks the Config and keeps it: hashing and compressing the page
// and Swagger UI's files waits for the first request, so a program that
// never serves the docs never pays for them. Preparing them allocates
// megabytes (a gzip writer at best compression alone takes about 1 MB).
func TestNewPreparesNothing(t *testing.T) {
	const runs = 20
	handlers := make([]*docsui.Handler, runs)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range handlers {
		h, err := docsui.New("/docs", "/openapi.json", docsui.Config{Title: "Items API"})
		if err != nil {
			t.Fatal(err)
		}
		handlers[i] = h
	}
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(handlers)
	perNew := (after.TotalAlloc - before.TotalAlloc) / runs
	t.Logf("docsui.New allocates %d bytes", perNew)
	if perNew > 16<<10 {
		t.Errorf("docsui.New allocates %d bytes, want at most 16 KiB: the assets must be prepared on the first request, not in New", perNew)
	}
}

// The first requests may come at once: every one gets the prepared files,
// the same for all (go test -race checks the preparation is shared safely).
func TestConcurrentFirstRequests(t *testing.T) {
	srv, _ := serve(t, docsui.Config{})
	paths := []string{"/docs", "/docs/swagger-initializer.js", "/docs/swagger-ui.css", "/docs/favicon-16x16.png"}
	const clients = 8
	type answer struct {
		status int
		etag   string
		body   []byte
		err    error
	}
	answers := make([][]answer, clients)
	var start, done sync.WaitGroup
	start.Add(1)
	for c := range clients {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			for _, path := range paths {
				resp, err := http.Get(srv.URL + path)
				if err != nil {
					answers[c] = append(answers[c], answer{err: err})
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				answers[c] = append(answers[c], answer{resp.StatusCode, resp.Header.Get("ETag"), body, err})
			}
		}()
	}
	start.Done()
	done.Wait()
	for c := range clients {
		for i, path := range paths {
			got, want := answers[c][i], answers[0][i]
			if got.err != nil || got.status != http.StatusOK || got.etag == "" || len(got.body) == 0 {
				t.Errorf("client %d, GET %s: %d, ETag %q, %d bytes, error %v", c, path, got.status, got.etag, len(got.body), got.err)
			}
			if got.etag != want.etag || !bytes.Equal(got.body, want.body) {
				t.Errorf("GET %s: client %d got ETag %s, client 0 got %s (or other bytes)", path, c, got.etag, want.etag)
			}
		}
	}
}
