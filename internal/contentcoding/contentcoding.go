// Package contentcoding serves content in the gzip encoding to clients that
// accept it: whether a request does (RFC 9110 section 12.5.3), the Vary
// field that says the answer depends on it, the encoding itself, and
// http.ServeContent made right for encoded content. The docs UI's files and
// the OpenAPI documents use it; both keep their gzip encoding ready, so no
// compression happens per request.
package contentcoding

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// AcceptsGzip reports whether the Accept-Encoding field values accept gzip:
// "gzip" (or "x-gzip") with a weight above zero, or else "*" with a weight
// above zero. No field at all accepts only the identity coding, as far as a
// server that cannot know better should assume.
func AcceptsGzip(fields []string) bool {
	accepted := false
	for _, field := range fields {
		for member := range strings.SplitSeq(field, ",") {
			coding, params, _ := strings.Cut(member, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding != "gzip" && coding != "x-gzip" && coding != "*" {
				continue
			}
			zero := isZeroWeight(params)
			if coding == "*" {
				if !zero {
					accepted = true
				}
				continue
			}
			return !zero // an explicit gzip entry decides
		}
	}
	return accepted
}

// isZeroWeight reports whether parameters such as " q=0.000" give weight 0.
func isZeroWeight(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(name), "q") {
			value = strings.TrimSpace(value)
			return strings.Trim(value, "0.") == "" && value != ""
		}
	}
	return false
}

// AddVary adds Accept-Encoding to the Vary field of h, unless it already
// names it or "*" (RFC 9110 section 12.5.5). The values a middleware set
// are not appended to in place: their slice may be shared between
// responses.
func AddVary(h http.Header) {
	vary := h["Vary"]
	for _, value := range vary {
		for name := range strings.SplitSeq(value, ",") {
			if name = strings.TrimSpace(name); name == "*" || strings.EqualFold(name, "Accept-Encoding") {
				return
			}
		}
	}
	h["Vary"] = append(vary[:len(vary):len(vary)], "Accept-Encoding")
}

// ServeContent is http.ServeContent (conditional requests, ranges, HEAD)
// for content whose headers, Content-Encoding included, the caller set.
// It adds what http.ServeContent leaves out or gets wrong when
// Content-Encoding is set: the Content-Length of a 200, and, for the 412
// it writes without a body but with the headers as set, preconditionFailed,
// which writes the answer instead (nil: the 412 goes out without the
// headers that describe a body).
func ServeContent(w http.ResponseWriter, r *http.Request, content io.ReadSeeker, preconditionFailed func(http.ResponseWriter, *http.Request)) {
	h := w.Header()
	if h.Get("Content-Encoding") != "" {
		if size, err := content.Seek(0, io.SeekEnd); err == nil {
			if _, err := content.Seek(0, io.SeekStart); err == nil {
				h.Set("Content-Length", strconv.FormatInt(size, 10)) // ranges and 304 replace or drop it
			}
		}
	}
	http.ServeContent(&preconditionWriter{ResponseWriter: w, r: r, failed: preconditionFailed}, r, "", time.Time{}, content)
}

// preconditionWriter hands the 412 http.ServeContent writes to failed.
type preconditionWriter struct {
	http.ResponseWriter
	r       *http.Request
	failed  func(http.ResponseWriter, *http.Request)
	written bool // failed wrote the answer: ServeContent's writes go nowhere
}

func (w *preconditionWriter) WriteHeader(code int) {
	if code != http.StatusPreconditionFailed {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.written = true
	if w.failed != nil {
		w.failed(w.ResponseWriter, w.r)
		return
	}
	h := w.Header()
	for _, name := range []string{"Content-Encoding", "Content-Length", "Content-Type"} {
		delete(h, name)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *preconditionWriter) Write(p []byte) (int, error) {
	if w.written {
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

// Gzip returns body gzip-encoded, or nil when that is not smaller.
func Gzip(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a valid level
	_, _ = zw.Write(body)                                    // a bytes.Buffer does not fail
	_ = zw.Close()
	if buf.Len() >= len(body) {
		return nil
	}
	return buf.Bytes()
}
