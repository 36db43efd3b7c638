package framework_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

// TestServeOuterMiddlewaresSeeEveryResponse: middlewares given to Serve run
// outside those added with App.Use, in order, and see the statuses the
// App's own middlewares, its 404 and 405 and its document route write.
func TestServeOuterMiddlewaresSeeEveryResponse(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/items", func(context.Context, *struct{}) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "ok"}}, nil
	})
	var mu sync.Mutex
	var seen []string
	note := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, s)
	}
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			note("use " + r.URL.Path)
			if r.Header.Get("Authorization") == "" && r.URL.Path == "/items" {
				http.Error(w, "no credentials", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	outer := func(name string) func(http.Handler) http.Handler {
		return func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				note(name + " " + r.URL.Path)
				rec := &statusRecorder{ResponseWriter: w}
				next.ServeHTTP(rec, r)
				note(name + " saw " + http.StatusText(rec.status))
			})
		}
	}

	addr := testkit.FreeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- app.Serve(ctx, addr, outer("first"), outer("second")) }()
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	testkit.WaitListening(t, addr)

	for _, c := range []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/items", http.StatusUnauthorized},
		{http.MethodGet, "/nowhere", http.StatusNotFound},
		{http.MethodDelete, "/openapi.json", http.StatusMethodNotAllowed},
		{http.MethodGet, "/openapi.json", http.StatusOK},
	} {
		mu.Lock()
		seen = nil
		mu.Unlock()
		req, _ := http.NewRequest(c.method, "http://"+addr+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := []string{
			"first " + c.path, "second " + c.path, "use " + c.path,
			"second saw " + http.StatusText(c.status), "first saw " + http.StatusText(c.status),
		}
		// The client may have read the whole response before the
		// middlewares' code after next.ServeHTTP has run: wait for it.
		deadline := time.Now().Add(5 * time.Second)
		mu.Lock()
		for len(seen) < len(want) && time.Now().Before(deadline) {
			mu.Unlock()
			time.Sleep(time.Millisecond)
			mu.Lock()
		}
		if resp.StatusCode != c.status || !slices.Equal(seen, want) {
			t.Errorf("%s %s: status %d, middlewares saw\n%q\nwant %d and\n%q", c.method, c.path, resp.StatusCode, seen, c.status, want)
		}
		mu.Unlock()
	}
}

// statusRecorder notes the status a handler writes.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(p)
}
