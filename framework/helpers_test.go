package framework_test

import (
	"bufio"
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// logBuffer collects what an App logs; servers write to it concurrently.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// newApp returns an App that logs into the returned buffer.
func newApp(t testing.TB) (*framework.App, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	app := framework.New(framework.Config{
		Title: "Test API", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	})
	return app, logs
}

// testServer is an App served on 127.0.0.1 for the duration of a test.
type testServer struct {
	URL  string
	addr string
	// check, when set, checks each response against the App's document
	// (frameworktest) and reports violations to the test.
	check func(req *http.Request, status int, header http.Header, body []byte)
}

// serve starts app on 127.0.0.1; every response roundTrip reads from it is
// also checked against the App's document.
func serve(t testing.TB, app *framework.App) *testServer {
	t.Helper()
	c := frameworktest.New(t, app)
	u, err := url.Parse(c.URL())
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{URL: c.URL(), addr: u.Host, check: c.Check}
}

// serveUnchecked starts h on 127.0.0.1 without checking its responses
// against a document, for tests that answer with undocumented statuses on
// purpose (a dynamic Status the document cannot list).
func serveUnchecked(t testing.TB, h http.Handler) *testServer {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{URL: srv.URL, addr: srv.Listener.Addr().String()}
}

// rawResponse is a response as it came off the wire.
type rawResponse struct {
	raw    string // every byte received
	status int
	header http.Header
	body   string // every byte after the header block
}

// roundTrip sends one request over a fresh TCP connection and reads until the
// server closes it, so that the bytes after the header are exactly what the
// server sent, whatever Content-Length says.
func roundTrip(t testing.TB, srv *testServer, method, target string, header map[string]string, body string) rawResponse {
	t.Helper()
	conn, err := net.Dial("tcp", srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var req strings.Builder
	req.WriteString(method + " " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n")
	for name, value := range header {
		req.WriteString(name + ": " + value + "\r\n")
	}
	if body != "" {
		req.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	req.WriteString("\r\n" + body)
	if _, err := io.WriteString(conn, req.String()); err != nil {
		t.Fatal(err)
	}
	received, err := io.ReadAll(conn)
	if err != nil {
		t.Fatal(err)
	}
	r := parseRaw(t, string(received))
	if srv.check != nil {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		for name, value := range header {
			req.Header.Set(name, value)
		}
		srv.check(req, r.status, r.header, []byte(r.body))
	}
	return r
}

func parseRaw(t testing.TB, raw string) rawResponse {
	t.Helper()
	head, body, ok := strings.Cut(raw, "\r\n\r\n")
	if !ok {
		t.Fatalf("no end of header in response %q", raw)
	}
	r := textproto.NewReader(bufio.NewReader(strings.NewReader(head + "\r\n\r\n")))
	statusLine, err := r.ReadLine()
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.SplitN(statusLine, " ", 3)
	if len(fields) < 2 {
		t.Fatalf("malformed status line %q", statusLine)
	}
	status, err := strconv.Atoi(fields[1])
	if err != nil {
		t.Fatalf("malformed status line %q", statusLine)
	}
	mime, err := r.ReadMIMEHeader()
	if err != nil {
		t.Fatal(err)
	}
	return rawResponse{raw: raw, status: status, header: http.Header(mime), body: body}
}

// mustPanic runs f and returns the value it panicked with.
func mustPanic(t testing.TB, f func()) (v any) {
	t.Helper()
	defer func() { v = recover() }()
	f()
	t.Fatal("expected a panic, got none")
	return nil
}
