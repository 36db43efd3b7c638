package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework/frameworktest"

	"github.com/signet-go/signet/internal/testkit"
	"github.com/signet-go/signet/internal/wiretest"
)

// TestEveryStatusOfTheGuide starts the API on 127.0.0.1 and drives each
// status the guide names, through frameworktest (which checks every
// response against the document), asserting status, headers and body or its
// absence. It ends by checking that every documented status was driven.
func TestEveryStatusOfTheGuide(t *testing.T) {
	logs := &testkit.Buffer{}
	app := newApp(newNotes(), noTranslator{}, slog.New(slog.NewTextHandler(logs, nil)))
	c := frameworktest.New(t, app)
	addr := strings.TrimPrefix(c.URL(), "http://")
	seen := map[string]bool{}
	expect := func(operation string, resp *http.Response, status int, contentType string) []byte {
		t.Helper()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != status {
			t.Fatalf("%s: got %s, want %d; body: %s", operation, resp.Status, status, body)
		}
		if got := resp.Header.Get("Content-Type"); got != contentType {
			t.Errorf("%s %d: Content-Type %q, want %q", operation, status, got, contentType)
		}
		seen[fmt.Sprintf("%s %d", operation, status)] = true
		return body
	}
	problem := func(operation string, resp *http.Response, status int, detail string) {
		t.Helper()
		var p huma.ErrorModel
		if err := json.Unmarshal(expect(operation, resp, status, "application/problem+json"), &p); err != nil {
			t.Fatalf("%s %d: not a problem: %v", operation, status, err)
		}
		if p.Status != status || p.Title != http.StatusText(status) || !strings.Contains(p.Detail, detail) {
			t.Errorf("%s %d: problem %+v, want a detail containing %q", operation, status, p, detail)
		}
	}

	// 201 Created, from the API's own Status type.
	resp := c.Post("/notes", NoteDraft{Text: "Buy milk"})
	note := decode[Note](t, expect("create-note", resp, http.StatusCreated, "application/json"))
	if note.ID != 1 || note.Text != "Buy milk" || resp.Header.Get("Location") != "/notes/1" {
		t.Errorf("created %+v at %q", note, resp.Header.Get("Location"))
	}
	c.Post("/notes", NoteDraft{Text: "Walk the dog"})
	problem("create-note", c.Post("/notes", "{", "Content-Type: application/json"), http.StatusBadRequest, "")
	problem("create-note", c.Post("/notes", NoteDraft{Text: ""}), http.StatusUnprocessableEntity, "validation failed")
	problem("create-note", c.Post("/notes", "text=hi", "Content-Type: text/plain"), http.StatusUnsupportedMediaType, "send one of: application/json")
	tooLarge := `{"text":"` + strings.Repeat("x", 1<<20) + `"}`
	problem("create-note", c.Post("/notes", tooLarge, "Content-Type: application/json"), http.StatusRequestEntityTooLarge, "larger than 1048576 bytes")

	// 200 OK by default.
	list := decode[[]Note](t, expect("list-notes", c.Get("/notes"), http.StatusOK, "application/json"))
	if len(list) != 2 || list[0].Text != "Buy milk" || list[1].Text != "Walk the dog" {
		t.Errorf("listed %+v", list)
	}

	// 200 with an ETag, then 304 Not Modified, then 404 Not Found.
	resp = c.Get("/notes/1")
	if got := decode[Note](t, expect("get-note", resp, http.StatusOK, "application/json")); got.Text != "Buy milk" {
		t.Errorf("read %+v", got)
	}
	etag := resp.Header.Get("ETag")
	if etag != `"1"` {
		t.Errorf("ETag %q, want \"1\"", etag)
	}
	expect("get-note", c.Get("/notes/1", "If-None-Match: "+etag), http.StatusNotModified, "")
	notModified := wiretest.RoundTrip(t, addr, "GET", "/notes/1", "", "If-None-Match: "+etag)
	if notModified.StatusLine != "HTTP/1.1 304 Not Modified" || notModified.Body != "" ||
		notModified.Header.Get("ETag") != etag || notModified.Header.Get("Content-Type") != "" {
		t.Errorf("304 on the wire: %q %v, %d bytes after the header", notModified.StatusLine, notModified.Header, len(notModified.Body))
	}
	problem("get-note", c.Get("/notes/1", `If-Match: "0"`), http.StatusPreconditionFailed, "does not match")
	problem("get-note", c.Get("/notes/99"), http.StatusNotFound, "no note has the ID 99")
	problem("get-note", c.Get("/notes/0"), http.StatusUnprocessableEntity, "validation failed")

	// 400 Bad Request, the generic client error; 422 for an invalid parameter.
	excerpt := decode[struct{ Text string }](t, expect("get-note-excerpt", c.Get("/notes/1/excerpt?start=4&end=8"), http.StatusOK, "application/json"))
	if excerpt.Text != "milk" {
		t.Errorf("excerpt %q, want \"milk\"", excerpt.Text)
	}
	problem("get-note-excerpt", c.Get("/notes/1/excerpt?start=5&end=2"), http.StatusBadRequest, "start (5) is after end (2)")
	problem("get-note-excerpt", c.Get("/notes/99/excerpt?start=0&end=1"), http.StatusNotFound, "no note has the ID 99")
	problem("get-note-excerpt", c.Get("/notes/1/excerpt?start=-1&end=1"), http.StatusUnprocessableEntity, "validation failed")

	// 500 from a failing handler: the client learns nothing of the cause,
	// the log has it.
	resp = c.Get("/notes/1/translation?language=fr")
	body := string(expect("translate-note", resp, http.StatusInternalServerError, "application/problem+json"))
	if strings.Contains(body, "translate.internal") || strings.Contains(body, "refused") {
		t.Errorf("the 500 leaks the handler's error: %s", body)
	}
	if !strings.Contains(logs.String(), "translate note 1 into fr: translation service at translate.internal:443 is unreachable") {
		t.Errorf("the handler's error is not in the log:\n%s", logs)
	}
	problem("translate-note", c.Get("/notes/99/translation?language=fr"), http.StatusNotFound, "no note has the ID 99")
	problem("translate-note", c.Get("/notes/1/translation?language=French"), http.StatusUnprocessableEntity, "validation failed")

	// 202 Accepted, from the API's own Status type.
	resp = c.Post("/notes/2/publication", nil)
	if got := decode[Note](t, expect("publish-note", resp, int(StatusAccepted), "application/json")); got.Publication != "pending" {
		t.Errorf("publication: %+v", got)
	}
	problem("publish-note", c.Post("/notes/99/publication", nil), http.StatusNotFound, "no note has the ID 99")
	problem("publish-note", c.Post("/notes/0/publication", nil), http.StatusUnprocessableEntity, "validation failed")

	// 204 No Content, then 404 for what is gone.
	expect("delete-note", c.Delete("/notes/2"), http.StatusNoContent, "")
	deleted := wiretest.RoundTrip(t, addr, "DELETE", "/notes/1", "")
	if deleted.StatusLine != "HTTP/1.1 204 No Content" || deleted.Body != "" || deleted.Header.Get("Content-Type") != "" {
		t.Errorf("204 on the wire: %q %v, %d bytes after the header", deleted.StatusLine, deleted.Header, len(deleted.Body))
	}
	problem("delete-note", c.Delete("/notes/1"), http.StatusNotFound, "no note has the ID 1")
	problem("delete-note", c.Delete("/notes/0"), http.StatusUnprocessableEntity, "validation failed")

	// 200 from translate-note needs a translation service that works: this
	// one stands in for it, in an App of its own.
	working := frameworktest.New(t, newApp(newNotes(), bracketTranslator{}, slog.New(slog.NewTextHandler(io.Discard, nil))))
	working.Post("/notes", NoteDraft{Text: "Buy milk"})
	translated := decode[struct{ Text string }](t, expect("translate-note", working.Get("/notes/1/translation?language=fr"), http.StatusOK, "application/json"))
	if translated.Text != "[fr] Buy milk" {
		t.Errorf("translated %q", translated.Text)
	}

	// Every documented status was driven, but "default", the 500 of
	// operations whose handlers cannot fail, 504 (no handler waits on a
	// deadline), and 408, which takes a client that stalls for the body read
	// timeout, 5 seconds (framework's tests drive it).
	var documented []string
	for _, path := range app.OpenAPI().Paths {
		for _, op := range []*huma.Operation{path.Get, path.Post, path.Delete} {
			if op == nil {
				continue
			}
			for status := range op.Responses {
				if status != "default" && status != "408" && status != "504" && (status != "500" || op.OperationID == "translate-note") {
					documented = append(documented, op.OperationID+" "+status)
				}
			}
		}
	}
	slices.Sort(documented)
	if driven := slices.Sorted(maps.Keys(seen)); !slices.Equal(documented, driven) {
		t.Errorf("documented statuses and statuses driven differ:\ndocumented: %v\ndriven:     %v", documented, driven)
	}
}

// bracketTranslator stands in for a translation service that works.
type bracketTranslator struct{}

func (bracketTranslator) translate(_ context.Context, text, language string) (string, error) {
	return "[" + language + "] " + text, nil
}

func TestStatusString(t *testing.T) {
	if got := StatusAccepted.String(); got != "202 Accepted" {
		t.Errorf("StatusAccepted.String() = %q", got)
	}
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	return v
}
