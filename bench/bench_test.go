package bench

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
)

// startupOperations is how many operations the start-up benchmark registers.
const startupOperations = 1000

// BenchmarkAPI times each scenario on each contender, in process: the
// handler is called directly with a reused request and a response writer
// that keeps only the status, so that what is timed is the contender.
// Compare contenders with:
//
//	go test -run '^$' -bench API -count 10 -benchmem | tee results.txt
//	go tool benchstat -col /contender results.txt
func BenchmarkAPI(b *testing.B) {
	for _, sc := range Scenarios {
		for _, c := range Contenders {
			b.Run("scenario="+sc.Name+"/contender="+c.Name, func(b *testing.B) {
				h := c.API()
				req, body := newRequest(sc)
				w := &statusWriter{header: http.Header{}}
				b.ReportAllocs()
				for b.Loop() {
					w.reset()
					body.rewind(req)
					h.ServeHTTP(w, req)
					if w.status != sc.Status {
						b.Fatalf("%s answered %d, want %d", c.Name, w.status, sc.Status)
					}
				}
			})
		}
	}
}

// BenchmarkStartup times registering 1,000 operations and serving the
// document once (raw chi has no document: it only registers the routes).
// Besides time and allocations it reports heap-B, the heap still in use
// afterwards.
func BenchmarkStartup(b *testing.B) {
	for _, c := range Contenders {
		b.Run("contender="+c.Name, func(b *testing.B) {
			// Measured first: b.Loop keeps the last iteration's result alive.
			heap := retainedHeap(func() any { return startup(c) })
			b.ReportAllocs()
			for b.Loop() {
				startup(c)
			}
			b.ReportMetric(heap, "heap-B")
		})
	}
}

func startup(c Contender) http.Handler {
	h := c.Startup(startupOperations)
	w := &statusWriter{header: http.Header{}}
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	return h
}

// retainedHeap returns how many bytes of heap what build returns keeps alive.
func retainedHeap(build func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

func newRequest(sc Scenario) (*http.Request, *rewindableBody) {
	body := &rewindableBody{data: []byte(sc.Body)}
	req := httptest.NewRequest(sc.Method, sc.Target, body)
	req.Header = sc.RequestHeader()
	return req, body
}

// rewindableBody is a request body that can be read again.
type rewindableBody struct {
	bytes.Reader
	data []byte
}

func (b *rewindableBody) Close() error { return nil }

func (b *rewindableBody) rewind(req *http.Request) {
	b.Reset(b.data)
	req.Body = b
}

// statusWriter is an http.ResponseWriter that keeps the status and the
// headers and discards the body.
type statusWriter struct {
	header http.Header
	status int
	size   int
}

func (w *statusWriter) Header() http.Header { return w.header }

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.size += len(p)
	return len(p), nil
}

func (w *statusWriter) reset() {
	clear(w.header)
	w.status, w.size = 0, 0
}
