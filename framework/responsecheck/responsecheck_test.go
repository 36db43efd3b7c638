package responsecheck_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/responsecheck"
	"github.com/signet-go/signet/internal/testkit"
)

// lockedBuffer is a log destination that is safe for concurrent writers.
type lockedBuffer struct{ testkit.Buffer }

// records returns the JSON log records written so far.
func (b *lockedBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		var record map[string]any
		if err := json.Unmarshal([]byte(line), &record); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, record)
	}
	return out
}

type gadget struct {
	Name  string `json:"name"`
	Color string `json:"color" enum:"red,green"`
}

// newGadgetApp serves GET /gadgets/{name}: "ok" conforms, "blue" answers a
// color the document does not allow. Responses are checked in mode.
func newGadgetApp(mode responsecheck.Mode, log io.Writer) *framework.App {
	app := framework.New(framework.Config{
		Title: "Gadgets", Version: "1.0.0",
		Logger: slog.New(slog.NewJSONHandler(log, nil)),
	})
	app.Use(responsecheck.Middleware(app, mode))
	framework.Get(app, "/gadgets/{name}", func(ctx context.Context, in *struct {
		Name string `path:"name"`
	}) (*struct{ Body gadget }, error) {
		color := "red"
		if in.Name == "blue" {
			color = "blue"
		}
		return &struct{ Body gadget }{gadget{Name: in.Name, Color: color}}, nil
	})
	return app
}

func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, body := testkit.Get(t, url)
	return resp.StatusCode, resp.Header, string(body)
}

func TestMiddlewareLogsViolations(t *testing.T) {
	var log lockedBuffer
	server := httptest.NewServer(newGadgetApp(responsecheck.Log, &log))
	defer server.Close()

	status, _, body := get(t, server.URL+"/gadgets/ok")
	if status != http.StatusOK || body != `{"name":"ok","color":"red"}`+"\n" {
		t.Errorf("conforming response: %d %q", status, body)
	}
	if records := log.records(t); len(records) != 0 {
		t.Errorf("a conforming response was logged: %v", records)
	}

	status, _, body = get(t, server.URL+"/gadgets/blue")
	if status != http.StatusOK || body != `{"name":"blue","color":"blue"}`+"\n" {
		t.Errorf("with LogInvalidResponses the response goes out unchanged; got %d %q", status, body)
	}
	records := log.records(t)
	if len(records) != 1 {
		t.Fatalf("want one log record, got %v", records)
	}
	want := map[string]any{
		"level": "ERROR", "msg": "signet: the response does not match the API's documentation",
		"method": "GET", "path": "/gadgets/blue", "status": float64(200), "operation": "GET /gadgets/{name}",
		"rule": "body", "problem": "the body does not match the schema at /color: value must be one of 'red', 'green'",
		"documented": `"enum": ["red","green"]`, "sent": `"blue"`, "replaced_by_500": false,
	}
	for key, value := range want {
		if records[0][key] != value {
			t.Errorf("log record %q = %#v, want %#v", key, records[0][key], value)
		}
	}
}

func TestMiddlewareRejectsViolations(t *testing.T) {
	var log lockedBuffer
	server := httptest.NewServer(newGadgetApp(responsecheck.Reject, &log))
	defer server.Close()

	status, _, body := get(t, server.URL+"/gadgets/ok")
	if status != http.StatusOK || body != `{"name":"ok","color":"red"}`+"\n" {
		t.Errorf("conforming response: %d %q", status, body)
	}
	status, header, body := get(t, server.URL+"/gadgets/blue")
	if status != http.StatusInternalServerError || header.Get("Content-Type") != "application/problem+json" ||
		body != `{"title":"Internal Server Error","status":500}` {
		t.Errorf("want a bare 500 problem; got %d %s %q", status, header.Get("Content-Type"), body)
	}
	records := log.records(t)
	if len(records) != 1 || records[0]["replaced_by_500"] != true || records[0]["rule"] != "body" {
		t.Errorf("want one record of the replaced response, got %v", records)
	}
}

func TestMiddlewareChecksWhatMiddlewareSends(t *testing.T) {
	var log lockedBuffer
	app := newGadgetApp(responsecheck.Reject, &log)
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "" {
				http.Error(w, "who are you?", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r)
		})
	})
	server := httptest.NewServer(app)
	defer server.Close()

	status, _, _ := get(t, server.URL+"/gadgets/ok")
	if status != http.StatusInternalServerError {
		t.Errorf("a plain-text 401 from middleware: got %d, want it replaced by 500", status)
	}
	records := log.records(t)
	if len(records) != 1 || records[0]["rule"] != "problem" || records[0]["status"] != float64(401) {
		t.Errorf("want one record of the 401 that is not problem details, got %v", records)
	}
}

func TestMiddlewareLetsFlushedResponsesStream(t *testing.T) {
	var log lockedBuffer
	app := newGadgetApp(responsecheck.Reject, &log)
	app.Router().Get("/events", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, "data: one\n\n")
		if err := http.NewResponseController(w).Flush(); err != nil {
			t.Errorf("Flush: %v", err)
		}
		_, _ = io.WriteString(w, "data: two\n\n")
	})
	server := httptest.NewServer(app)
	defer server.Close()

	status, header, body := get(t, server.URL+"/events")
	if status != http.StatusOK || header.Get("Content-Type") != "text/event-stream" || body != "data: one\n\ndata: two\n\n" {
		t.Errorf("streamed response: %d %s %q", status, header.Get("Content-Type"), body)
	}
}

// BenchmarkMiddleware serves one GET through an App without the check and
// with it, to show what checking costs.
//
//	go test ./framework/responsecheck -run '^$' -bench . -benchmem
func BenchmarkMiddleware(b *testing.B) {
	unchecked := framework.New(framework.Config{Title: "Gadgets", Version: "1.0.0", Logger: slog.New(slog.DiscardHandler)})
	framework.Get(unchecked, "/gadgets/{name}", func(ctx context.Context, in *struct {
		Name string `path:"name"`
	}) (*struct{ Body gadget }, error) {
		return &struct{ Body gadget }{gadget{Name: in.Name, Color: "red"}}, nil
	})
	cases := []struct {
		name    string
		handler http.Handler
	}{
		{"unchecked", unchecked},
		{"log", newGadgetApp(responsecheck.Log, io.Discard)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/gadgets/ok", nil)
			b.ReportAllocs()
			for b.Loop() {
				c.handler.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}

func TestMiddlewareSeesWhatNetHTTPWouldDrop(t *testing.T) {
	// net/http silently drops a body written after 204; the check sees the
	// handler write it and says so.
	var log lockedBuffer
	app := newGadgetApp(responsecheck.Log, &log)
	app.Router().Delete("/gadgets/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
		_, _ = io.WriteString(w, "deleted")
	})
	app.OpenAPI().AddOperation(&huma.Operation{
		OperationID: "delete-gadget", Method: http.MethodDelete, Path: "/gadgets/{name}",
		Parameters: []*huma.Param{{Name: "name", In: "path", Required: true, Schema: &huma.Schema{Type: "string"}}},
		Responses:  map[string]*huma.Response{"204": {Description: "No Content"}},
	})
	server := httptest.NewServer(app)
	defer server.Close()

	req, _ := http.NewRequest(http.MethodDelete, server.URL+"/gadgets/ok", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || len(body) != 0 {
		t.Errorf("DELETE: %d %q, want 204 and no body", resp.StatusCode, body)
	}
	records := log.records(t)
	if len(records) != 1 || records[0]["rule"] != "bodiless" ||
		records[0]["problem"] != "a 204 No Content response must not have a body (RFC 9110)" {
		t.Errorf("want one record of the body written after 204, got %v", records)
	}
}

func TestMiddlewareChecksHEAD(t *testing.T) {
	var log lockedBuffer
	server := httptest.NewServer(newGadgetApp(responsecheck.Reject, &log))
	defer server.Close()

	resp, err := http.Head(server.URL + "/gadgets/ok")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("HEAD: %d %s, want 200 application/json", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if records := log.records(t); len(records) != 0 {
		t.Errorf("HEAD has no body to check against the schema, yet: %v", records)
	}
}

func TestMiddlewareUnderConcurrentRequests(t *testing.T) {
	var log lockedBuffer
	server := httptest.NewServer(newGadgetApp(responsecheck.Log, &log))
	defer server.Close()

	const workers, each = 8, 10
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				name := "ok"
				if (w+i)%2 == 0 {
					name = "blue"
				}
				resp, err := http.Get(server.URL + "/gadgets/" + name)
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
			}
		})
	}
	wg.Wait()
	if got := len(log.records(t)); got != workers*each/2 {
		t.Errorf("%d violations logged, want %d (one per blue gadget)", got, workers*each/2)
	}
}
