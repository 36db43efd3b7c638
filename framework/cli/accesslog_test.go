package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/accesslog"
	"github.com/signet-go/signet/framework/cli"
	"github.com/signet-go/signet/internal/testkit"
)

// The access log of `serve`, on the wire: each test serves an App through
// cli.Execute on a free port of 127.0.0.1, sends real requests, stops the
// command (a graceful shutdown waits for every request, so every line is
// written) and reads the App's log, written as JSON.

// newJSONApp returns an App with a GET /items/{id} operation that logs, as
// JSON, into the returned buffer.
func newJSONApp(t *testing.T) (*framework.App, *testkit.Buffer) {
	t.Helper()
	logs := &testkit.Buffer{}
	app := framework.New(framework.Config{
		Title: "Test API", Version: "1.0.0",
		Logger: slog.New(slog.NewJSONHandler(logs, nil)),
	})
	framework.Get(app, "/items/{id}", func(_ context.Context, in *struct {
		ID int `path:"id"`
	}) (*itemOutput, error) {
		return &itemOutput{Body: item{Name: "item"}}, nil
	})
	return app, logs
}

// serveCommand runs `serve --addr ADDR` with extra arguments and returns
// the base URL and a function that stops the command and checks it
// exited 0.
func serveCommand(t *testing.T, app *framework.App, extra ...string) (string, func()) {
	t.Helper()
	addr := testkit.FreeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	var stderr testkit.Buffer
	go func() {
		exited <- cli.Execute(ctx, app, append([]string{"serve", "--addr", addr}, extra...), io.Discard, &stderr)
	}()
	stopped := false
	stop := func() {
		t.Helper()
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case code := <-exited:
			if code != 0 {
				t.Errorf("serve exited %d\n%s", code, stderr.String())
			}
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop within 15s of its context's end")
		}
	}
	t.Cleanup(stop)
	testkit.WaitListening(t, addr)
	return "http://" + addr, stop
}

// wireClient reads bodies as they came on the wire: it asks for no
// compression, and decompresses none it asked for itself.
var wireClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// request sends a request and returns the status and the body as received.
func request(t *testing.T, method, url string, header map[string]string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, value := range header {
		req.Header.Set(name, value)
	}
	resp, err := wireClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// accessLines returns the access log's lines (message "request") of a JSON
// log.
func accessLines(t *testing.T, logs *testkit.Buffer) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, raw := range bytes.Split(bytes.TrimSpace([]byte(logs.String())), []byte("\n")) {
		var line map[string]any
		if err := json.Unmarshal(raw, &line); err != nil {
			t.Fatalf("a log line is not JSON: %v\n%s", err, raw)
		}
		if line["msg"] == "request" {
			lines = append(lines, line)
		}
	}
	return lines
}

// generatedID is the form of the request IDs chi's middleware.RequestID
// makes: host/random-counter.
var generatedID = regexp.MustCompile(`^.+/.{10}-\d{6,}$`)

func TestServeLogsEachRequest(t *testing.T) {
	app, logs := newJSONApp(t)
	app.Use(middleware.RequestID, accesslog.RecordRequestID(middleware.GetReqID))
	url, stop := serveCommand(t, app)
	status, body := request(t, http.MethodGet, url+"/items/7?verbose=1", map[string]string{"X-Request-Id": "req-7"})
	if status != http.StatusOK {
		t.Fatalf("GET /items/7: %d %s", status, body)
	}
	request(t, http.MethodGet, url+"/items/8", nil)
	stop()

	lines := accessLines(t, logs)
	if len(lines) != 2 {
		t.Fatalf("want 2 access log lines, got %d:\n%s", len(lines), logs)
	}
	line := lines[0]
	if d, ok := line["duration"].(float64); !ok || d <= 0 || time.Duration(d) > 10*time.Second {
		t.Errorf("duration %v, want the request's time in nanoseconds", line["duration"])
	}
	if _, err := time.Parse(time.RFC3339Nano, line["time"].(string)); err != nil {
		t.Errorf("time: %v", err)
	}
	delete(line, "duration")
	delete(line, "time")
	want := map[string]any{
		"level": "INFO", "msg": "request",
		"method": "GET", "path": "/items/7", "status": 200.0, "bytes": float64(len(body)),
		"request_id": "req-7",
	}
	if !maps.Equal(line, want) {
		t.Errorf("the access log line is\n%v\nwant\n%v", line, want)
	}
	if id, _ := lines[1]["request_id"].(string); !generatedID.MatchString(id) {
		t.Errorf("a request without X-Request-Id is logged with request_id %q, want the one chi's RequestID made", id)
	}
}

func TestServeAccessLogOff(t *testing.T) {
	app, logs := newJSONApp(t)
	url, stop := serveCommand(t, app, "--access-log=false")
	request(t, http.MethodGet, url+"/items/7", nil)
	request(t, http.MethodGet, url+"/nowhere", nil)
	stop()
	if lines := accessLines(t, logs); len(lines) != 0 {
		t.Errorf("--access-log=false logged %d requests:\n%s", len(lines), logs)
	}
	if !strings.Contains(logs.String(), "signet: serving") {
		t.Errorf("the App's own log is missing:\n%s", logs)
	}
}

func TestServeAccessLogKeepsSecrets(t *testing.T) {
	app, logs := newJSONApp(t)
	url, stop := serveCommand(t, app)
	status, _ := request(t, http.MethodGet, url+"/items/7?token=SECRET&SECRET", map[string]string{
		"Authorization": "Bearer SECRET",
		"Cookie":        "session=SECRET",
	})
	stop()
	lines := accessLines(t, logs)
	if status != http.StatusOK || len(lines) != 1 || lines[0]["path"] != "/items/7" {
		t.Fatalf("status %d; want 200 and one line with path /items/7:\n%s", status, logs)
	}
	if strings.Contains(logs.String(), "SECRET") {
		t.Errorf("the log holds a secret:\n%s", logs)
	}
}

// The access log is outermost: it logs the responses the App's middlewares
// write, its 404 and 405, and its docs, each with the status sent.
func TestServeLogsWhatMiddlewaresWrite(t *testing.T) {
	app, logs := newJSONApp(t)
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/items/") && r.Header.Get("Authorization") != "Bearer letmein" {
				w.Header().Set("WWW-Authenticate", "Bearer")
				w.Header().Set("Content-Type", "application/problem+json")
				w.WriteHeader(http.StatusUnauthorized)
				io.WriteString(w, `{"title":"Unauthorized","status":401}`)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	url, stop := serveCommand(t, app)
	type sent struct {
		method, path string
		status       int
		bytes        int
	}
	var sends []sent
	for _, r := range []struct {
		method, path string
		auth         bool
	}{
		{http.MethodGet, "/items/7", false},
		{http.MethodGet, "/items/7", true},
		{http.MethodGet, "/nowhere", false},
		{http.MethodDelete, "/openapi.json", false},
		{http.MethodGet, "/docs", false},
		{http.MethodGet, "/docs?gzip", false},
	} {
		header := map[string]string{}
		if path, ok := strings.CutSuffix(r.path, "?gzip"); ok {
			r.path = path
			header["Accept-Encoding"] = "gzip"
		}
		if r.auth {
			header["Authorization"] = "Bearer letmein"
		}
		status, body := request(t, r.method, url+r.path, header)
		sends = append(sends, sent{r.method, r.path, status, len(body)})
	}
	stop()
	if sends[0].status != http.StatusUnauthorized || sends[1].status != http.StatusOK {
		t.Fatalf("the middleware did not answer as meant: %v", sends)
	}
	if last := len(sends) - 1; sends[last].bytes >= sends[last-1].bytes {
		t.Errorf("/docs with gzip took %d bytes, without %d: not compressed, so the bytes logged are not checked against a compressed body", sends[last].bytes, sends[last-1].bytes)
	}
	lines := accessLines(t, logs)
	if len(lines) != len(sends) {
		t.Fatalf("%d requests, %d access log lines:\n%s", len(sends), len(lines), logs)
	}
	for i, s := range sends {
		l := lines[i]
		got := sent{l["method"].(string), l["path"].(string), int(l["status"].(float64)), int(l["bytes"].(float64))}
		if got != s {
			t.Errorf("request %d: sent %v, logged %v", i, s, got)
		}
	}
}

// A streamed response streams through the access log: the first event
// reaches the client while the handler still runs.
func TestServeAccessLogStreams(t *testing.T) {
	app, logs := newJSONApp(t)
	type tick struct {
		N int `json:"n"`
	}
	received := make(chan struct{})
	sse.Register(app.API(), huma.Operation{OperationID: "ticks", Method: http.MethodGet, Path: "/ticks"},
		map[string]any{"tick": tick{}}, func(ctx context.Context, _ *struct{}, send sse.Sender) {
			_ = send.Data(tick{1})
			select {
			case <-received:
			case <-time.After(5 * time.Second):
				t.Error("the client did not get the first event within 5s: the stream is buffered")
			}
			_ = send.Data(tick{2})
		})
	url, stop := serveCommand(t, app)

	resp, err := http.Get(url + "/ticks")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	var first string // the first event, up to the blank line that ends it
	for !strings.HasSuffix(first, "\n\n") {
		line, err := events.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the first event: %v (read %q)", err, first)
		}
		first += line
	}
	close(received)
	rest, err := io.ReadAll(events)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if !strings.Contains(first, `data: {"n":1}`) || !strings.Contains(string(rest), `data: {"n":2}`) {
		t.Errorf("events: %q then %q", first, rest)
	}
	lines := accessLines(t, logs)
	if len(lines) != 1 || lines[0]["status"] != 200.0 || lines[0]["bytes"] != float64(len(first)+len(rest)) {
		t.Errorf("want one line with status 200 and %d bytes:\n%s", len(first)+len(rest), logs)
	}
}

// An App used as an http.Handler logs nothing per request: the access log
// is serve's, or the caller's to add.
func TestAppAsHandlerLogsNothing(t *testing.T) {
	app, logs := newJSONApp(t)
	srv := httptest.NewServer(app)
	request(t, http.MethodGet, srv.URL+"/items/7", nil)
	request(t, http.MethodGet, srv.URL+"/nowhere", nil)
	request(t, http.MethodGet, srv.URL+"/openapi.json", nil)
	srv.Close()
	if logs.String() != "" {
		t.Errorf("the App logged as a plain handler:\n%s", logs)
	}
}
