package framework

import "net/textproto"

// canonicalHeaderKey returns textproto.CanonicalMIMEHeaderKey(name), the
// key net/http stores a header under. The names Huma and Signet use on
// every request are answered without scanning them: Huma looks up a
// header parameter, the Accept and Content-Type headers and sets output
// headers through the context several times per request, and the scan
// was a few percent of a GET.
func canonicalHeaderKey(name string) string {
	switch name {
	case "Accept", "Content-Type", "Content-Length", "Location", "Link", "Etag",
		"Last-Modified", "Cache-Control", "Vary",
		"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since":
		return name
	case "ETag":
		return "Etag"
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}
