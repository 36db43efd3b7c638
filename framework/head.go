package framework

import (
	"net/http"
	"strconv"
)

// headBody measures the body a response to HEAD would have had as a
// response to GET, and discards it, so that the HEAD response carries GET's
// Content-Length and Content-Type (RFC 9110 section 9.3.2) and no body, in
// the process as on the wire: net/http drops a HEAD body on the wire, but a
// middleware or an httptest.ResponseRecorder would still see it.
type headBody struct {
	n     int
	sniff []byte // the first bytes, for a Content-Type net/http would have sniffed
}

func (h *headBody) Write(p []byte) (int, error) {
	if room := sniffLen - len(h.sniff); room > 0 {
		h.sniff = append(h.sniff, p[:min(room, len(p))]...)
	}
	h.n += len(p)
	return len(p), nil
}

// sniffLen is how much of a body http.DetectContentType reads.
const sniffLen = 512

// describe sets the headers that describe the measured body, as net/http
// would have set them for GET, where the handler has not.
func (h *headBody) describe(header http.Header) {
	if h.n == 0 {
		return
	}
	if _, ok := header["Content-Length"]; !ok && header.Get("Transfer-Encoding") == "" {
		header["Content-Length"] = []string{strconv.Itoa(h.n)}
	}
	if _, ok := header["Content-Type"]; !ok {
		header["Content-Type"] = []string{http.DetectContentType(h.sniff)}
	}
}
