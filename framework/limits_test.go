package framework_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

// limitsApp is an App with tight limits, so that each can be crossed
// quickly: a slow operation, a streaming one, and bodies.
func limitsApp(t *testing.T, config framework.Config) *framework.App {
	config.Title, config.Version = "Limits", "1.0.0"
	config.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	app := framework.New(config)
	framework.Get(app, "/slow", func(ctx context.Context, in *struct {
		DelayMS int `query:"delay_ms"`
	}) (*withBody, error) {
		time.Sleep(time.Duration(in.DelayMS) * time.Millisecond)
		return &withBody{Body: itemBody{Name: "slow"}}, nil
	})
	framework.Get(app, "/stream", func(context.Context, *struct{}) (*streamOut, error) {
		return &streamOut{Body: func(ctx huma.Context) {
			ctx.SetHeader("Content-Type", "text/plain")
			for i := range 6 {
				_, _ = io.WriteString(ctx.BodyWriter(), strings.Repeat(string(rune('a'+i)), 10))
				_ = http.NewResponseController(unwrapWriter(ctx)).Flush()
				time.Sleep(150 * time.Millisecond)
			}
		}}, nil
	})
	framework.Post(app, "/small", func(context.Context, *struct{ Body itemBody }) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "ok"}}, nil
	}, func(op *framework.Operation) { op.MaxBodyBytes = 20 })
	framework.Post(app, "/default", func(context.Context, *struct{ Body itemBody }) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "ok"}}, nil
	})
	return app
}

func unwrapWriter(ctx huma.Context) http.ResponseWriter {
	_, w := framework.Unwrap(ctx)
	return w
}

func TestBodyLimitIsInclusive(t *testing.T) {
	app := limitsApp(t, framework.Config{MaxBodyBytes: 100})
	addr := startServe(t, app)
	body := func(n int) string { // {"name":"xxx"} of n bytes
		return `{"name":"` + strings.Repeat("x", n-len(`{"name":""}`)) + `"}`
	}
	tests := []struct {
		path   string
		size   int
		status int
	}{
		{"/default", 99, 200},
		{"/default", 100, 200},
		{"/default", 101, 413},
		{"/small", 20, 200}, // the operation's own limit replaces the App's
		{"/small", 21, 413},
	}
	for _, tt := range tests {
		r := exchange(t, addr, request("POST", tt.path, body(tt.size), jsonType))
		if r.status != tt.status {
			t.Errorf("POST %s with %d bytes: %d, want %d\n%s", tt.path, tt.size, r.status, tt.status, r.raw)
		}
		if tt.status == 413 {
			limit := map[string]string{"/default": "100", "/small": "20"}[tt.path]
			if !strings.Contains(r.body, "larger than "+limit+" bytes") {
				t.Errorf("the 413 does not state the limit %s: %s", limit, r.body)
			}
		}
	}
}

// TestMultipartBodyLimit: net/http parses multipart forms for Huma, and
// spills their files to disk, so the body limit must reach it too, chunked
// bodies (no Content-Length to judge by) included.
func TestMultipartBodyLimit(t *testing.T) {
	app := limitsApp(t, framework.Config{MaxBodyBytes: 1000})
	framework.Post(app, "/upload", func(_ context.Context, in *struct{ RawBody multipart.Form }) (*withBody, error) {
		return &withBody{Body: itemBody{Name: strconv.Itoa(len(in.RawBody.File["file"]))}}, nil
	})
	addr := startServe(t, app)
	form := func(size int) string {
		return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n" +
			strings.Repeat("x", size) + "\r\n--b--\r\n"
	}
	const multipartType = "Content-Type: multipart/form-data; boundary=b"
	tests := []struct {
		name   string
		req    string
		status int
	}{
		{"small form", request("POST", "/upload", form(100), multipartType), 200},
		{"form at the limit", request("POST", "/upload", form(1000-len(form(0))), multipartType), 200},
		{"form over the limit, chunked", request("POST", "/upload", chunked(form(5000)), multipartType, "Transfer-Encoding: chunked"), 413},
		{"form over the limit, announced", request("POST", "/upload", form(5000), multipartType), 413},
	}
	for _, tt := range tests {
		r := exchange(t, addr, tt.req)
		if r.status != tt.status {
			t.Errorf("%s: %d, want %d\n%s", tt.name, r.status, tt.status, r.raw)
		}
		if tt.status == 413 && (!strings.Contains(r.body, "larger than 1000 bytes") || r.header.Get("Content-Type") != "application/problem+json") {
			t.Errorf("%s: the 413 does not state the limit: %s", tt.name, r.body)
		}
	}
}

func TestHeaderLimit(t *testing.T) {
	app := limitsApp(t, framework.Config{MaxHeaderBytes: 1024})
	addr := startServe(t, app)
	// net/http allows 4096 bytes above MaxHeaderBytes for the request line.
	if r := exchange(t, addr, request("GET", "/slow", "", "X-Big: "+strings.Repeat("a", 1000))); r.status != 200 {
		t.Errorf("a header of 1000 bytes: %d, want 200", r.status)
	}
	if r := exchange(t, addr, request("GET", "/slow", "", "X-Big: "+strings.Repeat("a", 8000))); r.status != 431 {
		t.Errorf("a header of 8000 bytes: %d, want 431", r.status)
	}
}

// TestSlowHeaderIsCutOff is the slowloris defence: a client that never
// finishes its header is disconnected after ReadHeaderTimeout.
func TestSlowHeaderIsCutOff(t *testing.T) {
	app := limitsApp(t, framework.Config{ReadHeaderTimeout: 200 * time.Millisecond})
	_, elapsed, err := untilClosed(t, startServe(t, app), "GET /slow HTTP/1.1\r\nHost: test\r\nX-Slow: ")
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		t.Fatalf("the server kept the half-sent request open for %s", elapsed)
	}
	if elapsed > 2*time.Second {
		t.Errorf("the connection was closed after %s, want about 200ms", elapsed)
	}
}

func TestIdleConnectionIsClosed(t *testing.T) {
	app := limitsApp(t, framework.Config{IdleTimeout: 200 * time.Millisecond})
	received, elapsed, err := untilClosed(t, startServe(t, app), "GET /slow HTTP/1.1\r\nHost: test\r\n\r\n") // the response, then the close
	if err != nil {
		t.Fatalf("the idle connection was not closed: %v", err)
	}
	if !strings.HasPrefix(string(received), "HTTP/1.1 200") {
		t.Errorf("response %q", received)
	}
	if elapsed > 2*time.Second {
		t.Errorf("closed after %s, want about 200ms", elapsed)
	}
}

// untilClosed sends raw to addr and reads until the server closes the
// connection (or 5 s pass): what it received, and how long that took.
func untilClosed(t *testing.T, addr, raw string) ([]byte, time.Duration, error) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	_, _ = io.WriteString(conn, raw)
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	received, err := io.ReadAll(conn)
	return received, time.Since(start), err
}

// TestWriteTimeout cuts off a response that takes longer than
// WriteTimeout, but not a stream, which may run as long as it needs.
func TestWriteTimeout(t *testing.T) {
	app := limitsApp(t, framework.Config{WriteTimeout: 500 * time.Millisecond})
	addr := startServe(t, app)
	client := &http.Client{Timeout: 10 * time.Second}

	resp, err := client.Get("http://" + addr + "/slow?delay_ms=10")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("a fast response: %d", resp.StatusCode)
	}

	resp, err = client.Get("http://" + addr + "/slow?delay_ms=1500")
	if err == nil {
		resp.Body.Close()
		t.Errorf("a response later than WriteTimeout arrived: %d", resp.StatusCode)
	}

	resp, err = client.Get("http://" + addr + "/stream")
	if err != nil {
		t.Fatalf("the stream was cut off: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	want := "aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffff"
	if err != nil || string(body) != want {
		t.Errorf("a stream of 900ms under a WriteTimeout of 500ms: %q, %v; want all of it", body, err)
	}
}

// TestShutdownGraceRunsOut stops the server while a request runs longer
// than the grace period: Serve cuts it off and says so.
func TestShutdownGraceRunsOut(t *testing.T) {
	app := limitsApp(t, framework.Config{ShutdownGrace: 100 * time.Millisecond})
	started := make(chan struct{})
	framework.Get(app, "/block", func(context.Context, *struct{}) (*withBody, error) {
		close(started)
		time.Sleep(2 * time.Second)
		return &withBody{}, nil
	})
	addr := testkit.FreeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- app.Serve(ctx, addr) }()
	testkit.WaitListening(t, addr)
	go func() { _, _ = http.Get("http://" + addr + "/block") }()
	<-started
	start := time.Now()
	stop()
	err := <-served
	if err == nil || !strings.Contains(err.Error(), "grace period of 100ms") {
		t.Errorf("Serve returned %v, want the grace period exceeded", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("Serve returned after %s, want about 100ms", elapsed)
	}
}
