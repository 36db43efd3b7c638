package framework

import (
	"net/textproto"
	"testing"
)

func TestCanonicalHeaderKey(t *testing.T) {
	for _, name := range []string{
		// The names answered without a scan.
		"Accept", "Content-Type", "Content-Length", "Location", "Link", "Etag", "ETag",
		"Last-Modified", "Cache-Control", "Vary",
		"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since",
		// Others, canonical or not, valid or not.
		"accept", "content-type", "ETAG", "etag", "if-none-match", "X-Request-Id",
		"x-request-id", "WWW-Authenticate", "", "with space", "Ünicode", "a_b",
	} {
		if got, want := canonicalHeaderKey(name), textproto.CanonicalMIMEHeaderKey(name); got != want {
			t.Errorf("canonicalHeaderKey(%q) = %q, want %q as textproto.CanonicalMIMEHeaderKey", name, got, want)
		}
	}
}

func BenchmarkCanonicalHeaderKey(b *testing.B) {
	names := []string{"Accept", "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "ETag", "Content-Type"}
	b.Run("switch", func(b *testing.B) {
		for b.Loop() {
			for _, n := range names {
				_ = canonicalHeaderKey(n)
			}
		}
	})
	b.Run("textproto", func(b *testing.B) {
		for b.Loop() {
			for _, n := range names {
				_ = textproto.CanonicalMIMEHeaderKey(n)
			}
		}
	})
}
