package framework_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestResponseHeadersCostNoAllocation: the headers an operation's output
// sets (an ETag, a Location, ...) cost no allocation each; their values
// live in the request's context. Measured as a difference, so that what
// Go, chi and Huma allocate per request does not enter the figure.
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
	allocs := func(path string) float64 {
		w, r := &headerWriter{header: http.Header{}}, httptest.NewRequest(http.MethodGet, path, nil)
		return testing.AllocsPerRun(200, func() {
			clear(w.header)
			app.ServeHTTP(w, r)
		})
	}
	plain, headers := allocs("/plain"), allocs("/headers")
	if headers > plain {
		t.Errorf("a response with an ETag and a Location costs %v allocations, one without %v; want no more", headers, plain)
	}
}

// headerWriter is a ResponseWriter that keeps its header map, so that the
// map's own growth is paid once, and discards the rest.
type headerWriter struct{ header http.Header }

func (w *headerWriter) Header() http.Header         { return w.header }
func (w *headerWriter) WriteHeader(int)             {}
func (w *headerWriter) Write(p []byte) (int, error) { return len(p), nil }
