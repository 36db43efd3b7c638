package wiretest_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/signet-go/signet/internal/wiretest"
)

func TestRoundTripSeesBytesAClientWouldHide(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Echo-Header", r.Header.Get("X-Test"))
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(http.StatusAccepted)
		// A handler cannot write past Content-Length through net/http, so
		// take over the connection to send what a broken server would.
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		_, _ = buf.WriteString(string(body))
		_ = buf.Flush()
	}))
	defer srv.Close()
	r := wiretest.RoundTrip(t, srv.Listener.Addr().String(), "POST", "/x", "extra", "X-Test: yes")
	if r.Status != http.StatusAccepted || r.StatusLine != "HTTP/1.1 202 Accepted" {
		t.Errorf("status %d, line %q", r.Status, r.StatusLine)
	}
	if r.Header.Get("X-Echo-Header") != "yes" {
		t.Errorf("the header did not reach the server: %v", r.Header)
	}
	if r.Body != "extra" {
		t.Errorf("body %q: the bytes after a Content-Length: 0 header must be seen", r.Body)
	}
}
