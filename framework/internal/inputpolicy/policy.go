package inputpolicy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// Policy is the body policy of one operation.
type Policy struct {
	// Limit is the largest body accepted, in bytes; negative means none.
	Limit int64
	// ReadTimeout bounds reading the body, with Huma's meaning of
	// Operation.BodyReadTimeout: positive sets a read deadline, negative
	// lifts the server's, zero leaves the server's in place.
	ReadTimeout time.Duration
	// mediaTypes are the documented media types of the body, lower case.
	mediaTypes []string
}

// For returns the policy of op, or nil when op reads no request body.
// limit is the body limit to apply (see Policy.Limit).
func For(op *huma.Operation, limit int64) *Policy {
	if op.RequestBody == nil {
		return nil
	}
	mediaTypes := make([]string, 0, len(op.RequestBody.Content))
	for _, key := range slices.Sorted(maps.Keys(op.RequestBody.Content)) {
		mediaTypes = append(mediaTypes, strings.ToLower(key))
	}
	return &Policy{Limit: limit, ReadTimeout: op.BodyReadTimeout, mediaTypes: mediaTypes}
}

// Refusal is a request the policy refuses: the status to answer with and a
// detail for the problem, which never repeats what the client sent.
type Refusal struct {
	Status int
	Detail string
}

func (r *Refusal) Error() string { return r.Detail }

// Body is a request body read under a policy.
type Body struct {
	// MediaType is the documented media type the body was sent in (the
	// received one when the documented one is a range), without parameters.
	MediaType string
	read      *reading
}

// reading is the memory one body is read into, reused from request to
// request: the body's bytes, and the limit on reading them.
type reading struct {
	buf     bytes.Buffer
	limited io.LimitedReader
}

// Release returns the body's memory for reuse; r.Body must not be read after.
func (b *Body) Release() {
	if b.read != nil && b.read.buf.Cap() <= maxPooled {
		b.read.buf.Reset()
		readings.Put(b.read)
	}
	b.read = nil
}

// maxPooled is the largest buffer kept for reuse: one large body must not
// pin its memory in the pool.
const maxPooled = 64 << 10

var readings = sync.Pool{New: func() any { return new(reading) }}

// memoryBody is a request body in memory: what Read puts in place of
// r.Body, a reader and its no-op Close in one allocation.
type memoryBody struct{ bytes.Reader }

func (*memoryBody) Close() error { return nil }

// Read reads r's body under p and replaces r.Body with what was read, so
// that whatever reads the request next (Huma, a multipart parser) reads it
// from memory. An empty body is no body: it needs no Content-Type.
func (p *Policy) Read(w http.ResponseWriter, r *http.Request) (Body, *Refusal) {
	if p.Limit >= 0 && r.ContentLength > p.Limit {
		return Body{}, p.tooLarge()
	}
	if r.ContentLength == 0 {
		return Body{}, nil
	}
	mediaType, refusal := p.mediaType(r.Header.Get("Content-Type"))
	if refusal != nil {
		return Body{}, refusal
	}
	// Huma's SetReadDeadline rather than http.ResponseController's, which
	// allocates an error for a writer that cannot set one.
	switch {
	case p.ReadTimeout > 0:
		_ = huma.SetReadDeadline(w, time.Now().Add(p.ReadTimeout))
	case p.ReadTimeout < 0:
		_ = huma.SetReadDeadline(w, time.Time{})
	}
	read := readings.Get().(*reading)
	body := Body{MediaType: mediaType, read: read}
	src := io.Reader(r.Body)
	if p.Limit >= 0 {
		read.limited = io.LimitedReader{R: r.Body, N: p.Limit + 1} // one byte more tells a body over the limit
		src = &read.limited
	}
	_, err := read.buf.ReadFrom(src)
	read.limited = io.LimitedReader{} // keeps no request alive in the pool
	if err == nil && p.Limit >= 0 && int64(read.buf.Len()) > p.Limit {
		body.Release()
		return Body{}, p.tooLarge()
	}
	if err != nil {
		body.Release()
		return Body{}, readFailure(err)
	}
	memory := &memoryBody{}
	memory.Reset(read.buf.Bytes())
	r.Body = memory
	r.ContentLength = int64(read.buf.Len())
	return body, nil
}

// mediaType returns the documented media type that contentType matches.
func (p *Policy) mediaType(contentType string) (string, *Refusal) {
	if contentType == "" {
		return "", &Refusal{http.StatusUnsupportedMediaType,
			"the request has a body but no Content-Type; send one of: " + strings.Join(p.mediaTypes, ", ")}
	}
	// The common case first: the documented type itself, as sent by most
	// clients, needs no parsing (mime.ParseMediaType allocates a map).
	for _, documented := range p.mediaTypes {
		if contentType == documented && !strings.HasSuffix(documented, "*") {
			return documented, nil
		}
	}
	received, _, err := mime.ParseMediaType(contentType)
	if err != nil { // malformed parameters: judge the media type alone
		received, _, _ = strings.Cut(contentType, ";")
		received = strings.ToLower(strings.TrimSpace(received))
	}
	for _, documented := range p.mediaTypes {
		if matches(documented, received) {
			if strings.HasSuffix(documented, "*") {
				return received, nil
			}
			return documented, nil
		}
	}
	return "", &Refusal{http.StatusUnsupportedMediaType,
		"the Content-Type of the request is not one this operation accepts; send one of: " + strings.Join(p.mediaTypes, ", ")}
}

// matches reports whether a received media type is the documented one or
// falls in its range ("image/*", "*/*"). Both are lower case.
func matches(documented, received string) bool {
	if documented == received || documented == "*/*" {
		return true
	}
	prefix, ok := strings.CutSuffix(documented, "/*")
	return ok && strings.HasPrefix(received, prefix+"/")
}

func (p *Policy) tooLarge() *Refusal {
	return &Refusal{http.StatusRequestEntityTooLarge, fmt.Sprintf(
		"the request body is larger than %d bytes, the limit of this operation; send a smaller body", p.Limit)}
}

// readFailure is the refusal for a body that could not be read.
func readFailure(err error) *Refusal {
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return &Refusal{http.StatusRequestTimeout,
			"the request body did not arrive in time; send it without pausing"}
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return &Refusal{http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"the request body is larger than %d bytes, the limit of this server; send a smaller body", tooLarge.Limit)}
	}
	return &Refusal{http.StatusBadRequest,
		"the request body could not be read: it ended early or its chunked encoding is malformed"}
}
