package framework_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// recorded serves one request to app in process, as a middleware or a
// test with httptest.ResponseRecorder sees it, before net/http's server
// could drop anything.
func recorded(app http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// TestWhatAMiddlewareSees checks the status rules in process: net/http's
// server hides some mistakes on the wire (it drops a body on HEAD and on
// 204), but not from a middleware or an httptest.ResponseRecorder.
func TestWhatAMiddlewareSees(t *testing.T) {
	app, _ := newApp(t)
	framework.Delete(app, "/things/{id}", func(context.Context, *idInput) (*struct{}, error) { return &struct{}{}, nil })
	framework.Get(app, "/things/{id}", func(_ context.Context, in *idInput) (*withBody, error) {
		if in.ID == "missing" {
			return nil, huma.Error404NotFound("no such thing")
		}
		return &withBody{Body: itemBody{Name: "x"}}, nil
	})
	framework.Get(app, "/bytes", func(context.Context, *noInput) (*bytesOut, error) {
		return &bytesOut{Body: []byte("raw bytes")}, nil
	})
	var seen []*httptest.ResponseRecorder
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			seen = append(seen, rec)
			for name, values := range rec.Header() {
				w.Header()[name] = values
			}
			w.WriteHeader(rec.Code)
			_, _ = w.Write(rec.Body.Bytes())
		})
	})
	deleted := recorded(app, "DELETE", "/things/1")
	if deleted.Code != 204 || deleted.Header()["Content-Length"] != nil || deleted.Header()["Content-Type"] != nil || deleted.Body.Len() != 0 {
		t.Errorf("DELETE: %d %v %q, want 204 with no content headers and no body", deleted.Code, deleted.Header(), deleted.Body)
	}
	for _, target := range []string{"/things/1", "/things/missing", "/bytes", "/openapi.json", "/openapi.yaml", "/openapi-3.0.json", "/docs", "/nowhere", "/things"} {
		get, head := recorded(app, "GET", target), recorded(app, "HEAD", target)
		inner := seen[len(seen)-1]
		if head.Code != get.Code {
			t.Errorf("HEAD %s: %d, GET %d", target, head.Code, get.Code)
		}
		if head.Body.Len() != 0 || inner.Body.Len() != 0 {
			t.Errorf("HEAD %s: a body reached the middleware (%d bytes) or the recorder (%d bytes)", target, inner.Body.Len(), head.Body.Len())
		}
		for _, name := range []string{"Content-Type", "Content-Length"} {
			if get.Header().Get(name) != "" && head.Header().Get(name) != get.Header().Get(name) {
				t.Errorf("HEAD %s: %s %q, GET %q", target, name, head.Header().Get(name), get.Header().Get(name))
			}
		}
	}
}

// TestAPanicAfterTheStatusAbortsTheResponse: once a 200 is on the wire, a
// panic cannot become a 500; the response is cut off, so that no client
// takes a truncated body for a complete one.
func TestAPanicAfterTheStatusAbortsTheResponse(t *testing.T) {
	app, logs := newApp(t)
	framework.Get(app, "/stream", func(context.Context, *noInput) (*streamOut, error) {
		return &streamOut{Body: func(ctx huma.Context) {
			ctx.SetHeader("Content-Type", "text/plain")
			ctx.SetStatus(http.StatusOK)
			_, _ = io.WriteString(ctx.BodyWriter(), "first half, ")
			_ = http.NewResponseController(unwrapWriter(ctx)).Flush()
			panic("the second half cannot be computed")
		}}, nil
	})
	srv := serveUnchecked(t, app)
	resp, err := http.Get(srv.URL + "/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil {
		t.Errorf("the client read %q as a complete 200: the response was not aborted", body)
	}
	if !strings.Contains(logs.String(), "the second half cannot be computed") {
		t.Errorf("the panic was not logged:\n%s", logs)
	}
	// In process, the abort is net/http's: the handler panics with
	// http.ErrAbortHandler.
	v := mustPanic(t, func() { app.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/stream", nil)) })
	if v != http.ErrAbortHandler {
		t.Errorf("panicked with %v, want http.ErrAbortHandler", v)
	}
}

// TestServerErrorsNeverCarryWrappedErrors: a 5xx problem never carries
// the text of the errors it wraps, at exactly 500 too, whoever registered
// the operation; the text goes to the log.
func TestServerErrorsNeverCarryWrappedErrors(t *testing.T) {
	const secret = "pq: password authentication failed for user admin at 10.0.0.7"
	failures := map[string]func() error{
		"a plain error":         func() error { return errors.New(secret) },
		"a wrapped plain error": func() error { return fmt.Errorf("loading: %w", errors.New(secret)) },
		"huma 500 with errors":  func() error { return huma.Error500InternalServerError("could not load", errors.New(secret)) },
		"huma 502 with errors":  func() error { return huma.Error502BadGateway("upstream failed", errors.New(secret)) },
		"huma.NewError 503":     func() error { return huma.NewError(http.StatusServiceUnavailable, "busy", errors.New(secret)) },
	}
	for _, path := range registrationPaths {
		t.Run(path.name, func(t *testing.T) {
			app, logs := newApp(t)
			registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: "/fail"}, func(_ context.Context, in *struct {
				Kind string `query:"kind"`
			}) (*withBody, error) {
				return nil, failures[in.Kind]()
			})
			for kind := range failures {
				rec := recorded(app, "GET", path.groupPrefix+"/fail?kind="+url.QueryEscape(kind))
				if rec.Code < 500 || strings.Contains(rec.Body.String(), "password") || strings.Contains(rec.Body.String(), "10.0.0.7") {
					t.Errorf("%s: %d %s", kind, rec.Code, rec.Body)
				}
			}
			if n := strings.Count(logs.String(), "password authentication failed"); n < len(failures) {
				t.Errorf("%d of %d failures were logged:\n%s", n, len(failures), logs)
			}
		})
	}
}

// TestTheBodyReadDeadlineIsSetOnce: the input policy sets the read
// deadline of an operation's body before reading it; Huma's own request to
// set it, which comes once the body is in memory, leaves the connection
// alone (each call takes a lock in the network poller).
func TestTheBodyReadDeadlineIsSetOnce(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/things", func(context.Context, *struct{ Body itemBody }) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "ok"}}, nil
	})
	w := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
	r := httptest.NewRequest(http.MethodPost, "/things", strings.NewReader(`{"name":"a"}`))
	r.Header.Set("Content-Type", "application/json")
	app.ServeHTTP(w, r)
	if w.Code != http.StatusOK || len(w.deadlines) != 1 || w.deadlines[0].IsZero() {
		t.Errorf("%d, read deadlines set: %v; want 200 and one deadline", w.Code, w.deadlines)
	}
}

// deadlineRecorder records the read deadlines set through it, as
// http.ResponseController sets them.
type deadlineRecorder struct {
	*httptest.ResponseRecorder
	deadlines []time.Time
}

func (w *deadlineRecorder) SetReadDeadline(deadline time.Time) error {
	w.deadlines = append(w.deadlines, deadline)
	return nil
}

// TestABodyThatDoesNotArriveInTimeIs408: a client that stalls in the
// middle of its body gets 408 after the operation's body read timeout.
func TestABodyThatDoesNotArriveInTimeIs408(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/things", func(context.Context, *struct{ Body itemBody }) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "ok"}}, nil
	}, func(op *framework.Operation) { op.BodyReadTimeout = 200 * time.Millisecond })
	addr := startServe(t, app)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, _ = io.WriteString(conn, "POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":")
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), "did not arrive in time") {
		t.Errorf("%d %s, want 408", resp.StatusCode, body)
	}
}
