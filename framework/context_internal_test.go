package framework

import "testing"

func TestIsContentHeaderAgreesWithContentHeaders(t *testing.T) {
	for _, name := range contentHeaders {
		if !isContentHeader(name) {
			t.Errorf("isContentHeader(%q) = false", name)
		}
	}
	for _, name := range []string{"Etag", "Last-Modified", "Cache-Control", "Vary", "Content-Location", "Date", "X-Content-Type-Options"} {
		if isContentHeader(name) {
			t.Errorf("isContentHeader(%q) = true", name)
		}
	}
}
