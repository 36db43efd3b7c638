package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"

	"github.com/signet-go/signet/internal/wiretest"
)

// clock is a deterministic now: each call is one minute after the last.
type clock struct {
	mu   sync.Mutex
	next time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.next
	c.next = c.next.Add(time.Minute)
	return t
}

// itemsClient sends requests to the items API on 127.0.0.1 through
// frameworktest, which checks every response against the API's document,
// and records which documented status of which operation each test drove.
type itemsClient struct {
	*frameworktest.Client
	t    *testing.T
	app  *framework.App
	addr string

	mu   sync.Mutex
	seen map[string]bool // "operationID status"
}

func newItemsClient(t *testing.T) *itemsClient {
	start := &clock{next: time.Date(2024, time.May, 1, 10, 0, 0, 0, time.UTC)}
	app := newApp(newStore(), start.now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	c := &itemsClient{Client: frameworktest.New(t, app), t: t, app: app, seen: map[string]bool{}}
	c.addr = strings.TrimPrefix(c.URL(), "http://")
	return c
}

// expect fails unless resp has status, records it for operation, and
// returns the body.
func (c *itemsClient) expect(operation string, resp *http.Response, status int) []byte {
	c.t.Helper()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		c.t.Fatalf("%s: got %s, want %d; body: %s", operation, resp.Status, status, body)
	}
	c.record(operation, status)
	return body
}

func (c *itemsClient) record(operation string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[fmt.Sprintf("%s %d", operation, status)] = true
}

// expectProblem fails unless resp is an RFC 9457 problem with status whose
// detail contains detail.
func (c *itemsClient) expectProblem(operation string, resp *http.Response, status int, detail string) {
	c.t.Helper()
	body := c.expect(operation, resp, status)
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		c.t.Errorf("%s %d: Content-Type %q, want application/problem+json", operation, status, ct)
	}
	var problem struct {
		Status int    `json:"status"`
		Detail string `json:"detail"`
	}
	if err := json.Unmarshal(body, &problem); err != nil {
		c.t.Fatalf("%s %d: not a problem: %v: %s", operation, status, err, body)
	}
	if problem.Status != status || !strings.Contains(problem.Detail, detail) {
		c.t.Errorf("%s %d: problem %+v, want status %d and a detail containing %q", operation, status, problem, status, detail)
	}
}

// tooLarge is a JSON body one byte over the default body limit, 1 MiB.
var tooLarge = `{"name":"` + strings.Repeat("x", 1<<20-len(`{"name":""}`)+1) + `"}`

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	return v
}

// TestItems drives every operation of the items API through every status
// its document lists, in the order a client would meet them, and ends by
// checking that no documented status was left out.
func TestItems(t *testing.T) {
	c := newItemsClient(t)

	// Create.
	resp := c.Post("/items", ItemDraft{Name: "Teapot", Price: 12.5, Tags: []string{"kitchen"}})
	teapot := decode[Item](t, c.expect("create-item", resp, http.StatusCreated))
	if teapot.ID != 1 || teapot.Name != "Teapot" || teapot.Price != 12.5 || !teapot.CreatedAt.Equal(time.Date(2024, time.May, 1, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("created %+v", teapot)
	}
	if got := resp.Header.Get("Location"); got != "/items/1" {
		t.Errorf("Location = %q, want /items/1", got)
	}
	if got := resp.Header.Get("ETag"); got != `"1"` {
		t.Errorf("ETag of the new item = %q, want \"1\"", got)
	}
	if got := resp.Header.Get("Last-Modified"); got != "Wed, 01 May 2024 10:00:00 GMT" {
		t.Errorf("Last-Modified of the new item = %q", got)
	}
	c.expectProblem("create-item", c.Post("/items", ItemDraft{Name: "TEAPOT", Price: 3}), http.StatusConflict, `an item named "TEAPOT" already exists`)
	c.expectProblem("create-item", c.Post("/items", ItemDraft{Name: "", Price: -1}), http.StatusUnprocessableEntity, "validation failed")
	c.expectProblem("create-item", c.Post("/items", `{"name": "Kettle",`, "Content-Type: application/json"), http.StatusBadRequest, "")
	c.expectProblem("create-item", c.Post("/items", "name=Kettle", "Content-Type: application/x-www-form-urlencoded"), http.StatusUnsupportedMediaType, "send one of: application/json")
	c.expectProblem("create-item", c.Post("/items", tooLarge, "Content-Type: application/json"), http.StatusRequestEntityTooLarge, "larger than 1048576 bytes")

	// Read, revalidate, HEAD.
	resp = c.Get("/items/1")
	got := decode[Item](t, c.expect("get-item", resp, http.StatusOK))
	if got.ID != 1 || got.Name != "Teapot" {
		t.Errorf("read %+v", got)
	}
	etag := resp.Header.Get("ETag")
	lastModified := resp.Header.Get("Last-Modified")
	if etag != `"1"` || lastModified != "Wed, 01 May 2024 10:00:00 GMT" || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("200 headers: ETag %q, Last-Modified %q, Cache-Control %q", etag, lastModified, resp.Header.Get("Cache-Control"))
	}
	resp = c.Get("/items/1", "If-None-Match: "+etag)
	c.expect("get-item", resp, http.StatusNotModified)
	for _, cond := range []string{"If-None-Match: " + etag, "If-Modified-Since: " + lastModified} {
		for _, method := range []string{"GET", "HEAD"} {
			res := wiretest.RoundTrip(t, c.addr, method, "/items/1", "", cond)
			expectBodiless(t, res, http.StatusNotModified)
			if res.Header.Get("ETag") != etag || res.Header.Get("Last-Modified") != lastModified || res.Header.Get("Cache-Control") != "no-cache" {
				t.Errorf("%s with %s: the 304 lacks the 200's validators: %v", method, cond, res.Header)
			}
		}
	}
	head := wiretest.RoundTrip(t, c.addr, "HEAD", "/items/1", "")
	full := wiretest.RoundTrip(t, c.addr, "GET", "/items/1", "")
	if head.StatusLine != "HTTP/1.1 200 OK" || head.Body != "" {
		t.Errorf("HEAD: %q with %d bytes after the header", head.StatusLine, len(head.Body))
	}
	for _, name := range []string{"Etag", "Last-Modified", "Cache-Control", "Content-Type"} {
		if head.Header.Get(name) != full.Header.Get(name) {
			t.Errorf("HEAD %s = %q, GET sends %q", name, head.Header.Get(name), full.Header.Get(name))
		}
	}
	c.expectProblem("get-item", c.Get("/items/1", `If-Match: "0"`), http.StatusPreconditionFailed, "item 1 has changed")
	c.expectProblem("get-item", c.Get("/items/99"), http.StatusNotFound, "no item has the ID 99")
	c.expectProblem("get-item", c.Get("/items/0"), http.StatusUnprocessableEntity, "validation failed")

	// Replace.
	kettle := ItemDraft{Name: "Kettle", Price: 30}
	c.expectProblem("replace-item", c.Put("/items/1", kettle), http.StatusPreconditionRequired, "requires If-Match")
	c.expectProblem("replace-item", c.Put("/items/1", kettle, `If-Match: "0"`), http.StatusPreconditionFailed, "item 1 has changed")
	c.expectProblem("replace-item", c.Put("/items/99", kettle, "If-Match: "+etag), http.StatusNotFound, "no item has the ID 99")
	c.expectProblem("replace-item", c.Put("/items/1", ItemDraft{Name: "Kettle", Price: 30, Tags: slices.Repeat([]string{"x"}, 11)}, "If-Match: "+etag), http.StatusUnprocessableEntity, "validation failed")
	c.expectProblem("replace-item", c.Put("/items/1", "{", "Content-Type: application/json", "If-Match: "+etag), http.StatusBadRequest, "")
	c.expectProblem("replace-item", c.Put("/items/1", "<item/>", "Content-Type: application/xml", "If-Match: "+etag), http.StatusUnsupportedMediaType, "send one of: application/json")
	c.expectProblem("replace-item", c.Put("/items/1", tooLarge, "Content-Type: application/json", "If-Match: "+etag), http.StatusRequestEntityTooLarge, "larger than 1048576 bytes")
	resp = c.Put("/items/1", kettle, "If-Match: "+etag)
	replaced := decode[Item](t, c.expect("replace-item", resp, http.StatusOK))
	if replaced.Name != "Kettle" || replaced.Price != 30 || !replaced.CreatedAt.Equal(teapot.CreatedAt) || !replaced.UpdatedAt.After(teapot.UpdatedAt) {
		t.Errorf("replaced: %+v (was %+v)", replaced, teapot)
	}
	newTag := resp.Header.Get("ETag")
	if newTag == etag || newTag == "" {
		t.Errorf("the ETag did not change on replace: %q", newTag)
	}
	c.expectProblem("replace-item", c.Put("/items/1", kettle, "If-Match: "+etag), http.StatusPreconditionFailed, "item 1 has changed")
	c.expect("get-item", c.Get("/items/1", "If-None-Match: "+etag), http.StatusOK) // the old tag no longer matches
	c.expect("create-item", c.Post("/items", ItemDraft{Name: "Teapot", Price: 12.5}), http.StatusCreated)
	c.expectProblem("replace-item", c.Put("/items/1", ItemDraft{Name: "teapot", Price: 1}, "If-Match: "+newTag), http.StatusConflict, `an item named "teapot" already exists`)

	// Delete.
	c.expectProblem("delete-item", c.Delete("/items/1", "If-Match: "+etag), http.StatusPreconditionFailed, "item 1 has changed")
	c.expect("delete-item", c.Delete("/items/1", "If-Match: "+newTag), http.StatusNoContent)
	expectBodiless(t, wiretest.RoundTrip(t, c.addr, "DELETE", "/items/2", ""), http.StatusNoContent)
	c.record("delete-item", http.StatusNoContent)
	c.expectProblem("delete-item", c.Delete("/items/1"), http.StatusNotFound, "no item has the ID 1")
	c.expectProblem("delete-item", c.Delete("/items/-1"), http.StatusUnprocessableEntity, "validation failed")
	c.expectProblem("get-item", c.Get("/items/1"), http.StatusNotFound, "no item has the ID 1")

	// List.
	for i := range 5 {
		c.expect("create-item", c.Post("/items", ItemDraft{Name: fmt.Sprintf("Cup %d", i), Price: 4}), http.StatusCreated)
	}
	var names []string
	pages := 0
	for next := "/items?limit=2"; next != ""; pages++ {
		page := decode[ItemPage](t, c.expect("list-items", c.Get(next), http.StatusOK))
		if len(page.Items) > 2 || len(page.Items) == 0 {
			t.Fatalf("GET %s: %d items, want 1 or 2", next, len(page.Items))
		}
		for _, item := range page.Items {
			names = append(names, item.Name)
		}
		next = page.Next
	}
	if want := []string{"Cup 0", "Cup 1", "Cup 2", "Cup 3", "Cup 4"}; pages != 3 || !slices.Equal(names, want) {
		t.Errorf("paged through %d pages: %v, want 3 pages: %v", pages, names, want)
	}
	last := decode[ItemPage](t, c.expect("list-items", c.Get("/items?after=7"), http.StatusOK))
	if len(last.Items) != 0 || last.Next != "" {
		t.Errorf("after the last ID: %+v, want no items and no next", last)
	}
	for _, bad := range []string{"/items?limit=0", "/items?limit=101", "/items?after=-1"} {
		c.expectProblem("list-items", c.Get(bad), http.StatusUnprocessableEntity, "validation failed")
	}

	// Every documented status was driven, but 500 and 504: no handler of
	// this API fails or waits on a deadline (examples/statuscodes shows a
	// 500 from a failing handler); and 408, which takes a client that stalls
	// for the operation's body read timeout, 5 seconds (framework's tests
	// drive it).
	var documented []string
	for _, path := range c.app.OpenAPI().Paths {
		for _, op := range []*huma.Operation{path.Get, path.Head, path.Post, path.Put, path.Patch, path.Delete} {
			if op == nil {
				continue
			}
			for status := range op.Responses {
				if status != "500" && status != "504" && status != "408" {
					documented = append(documented, op.OperationID+" "+status)
				}
			}
		}
	}
	slices.Sort(documented)
	driven := slices.Sorted(maps.Keys(c.seen))
	if !slices.Equal(documented, driven) {
		t.Errorf("documented statuses and statuses driven differ:\ndocumented: %v\ndriven:     %v", documented, driven)
	}
}
