package framework

import "testing"

func TestIsContentHeader(t *testing.T) {
	for _, name := range []string{"Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Range", "Transfer-Encoding", "Link"} {
		if !isContentHeader(name) {
			t.Errorf("isContentHeader(%q) = false", name)
		}
	}
	for _, name := range []string{"Etag", "Last-Modified", "Cache-Control", "Expires", "Vary", "Content-Location", "Date", "X-Content-Type-Options", "Location"} {
		if isContentHeader(name) {
			t.Errorf("isContentHeader(%q) = true", name)
		}
	}
}
