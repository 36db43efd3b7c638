package framework_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/signet-go/signet/framework"
)

// Limits are fields of Config; zero means the default. The body limit is
// inclusive: here a body of 32 bytes is accepted and one of 33 is not.
// The timeouts apply to the server that `serve` and App.Serve run.
func ExampleConfig_limits() {
	app := framework.New(framework.Config{
		Title: "Notes", Version: "1.0.0",
		MaxBodyBytes:      32,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		ShutdownGrace:     20 * time.Second,
	})
	framework.Post(app, "/notes", func(_ context.Context, in *struct{ Body Greeting }) (*GreetOutput, error) {
		return &GreetOutput{Body: in.Body}, nil
	})
	srv := httptest.NewServer(app)
	defer srv.Close()

	for _, size := range []int{32, 33} {
		body := `{"message":"` + strings.Repeat("x", size-len(`{"message":""}`)) + `"}`
		resp, _ := http.Post(srv.URL+"/notes", "application/json", strings.NewReader(body))
		problem, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(size, resp.StatusCode, resp.Header.Get("X-Content-Type-Options"))
		if resp.StatusCode != http.StatusOK {
			fmt.Println(strings.TrimSpace(string(problem)))
		}
	}
	// Output:
	// 32 200 nosniff
	// 33 413 nosniff
	// {"title":"Request Entity Too Large","status":413,"detail":"the request body is larger than 32 bytes, the limit of this operation; send a smaller body"}
}
