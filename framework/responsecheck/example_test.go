package responsecheck_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/responsecheck"
)

// A middleware of the App answers 418 with no body, where the document
// promises RFC 9457 problem details for every error. With Reject, the check
// logs what the document says and what was sent, and the client gets a 500
// problem instead; with Log, the bare 418 would go out. (The log's time is
// dropped from this example's output so that it is the same on every run.)
func ExampleMiddleware() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	app := framework.New(framework.Config{Title: "Greeter", Version: "1.0.0", Logger: logger})
	app.Use(responsecheck.Middleware(app, responsecheck.Reject)) // first: it sees what every other middleware does
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Teapot") != "" {
				w.WriteHeader(http.StatusTeapot)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	framework.Get(app, "/greeting", func(ctx context.Context, _ *struct{}) (*struct{ Body string }, error) {
		return &struct{ Body string }{Body: "hello"}, nil
	})

	srv := httptest.NewServer(app)
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/greeting", nil)
	req.Header.Set("X-Teapot", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"))
	// Output:
	// level=ERROR msg="signet: the response does not match the API's documentation" method=GET path=/greeting status=418 operation="GET /greeting" rule=problem problem="the error is not problem details" documented="application/problem+json (RFC 9457)" sent="Content-Type: (none)" replaced_by_500=true
	// 500 application/problem+json
}
