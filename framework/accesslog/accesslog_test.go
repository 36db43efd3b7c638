package accesslog_test

import (
	"bufio"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/signet-go/signet/framework/accesslog"
	"github.com/signet-go/signet/internal/testkit"
)

// serveLogged serves h wrapped in the access log on 127.0.0.1 and returns
// its URL and the log, written as JSON.
func serveLogged(t *testing.T, h http.Handler) (string, *testkit.Buffer) {
	t.Helper()
	logs := &testkit.Buffer{}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	srv := httptest.NewServer(accesslog.Middleware(logger)(h))
	t.Cleanup(srv.Close)
	return srv.URL, logs
}

// lines decodes each line of a JSON log.
func lines(t *testing.T, logs *testkit.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("a log line is not JSON: %v\n%s", err, line)
		}
		out = append(out, m)
	}
	return out
}

// onlyLine returns the one line of the log, and fails t unless there is
// exactly one. The client has its response before the line is written, so
// it waits for it a little.
func onlyLine(t *testing.T, logs *testkit.Buffer) map[string]any {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for logs.String() == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	got := lines(t, logs)
	if len(got) != 1 {
		t.Fatalf("want one log line, got %d:\n%s", len(got), logs)
	}
	return got[0]
}

func get(t *testing.T, method, url string, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, value := range header {
		req.Header.Set(name, value)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestLineAttributes(t *testing.T) {
	url, logs := serveLogged(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, "created\n")
	}))
	if status, _ := get(t, http.MethodPost, url+"/items/a%20b?token=abc", nil); status != http.StatusCreated {
		t.Fatalf("status %d", status)
	}
	line := onlyLine(t, logs)
	duration, ok := line["duration"].(float64) // slog's JSON handler writes nanoseconds
	if !ok || time.Duration(duration) < 20*time.Millisecond || time.Duration(duration) > 5*time.Second {
		t.Errorf("duration %v, want the handler's time, at least 20ms", line["duration"])
	}
	delete(line, "duration")
	if _, err := time.Parse(time.RFC3339Nano, line["time"].(string)); err != nil {
		t.Errorf("time: %v", err)
	}
	delete(line, "time")
	want := map[string]any{
		"level": "INFO", "msg": "request",
		"method": "POST", "path": "/items/a%20b", "status": 201.0, "bytes": 8.0,
	}
	if !maps.Equal(line, want) {
		t.Errorf("the line is\n%v\nwant\n%v", line, want)
	}
}

// The status logged is the one the client got.
func TestStatusAsSent(t *testing.T) {
	for _, c := range []struct {
		name    string
		handler http.HandlerFunc
		status  int
		bytes   int
	}{
		{"nothing written", func(http.ResponseWriter, *http.Request) {}, 200, 0},
		{"body without a status", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello") }, 200, 5},
		{"early hints first", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Link", "</style.css>; rel=preload")
			w.WriteHeader(http.StatusEarlyHints)
			w.WriteHeader(http.StatusNoContent)
		}, 204, 0},
		{"a second status is ignored", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusNotFound)
			w.WriteHeader(http.StatusInternalServerError)
		}, 404, 0},
		{"io.Copy through ReadFrom", func(w http.ResponseWriter, r *http.Request) {
			http.ServeContent(w, r, "a.txt", time.Time{}, strings.NewReader(strings.Repeat("x", 3000)))
		}, 200, 3000},
		{"flushed before writing", func(w http.ResponseWriter, _ *http.Request) {
			http.NewResponseController(w).Flush()
			io.WriteString(w, "late")
		}, 200, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			url, logs := serveLogged(t, c.handler)
			status, body := get(t, http.MethodGet, url+"/", nil)
			line := onlyLine(t, logs)
			if status != c.status || line["status"] != float64(c.status) || len(body) != c.bytes || line["bytes"] != float64(c.bytes) {
				t.Errorf("client got %d and %d bytes; the log says %v and %v bytes; want %d and %d", status, len(body), line["status"], line["bytes"], c.status, c.bytes)
			}
		})
	}
}

func TestNoSecretsLogged(t *testing.T) {
	url, logs := serveLogged(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	get(t, http.MethodGet, url+"/items?token=SECRET&SECRET2&page=2", map[string]string{
		"Authorization": "Bearer SECRET",
		"Cookie":        "session=SECRET",
		"X-Api-Key":     "SECRET",
	})
	line := onlyLine(t, logs)
	if strings.Contains(logs.String(), "SECRET") {
		t.Errorf("the log holds a secret:\n%s", logs)
	}
	if line["path"] != "/items" {
		t.Errorf("path %v, want /items", line["path"])
	}
}

func TestRequestID(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	refuse := func(http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "no credentials", http.StatusUnauthorized)
		})
	}
	chain := func(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
		for _, mw := range slices.Backward(mws) {
			h = mw(h)
		}
		return h
	}
	record := accesslog.RecordRequestID(middleware.GetReqID)
	for _, c := range []struct {
		name    string
		handler http.Handler // inside the access log
		outside bool         // middleware.RequestID outside the access log
		want    any          // the request_id attribute, nil for none
	}{
		{"no request ID", chain(ok, record), false, nil},
		{"RequestID inside, recorded", chain(ok, middleware.RequestID, record), false, "req-1"},
		{"RequestID inside, recorded, a middleware's 401", chain(ok, middleware.RequestID, record, refuse), false, "req-1"},
		{"RequestID inside, not recorded", chain(ok, middleware.RequestID), false, nil},
		{"recorded before RequestID set it", chain(ok, record, middleware.RequestID), false, nil},
		{"RequestID outside, recorded inside", chain(ok, record), true, "req-1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			logs := &testkit.Buffer{}
			var h http.Handler = accesslog.Middleware(slog.New(slog.NewJSONHandler(logs, nil)))(c.handler)
			if c.outside {
				h = middleware.RequestID(h)
			}
			srv := httptest.NewServer(h)
			defer srv.Close()
			get(t, http.MethodGet, srv.URL+"/", map[string]string{"X-Request-Id": "req-1"})
			if got := onlyLine(t, logs)["request_id"]; got != c.want {
				t.Errorf("request_id %v, want %v", got, c.want)
			}
		})
	}
	// RecordRequestID without an access log around it does nothing.
	srv := httptest.NewServer(middleware.RequestID(record(ok)))
	defer srv.Close()
	if status, body := get(t, http.MethodGet, srv.URL+"/", nil); status != 200 || body != "ok" {
		t.Errorf("got %d %q", status, body)
	}
}

// A streamed response streams through the log: each event reaches the
// client while the handler still runs, whether the handler flushes through
// http.ResponseController or asserts an http.Flusher; write deadlines reach
// the connection.
func TestStreamingThroughTheLog(t *testing.T) {
	flushers := map[string]func(http.ResponseWriter) error{
		"ResponseController": func(w http.ResponseWriter) error { return http.NewResponseController(w).Flush() },
		"http.Flusher": func(w http.ResponseWriter) error {
			f, ok := w.(http.Flusher)
			if !ok {
				return http.ErrNotSupported
			}
			f.Flush()
			return nil
		},
	}
	for name, flush := range flushers {
		t.Run(name, func(t *testing.T) {
			received := make(chan struct{})
			url, logs := serveLogged(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if err := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(time.Minute)); err != nil {
					t.Errorf("SetWriteDeadline through the log: %v", err)
				}
				w.Header().Set("Content-Type", "text/event-stream")
				io.WriteString(w, "data: 1\n\n")
				if err := flush(w); err != nil {
					t.Errorf("flush: %v", err)
				}
				select {
				case <-received:
				case <-time.After(5 * time.Second):
					t.Error("the client did not get the first event within 5s of its flush")
				}
				io.WriteString(w, "data: 2\n\n")
			}))
			resp, err := http.Get(url + "/events")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			events := bufio.NewReader(resp.Body)
			first, err := events.ReadString('\n')
			if err != nil || first != "data: 1\n" {
				t.Fatalf("first event %q, %v", first, err)
			}
			close(received)
			rest, _ := io.ReadAll(events)
			if string(rest) != "\ndata: 2\n\n" {
				t.Errorf("the rest of the stream is %q", rest)
			}
			if line := onlyLine(t, logs); line["status"] != 200.0 || line["bytes"] != 18.0 {
				t.Errorf("logged status %v, bytes %v; want 200 and 18", line["status"], line["bytes"])
			}
		})
	}
}

// A handler can take the connection over (a WebSocket) through the log,
// by http.ResponseController or by asserting an http.Hijacker; its line
// says hijacked and claims no status the log did not see.
func TestHijack(t *testing.T) {
	hijackers := map[string]func(http.ResponseWriter) (net.Conn, *bufio.ReadWriter, error){
		"ResponseController": func(w http.ResponseWriter) (net.Conn, *bufio.ReadWriter, error) {
			return http.NewResponseController(w).Hijack()
		},
		"http.Hijacker": func(w http.ResponseWriter) (net.Conn, *bufio.ReadWriter, error) {
			h, ok := w.(http.Hijacker)
			if !ok {
				return nil, nil, http.ErrNotSupported
			}
			return h.Hijack()
		},
	}
	for name, hijack := range hijackers {
		t.Run(name, func(t *testing.T) {
			url, logs := serveLogged(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				conn, rw, err := hijack(w)
				if err != nil {
					t.Errorf("hijack through the log: %v", err)
					return
				}
				defer conn.Close()
				rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: test\r\n\r\nhello")
				rw.Flush()
			}))
			conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			io.WriteString(conn, "GET /socket HTTP/1.1\r\nHost: test\r\nConnection: Upgrade\r\nUpgrade: test\r\n\r\n")
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			received, _ := io.ReadAll(conn)
			if !strings.HasSuffix(string(received), "\r\n\r\nhello") {
				t.Errorf("the client got %q", received)
			}
			line := onlyLine(t, logs)
			delete(line, "time")
			delete(line, "duration")
			want := map[string]any{"level": "INFO", "msg": "request", "method": "GET", "path": "/socket", "bytes": 0.0, "hijacked": true}
			if !maps.Equal(line, want) {
				t.Errorf("the line is\n%v\nwant\n%v", line, want)
			}
		})
	}
}
