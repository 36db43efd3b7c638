package exporttest

import (
	"github.com/signet-go/signet/internal/testkit"
	"net/http"
	"testing"
)

// startExample runs `NAME serve` on a free port of 127.0.0.1 until the test
// ends and returns its base URL.
func startExample(t *testing.T, name string) string {
	t.Helper()
	return testkit.Serve(t, binary(t, name))
}

// statusRecorder is an http.RoundTripper that remembers the status and
// Content-Type of the last response, for asserting what the generated
// clients saw on the wire.
type statusRecorder struct {
	status      int
	contentType string
}

func (r *statusRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		r.status, r.contentType = resp.StatusCode, resp.Header.Get("Content-Type")
	}
	return resp, err
}

func (r *statusRecorder) expect(t *testing.T, step string, status int, contentType string) {
	t.Helper()
	if r.status != status || r.contentType != contentType {
		t.Errorf("%s: %d %q on the wire, want %d %q", step, r.status, r.contentType, status, contentType)
	}
}
