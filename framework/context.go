package framework

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/queryparam"
	"github.com/go-chi/chi/v5"
)

// multipartMaxMemory is how much of a multipart form is kept in memory; the
// rest goes to temporary files (as in net/http's ParseMultipartForm).
const multipartMaxMemory = 8 << 10

// requestContext is the huma.Context of one request. It is the one place
// where the status of a response is decided on the wire, because every
// response Huma writes passes through SetStatus and BodyWriter:
//   - a status of 0 means the operation's DefaultStatus;
//   - a status outside 200-599 becomes a logged 500;
//   - a bodiless status (204, 205, 304) sends no content headers and no body;
//   - a response to HEAD sends its headers and no body.
//
// What a middleware or an httptest.ResponseRecorder sees is what the client
// gets: net/http would drop a body on the wire, but not before them.
type requestContext struct {
	op     *huma.Operation
	r      *http.Request
	w      http.ResponseWriter
	logger *slog.Logger
	// mediaType is the documented media type the input policy matched the
	// request's Content-Type to, which Huma reads to choose a decoder.
	mediaType string
	// bodyRead says the input policy has read the whole request body into
	// memory: no read deadline has anything left to bound.
	bodyRead bool

	// problemStatus is the status of the problem Signet's transformer
	// decided on (a 504 for a handler's error after the request's
	// deadline), which the status Huma passes to SetStatus yields to, so
	// that the status line and the problem agree.
	problemStatus int
	status        int       // the status sent (200-599), 0 until then
	bodyless      bool      // the status allows no body: body writes are discarded
	head          *headBody // the body a GET would have had, measured for HEAD

	headerValues     [3]string // values of the first headers set (SetHeader)
	headerValuesUsed int
}

var _ huma.Context = (*requestContext)(nil)

func (c *requestContext) Operation() *huma.Operation { return c.op }
func (c *requestContext) Context() context.Context   { return c.r.Context() }
func (c *requestContext) TLS() *tls.ConnectionState  { return c.r.TLS }
func (c *requestContext) Method() string             { return c.r.Method }
func (c *requestContext) Host() string               { return c.r.Host }
func (c *requestContext) RemoteAddr() string         { return c.r.RemoteAddr }
func (c *requestContext) URL() url.URL               { return *c.r.URL }
func (c *requestContext) BodyReader() io.Reader      { return c.r.Body }
func (c *requestContext) Status() int                { return c.status }

func (c *requestContext) Version() huma.ProtoVersion {
	return huma.ProtoVersion{Proto: c.r.Proto, ProtoMajor: c.r.ProtoMajor, ProtoMinor: c.r.ProtoMinor}
}

// Param returns a path parameter, percent-decoded when the request path
// was escaped.
func (c *requestContext) Param(name string) string {
	v := chi.URLParam(c.r, name)
	if c.r.URL.RawPath == "" {
		return v
	}
	if u, err := url.PathUnescape(v); err == nil {
		return u
	}
	return v
}

// Header returns the first line of a request header, as http.Header.Get;
// for Content-Type, the documented media type the input policy matched.
func (c *requestContext) Header(name string) string {
	if c.mediaType != "" && (name == "Content-Type" || canonicalHeaderKey(name) == "Content-Type") {
		return c.mediaType
	}
	if v := c.r.Header[canonicalHeaderKey(name)]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (c *requestContext) Query(name string) string {
	return queryparam.Get(c.r.URL.RawQuery, name)
}

func (c *requestContext) EachHeader(cb func(name, value string)) {
	for name, values := range c.r.Header {
		for _, value := range values {
			cb(name, value)
		}
	}
}

func (c *requestContext) GetMultipartForm() (*multipart.Form, error) {
	err := c.r.ParseMultipartForm(multipartMaxMemory)
	return c.r.MultipartForm, err
}

// SetReadDeadline bounds reading the request body, as Huma asks before it
// reads one. When the input policy has already read the body (under the
// operation's BodyReadTimeout), there is nothing left to read and the
// connection is left alone: setting a deadline takes a lock in the
// network poller for nothing.
func (c *requestContext) SetReadDeadline(deadline time.Time) error {
	if c.bodyRead {
		return nil
	}
	return huma.SetReadDeadline(c.w, deadline)
}

// SetHeader and AppendHeader are http.Header's Set and Add.
//
// The values of the first few headers set live in the context's own array,
// allocated with it, rather than in a slice each: a response sets about
// three (Content-Type, and an ETag or a Location). Each is capped at its
// own element, so that appending to one cannot reach another.
func (c *requestContext) SetHeader(name, value string) {
	var values []string
	if i := c.headerValuesUsed; i < len(c.headerValues) {
		c.headerValues[i] = value
		values = c.headerValues[i : i+1 : i+1]
		c.headerValuesUsed++
	} else {
		values = []string{value}
	}
	c.w.Header()[canonicalHeaderKey(name)] = values
}

func (c *requestContext) AppendHeader(name, value string) {
	h, key := c.w.Header(), canonicalHeaderKey(name)
	h[key] = append(h[key], value)
}

// SetStatus sends the status line and headers. Only the first call counts:
// once the header is on the wire it cannot change. The header of a
// response to HEAD waits until the handler is done (see headBody).
func (c *requestContext) SetStatus(code int) {
	if c.status != 0 {
		return
	}
	if c.problemStatus != 0 {
		code = c.problemStatus
	}
	if code == 0 {
		code = c.op.DefaultStatus
	}
	if code < 200 || code > 599 {
		c.logger.ErrorContext(c.r.Context(), "signet: handler chose an invalid response status; sent 500 instead",
			"method", c.op.Method, "path", c.op.Path, "status", code)
		c.writeInternalError()
		return
	}
	c.status = code
	if !BodyAllowed(code) {
		dropContentHeaders(c.w.Header(), code)
		c.bodyless = true
	} else if c.r.Method == http.MethodHead {
		c.head = &headBody{}
		return
	}
	c.w.WriteHeader(code)
}

// BodyWriter returns where the body goes. A body written without a status
// goes out under the operation's DefaultStatus; a bodiless status discards
// it, and so does HEAD, after measuring it.
func (c *requestContext) BodyWriter() io.Writer {
	if c.status == 0 {
		c.SetStatus(0)
	}
	switch {
	case c.head != nil:
		return c.head
	case c.bodyless:
		return io.Discard
	}
	return c.w
}

// finish completes the response once the handler is done: the operation's
// DefaultStatus when the handler wrote nothing at all (a stream that ended
// before its first byte), and the waiting header of a response to HEAD.
func (c *requestContext) finish() {
	if c.status == 0 {
		c.SetStatus(0)
	}
	if c.head != nil {
		c.head.describe(c.w.Header())
		c.head = nil
		c.w.WriteHeader(c.status)
	}
}

// writeInternalError answers 500 with a problem that reveals nothing and
// discards whatever the handler writes afterwards.
func (c *requestContext) writeInternalError() {
	writeInternalError(c.w, c.r)
	c.status = http.StatusInternalServerError
	c.bodyless = true
}

// dropContentHeaders removes the headers that describe content from a
// response that has none (RFC 9110 sections 8 and 15.4.5). A 304 keeps its
// validators and caching headers (ETag, Last-Modified, Cache-Control, Expires,
// Vary, Content-Location, Date); a 205 says "Content-Length: 0" as RFC 9110
// section 15.3.6 asks.
func dropContentHeaders(h http.Header, status int) {
	deleteContentHeaders(h)
	if status == http.StatusResetContent {
		h["Content-Length"] = []string{"0"}
	}
}

// deleteContentHeaders removes every header that describes content.
func deleteContentHeaders(h http.Header) {
	if len(h) == 1 && h["X-Content-Type-Options"] != nil {
		return // the usual 204: only nosniff, and looking costs less than walking
	}
	for name := range h { // a response has few headers: cheaper than deleting each name
		if isContentHeader(name) {
			delete(h, name)
		}
	}
}

// isContentHeader reports whether name, in canonical form, describes the
// content of a response, or (Link) points at what a body would have said.
func isContentHeader(name string) bool {
	switch name {
	case "Content-Type", "Content-Length", "Content-Encoding", "Content-Language",
		"Content-Range", "Transfer-Encoding", "Link":
		return true
	}
	return false
}

// Unwrap returns the request and the response writer, as the contexts of
// Huma's adapters do (humachi's, humago's): package conditional reads the
// request headers through it.
func (c *requestContext) Unwrap() (*http.Request, http.ResponseWriter) { return c.r, c.w }

// Unwrap returns the request and response writer behind a huma.Context
// created by Signet, for handlers and middleware that need net/http directly.
// It panics for a context Signet did not create.
func Unwrap(ctx huma.Context) (*http.Request, http.ResponseWriter) {
	c := signetContext(ctx)
	if c == nil {
		panic("framework.Unwrap: the context was not created by Signet; call it with the huma.Context Signet passed to your middleware")
	}
	return c.Unwrap()
}

// signetContext returns the requestContext behind ctx, through the contexts
// that wrap it, or nil.
func signetContext(ctx huma.Context) *requestContext {
	for {
		if c, ok := ctx.(*requestContext); ok {
			return c
		}
		inner, ok := ctx.(interface{ Unwrap() huma.Context })
		if !ok {
			return nil
		}
		ctx = inner.Unwrap()
	}
}
