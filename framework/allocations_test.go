package framework_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestResponseHeadersCostNoAllocation: the headers an operation's output
// sets (an ETag, a Location, ...) cost no allocation each; their values
// live in the request's context. Measured as a difference of mean
// allocations per request, so that what Go, chi and Huma allocate per
// request does not enter the figure: one allocation per header would add
// 2. The means are not rounded (testing.AllocsPerRun truncates them): under
// the race detector sync.Pool drops a quarter of what is put back, at
// random, and the JSON engine's pools then cost a fraction of an
// allocation per request, on both paths alike.
func TestResponseHeadersCostNoAllocation(t *testing.T) {
	type withHeaders struct {
		ETag     string `header:"ETag"`
		Location string `header:"Location"`
		Body     itemBody
	}
	app, _ := newApp(t)
	framework.Get(app, "/plain", func(context.Context, *struct{}) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "a"}}, nil
	})
	framework.Get(app, "/headers", func(context.Context, *struct{}) (*withHeaders, error) {
		return &withHeaders{ETag: `"v1"`, Location: "/things/1", Body: itemBody{Name: "a"}}, nil
	})
	plain, headers := meanAllocs(app, "/plain"), meanAllocs(app, "/headers")
	t.Logf("mean allocations per request: %.2f without headers, %.2f with an ETag and a Location", plain, headers)
	if headers-plain >= 0.5 {
		t.Errorf("a response with an ETag and a Location costs %.2f allocations, one without %.2f; want no more", headers, plain)
	}
}

// meanAllocs returns the mean number of allocations of a GET of path, after
// a first request that fills the pools. runtime.MemStats counts every
// goroutine's allocations: no test of this package runs in parallel, and
// one P (as testing.AllocsPerRun sets) keeps background work from running
// between the requests.
func meanAllocs(app http.Handler, path string) float64 {
	const runs = 1000
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	w, r := &headerWriter{header: http.Header{}}, httptest.NewRequest(http.MethodGet, path, nil)
	app.ServeHTTP(w, r)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		clear(w.header)
		app.ServeHTTP(w, r)
	}
	runtime.ReadMemStats(&after)
	return float64(after.Mallocs-before.Mallocs) / runs
}

// headerWriter is a ResponseWriter that keeps its header map, so that the
// map's own growth is paid once, and discards the rest.
type headerWriter struct{ header http.Header }

func (w *headerWriter) Header() http.Header         { return w.header }
func (w *headerWriter) WriteHeader(int)             {}
func (w *headerWriter) Write(p []byte) (int, error) { return len(p), nil }
