package frameworktest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

type note struct {
	ID   int64  `json:"id"`
	Text string `json:"text" minLength:"1"`
}

type noteDraft struct {
	Text string `json:"text" minLength:"1" maxLength:"50"`
}

// newNotesApp is an API that keeps its documentation: every test that uses
// it expects no report at all.
func newNotesApp() *framework.App {
	var (
		mu    sync.Mutex
		notes = map[int64]note{}
		next  = int64(1)
	)
	app := newTestApp()
	framework.Post(app, "/notes", func(ctx context.Context, in *struct{ Body noteDraft }) (*struct {
		Location string `header:"Location"`
		Body     note
	}, error) {
		mu.Lock()
		defer mu.Unlock()
		n := note{ID: next, Text: in.Body.Text}
		notes[n.ID] = n
		next++
		return &struct {
			Location string `header:"Location"`
			Body     note
		}{Location: fmt.Sprintf("/notes/%d", n.ID), Body: n}, nil
	}, func(op *framework.Operation) { op.DefaultStatus = http.StatusCreated })
	framework.Get(app, "/notes/{id}", func(ctx context.Context, in *struct {
		ID int64 `path:"id" minimum:"1"`
	}) (*struct{ Body note }, error) {
		mu.Lock()
		defer mu.Unlock()
		n, ok := notes[in.ID]
		if !ok {
			return nil, huma.Error404NotFound(fmt.Sprintf("no note has the ID %d", in.ID))
		}
		return &struct{ Body note }{n}, nil
	}, func(op *framework.Operation) { op.Errors = []int{http.StatusNotFound} })
	framework.Delete(app, "/notes/{id}", func(ctx context.Context, in *struct {
		ID int64 `path:"id" minimum:"1"`
	}) (*struct{}, error) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := notes[in.ID]; !ok {
			return nil, huma.Error404NotFound(fmt.Sprintf("no note has the ID %d", in.ID))
		}
		delete(notes, in.ID)
		return nil, nil
	}, func(op *framework.Operation) { op.Errors = []int{http.StatusNotFound} })
	return app
}

func TestConformingResponsesAreReturnedUnchanged(t *testing.T) {
	r := newRecorder(t)
	c := frameworktest.New(r, newNotesApp())

	created := c.Post("/notes", map[string]any{"text": "buy milk"})
	expectStatus(t, created, http.StatusCreated)
	if got := created.Header.Get("Location"); got != "/notes/1" {
		t.Errorf("Location = %q, want /notes/1", got)
	}
	var n note
	decode(t, created, &n)
	if n != (note{ID: 1, Text: "buy milk"}) {
		t.Errorf("created %+v", n)
	}

	expectStatus(t, c.Get("/notes/1"), http.StatusOK)
	head := c.Head("/notes/1")
	expectStatus(t, head, http.StatusOK)
	if got := head.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("HEAD Content-Type = %q, want application/json", got)
	}
	expectStatus(t, c.Delete("/notes/1"), http.StatusNoContent)
	expectStatus(t, c.Get("/notes/1"), http.StatusNotFound)
	expectStatus(t, c.Head("/notes/1"), http.StatusNotFound)
	expectStatus(t, c.Get("/notes/zero"), http.StatusUnprocessableEntity)
	expectStatus(t, c.Post("/notes", `{"text": ""}`, "Content-Type: application/json"), http.StatusUnprocessableEntity)
	expectStatus(t, c.Post("/notes", "{", "Content-Type: application/json"), http.StatusBadRequest)
	expectStatus(t, c.Get("/nowhere"), http.StatusNotFound)
	// Not GET /notes/{id} (chi wants a non-empty {id}), but /notes has a
	// route: a redirect to it, as FastAPI's redirect_slashes does.
	if r := c.Get("/notes/"); r.StatusCode != http.StatusTemporaryRedirect || r.Header.Get("Location") != "/notes" {
		t.Errorf("GET /notes/: %d to %q, want 307 to /notes", r.StatusCode, r.Header.Get("Location"))
	}
	expectStatus(t, c.Put("/notes/1", nil), http.StatusMethodNotAllowed)
	expectStatus(t, c.Patch("/notes/1", map[string]string{}), http.StatusMethodNotAllowed)
	expectStatus(t, c.Get("/openapi.json"), http.StatusOK)

	req := httptest.NewRequest(http.MethodGet, "/notes/2", nil)
	req.Header.Set("Accept", "application/json")
	expectStatus(t, c.Do(req), http.StatusNotFound)

	expectReports(t, r)
}

func TestTheDocumentIsReadOnTheFirstRequest(t *testing.T) {
	app := newTestApp()
	r := newRecorder(t)
	c := frameworktest.New(r, app)
	// Registered after New: still in the document the client checks against.
	framework.Get(app, "/late", func(ctx context.Context, _ *struct{}) (*struct{ Body string }, error) {
		return nil, huma.Error409Conflict("late")
	}, func(op *framework.Operation) { op.Errors = []int{http.StatusNotFound} })
	c.Get("/late")
	reports := r.reported()
	if len(reports) != 1 || !strings.Contains(reports[0], "status 409 is not documented for GET /late") {
		t.Errorf("reports = %q, want one about the undocumented 409 of GET /late", reports)
	}
}

func TestURLServesTheApp(t *testing.T) {
	c := frameworktest.New(t, newNotesApp())
	resp, err := http.Get(c.URL() + "/notes/1")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET %s/notes/1: %d, want 404", c.URL(), resp.StatusCode)
	}
}

func expectStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		body, _ := io.ReadAll(resp.Body)
		t.Errorf("%s %s: status %d, want %d; body %s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, want, body)
	}
}

func decode(t *testing.T, resp *http.Response, v any) {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
}

func TestCheckAResponseReceivedElsewhere(t *testing.T) {
	r := newRecorder(t)
	c := frameworktest.New(r, newNotesApp())
	req := httptest.NewRequest(http.MethodGet, "/notes/1", nil)
	resp, err := http.Get(c.URL() + "/notes/1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	c.Check(req, resp.StatusCode, resp.Header, body) // a documented 404: nothing to report
	c.Check(req, http.StatusTeapot, http.Header{"Content-Type": {"text/plain"}}, []byte("short and stout"))
	expectReports(t, r, `frameworktest: GET /notes/1 answered 418 I'm a teapot: status 418 is not documented for GET /notes/{id}
    documented: 200 OK, 404 Not Found, 422 Unprocessable Entity, 500 Internal Server Error, 504 Gateway Timeout
    sent:       418 I'm a teapot`, `frameworktest: GET /notes/1 answered 418 I'm a teapot: the error is not problem details
    documented: application/problem+json (RFC 9457)
    sent:       15 bytes of text/plain: "short and stout"`)
}

func TestAnInvalidDocumentStopsTheTest(t *testing.T) {
	app := newTestApp()
	app.OpenAPI().AddOperation(&huma.Operation{
		OperationID: "broken", Method: http.MethodGet, Path: "/broken/{id}",
		Parameters: []*huma.Param{{Name: "id", In: "path", Required: true, Schema: &huma.Schema{Type: "integer"}}},
		Responses: map[string]*huma.Response{"200": {
			Description: "OK",
			Content:     map[string]*huma.MediaType{"application/json": {Schema: &huma.Schema{Type: "strng"}}}, // not a JSON Schema type
		}},
	})
	r := newRecorder(t)
	c := frameworktest.New(r, app)
	msg := catchFatal(func() { c.Get("/broken/1") })
	const want = "frameworktest: cannot check responses against the App's OpenAPI document: conformance: cannot use the OpenAPI document: "
	if !strings.HasPrefix(msg, want) {
		t.Errorf("Fatalf(%q), want it to start with %q", msg, want)
	}
}

func TestConcurrentUse(t *testing.T) {
	r := newRecorder(t)
	c := frameworktest.New(r, newNotesApp())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				created := c.Post("/notes", map[string]any{"text": "concurrent"})
				c.Get(created.Header.Get("Location"))
				c.Get("/notes/0") // 422: minimum 1
			}
		})
	}
	wg.Wait()
	expectReports(t, r)
}
