// End-to-end tests through Signet's public API: an API written the way a
// user would write it (internal/notes), served on 127.0.0.1 and driven
// through frameworktest, so every response is also checked against the
// document. The checks module has validators Signet did not write check
// the same API's documents.
package signet_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/signet-go/signet/framework/frameworktest"
	"github.com/signet-go/signet/internal/notes"
)

type exchange struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, c *frameworktest.Client, method, path, body string, header ...string) exchange {
	t.Helper()
	req, err := http.NewRequest(method, path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp := c.Do(req)
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return exchange{resp.StatusCode, resp.Header, string(b)}
}

func TestNotesLifecycle(t *testing.T) {
	c := frameworktest.New(t, notes.New())

	created := do(t, c, "POST", "/notes", `{"text":"buy milk"}`)
	if created.status != http.StatusCreated || created.header.Get("Location") != "/notes/1" {
		t.Fatalf("create: %d, Location %q, body %s", created.status, created.header.Get("Location"), created.body)
	}
	var note notes.Note
	if err := json.Unmarshal([]byte(created.body), &note); err != nil || note != (notes.Note{ID: 1, Text: "buy milk"}) {
		t.Fatalf("create body %s: %v", created.body, err)
	}

	read := do(t, c, "GET", "/notes/1", "")
	if read.status != http.StatusOK || read.header.Get("ETag") == "" || !strings.Contains(read.body, "buy milk") {
		t.Fatalf("read: %d %v %s", read.status, read.header, read.body)
	}
	head := do(t, c, "HEAD", "/notes/1", "")
	if head.status != http.StatusOK || head.body != "" || head.header.Get("ETag") != read.header.Get("ETag") ||
		head.header.Get("Content-Length") != read.header.Get("Content-Length") {
		t.Errorf("HEAD: %d %v %q; GET sent %v", head.status, head.header, head.body, read.header)
	}
	notModified := do(t, c, "GET", "/notes/1", "", "If-None-Match", read.header.Get("ETag"))
	if notModified.status != http.StatusNotModified || notModified.body != "" ||
		notModified.header.Get("ETag") != read.header.Get("ETag") || notModified.header.Get("Content-Type") != "" {
		t.Errorf("conditional read: %d %v %q", notModified.status, notModified.header, notModified.body)
	}

	for _, tt := range []struct {
		name, method, path, body string
		status                   int
		contains                 string
	}{
		{"invalid", "POST", "/notes", `{"text":""}`, http.StatusUnprocessableEntity, `"location":"body.text"`},
		{"malformed", "POST", "/notes", `{"text":`, http.StatusBadRequest, `"status":400`},
		{"bad id", "GET", "/notes/0", "", http.StatusUnprocessableEntity, `"location":"path.id"`},
		{"failing handler", "GET", "/notes/export", "", http.StatusInternalServerError, `"title":"Internal Server Error"`},
		{"delete", "DELETE", "/notes/1", "", http.StatusNoContent, ""},
		{"gone", "GET", "/notes/1", "", http.StatusNotFound, `"detail":"no such note"`},
		{"delete again", "DELETE", "/notes/1", "", http.StatusNotFound, `"status":404`},
	} {
		got := do(t, c, tt.method, tt.path, tt.body)
		if got.status != tt.status || !strings.Contains(got.body, tt.contains) {
			t.Errorf("%s: %d %s, want %d containing %s", tt.name, got.status, got.body, tt.status, tt.contains)
		}
		if tt.status >= 400 && got.header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: Content-Type %q, want application/problem+json", tt.name, got.header.Get("Content-Type"))
		}
		if tt.status == http.StatusNoContent && (got.body != "" || got.header.Get("Content-Type") != "") {
			t.Errorf("%s: a 204 with content: %v %q", tt.name, got.header, got.body)
		}
		if strings.Contains(got.body, "s3://") {
			t.Errorf("%s: the response leaks the handler's error: %s", tt.name, got.body)
		}
	}
}
