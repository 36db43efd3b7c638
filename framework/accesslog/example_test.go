package accesslog_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/signet-go/signet/framework/accesslog"
)

// Middleware wraps a handler, here one that tags requests with chi's
// request IDs; RecordRequestID hands the ID out to the log. The query and
// the Authorization header stay out of the line. (The time and duration are
// dropped from this example's output so that it is the same on every run.)
func ExampleMiddleware() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{}
			}
			return a
		},
	}))
	hello := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello\n")
	})
	record := accesslog.RecordRequestID(middleware.GetReqID)
	handler := accesslog.Middleware(logger)(middleware.RequestID(record(hello)))

	srv := httptest.NewServer(handler)
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/greetings/en?token=SECRET", nil)
	req.Header.Set("Authorization", "Bearer SECRET")
	req.Header.Set("X-Request-Id", "7f3c")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	srv.Close() // waits for the request to end, and its line to be written
	// Output:
	// {"level":"INFO","msg":"request","method":"GET","path":"/greetings/en","status":200,"bytes":6,"request_id":"7f3c"}
}
