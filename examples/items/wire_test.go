package main

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/signet-go/signet/internal/wiretest"
)

// expectBodiless fails unless res has the given status (204 or 304), no
// content headers and not a byte after the header block.
func expectBodiless(t *testing.T, res wiretest.Response, status int) {
	t.Helper()
	if want := fmt.Sprintf("HTTP/1.1 %d %s", status, http.StatusText(status)); res.StatusLine != want {
		t.Errorf("status line %q, want %q", res.StatusLine, want)
	}
	for _, name := range []string{"Content-Type", "Content-Length", "Transfer-Encoding", "Content-Language", "Link"} {
		if v := res.Header.Get(name); v != "" {
			t.Errorf("a %d carries %s: %s", status, name, v)
		}
	}
	if res.Body != "" {
		t.Errorf("%d bytes follow the header of a %d: %q", len(res.Body), status, res.Body)
	}
}
