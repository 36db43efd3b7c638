package frameworktest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/signet-go/signet/framework/internal/conformance"
)

// Event is one server-sent event.
type Event struct {
	Type string // the "event" field, or "message" when the event has none, as browsers dispatch it
	Data string // the "data" fields, joined by "\n"
	ID   string // the "id" field, or "" when the event has none
}

// Stream is a response whose body is read as it arrives: a stream of
// server-sent events (text/event-stream), read event by event with Next.
// Its methods may be called from any goroutine, and never stop the test:
// what breaks the document is reported through Errorf, and what keeps an
// event from coming (a deadline, the stream's end, a failed request) is
// returned as an error for the test to judge.
//
// The head of the response is checked against the document when Next or
// Response first sees it (the status, the headers, the Content-Type), and
// each event before Next returns it (its type is documented, its data
// matches the schema of that type). A response that is not an event stream,
// such as a 401, is read whole and checked as Do checks responses.
type Stream struct {
	c   *Client
	req *http.Request // as sent, for the checks and the messages

	cancel context.CancelFunc
	head   chan struct{} // closed once resp or headErr is set
	resp   *http.Response
	body   []byte // the whole body, when the response is not an event stream
	// headErr is why no response came; endErr, why events closed. Each is
	// written before the channel that announces it is closed.
	headErr, endErr error
	events          chan conformance.Event
	done            chan struct{} // closed when the reading goroutine has returned

	headChecked sync.Once
	received    atomic.Int64 // events returned by Next
	closeOnce   sync.Once
}

// Stream sends a GET request for path (with Accept: text/event-stream)
// and returns at once, before the App answers: an App may send the head of
// a stream only with its first event. Each header is written "Name: value".
// The stream stays open until Close, the end of the response, or the end
// of the test.
//
// An event the App sends before its handler for the stream began listening
// is not in the stream. Before causing the events a test expects, wait
// until it listens: for its first event, when the App greets each new
// stream with one, or for Response, when the App sends the head of a stream
// as soon as it listens (Huma's sse sends it only with the first event).
//
//	events := c.Stream("/events")
//	defer events.Close()
//	if _, err := events.Next(time.Second); err != nil { // the App's greeting
//		t.Fatal(err)
//	}
//	c.Post("/books", book)
//	event, err := events.Next(time.Second)
func (c *Client) Stream(path string, headers ...string) *Stream {
	c.t.Helper()
	req, err := newRequest(http.MethodGet, path, nil, headers)
	if err != nil {
		c.t.Errorf("frameworktest: %v", err)
		return c.failedStream(placeholderRequest(http.MethodGet, path), err)
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", conformance.EventStreamMediaType)
	}
	return c.DoStream(req)
}

// DoStream sends req, to the App unless its URL has another host (see
// Do), and returns at once with its stream. The stream ends when req's
// context does.
func (c *Client) DoStream(req *http.Request) *Stream {
	c.t.Helper()
	req = c.toServer(req)
	ctx, cancel := context.WithCancel(req.Context())
	s := &Stream{
		c: c, req: req, cancel: cancel,
		head: make(chan struct{}), events: make(chan conformance.Event), done: make(chan struct{}),
	}
	if !c.streams.add(s) {
		cancel()
		return c.failedStream(req, errors.New("the test has ended"))
	}
	go s.read(ctx)
	return s
}

// failedStream is a stream whose request could not be sent.
func (c *Client) failedStream(req *http.Request, err error) *Stream {
	s := &Stream{c: c, req: req, cancel: func() {}, head: make(chan struct{}), events: make(chan conformance.Event), done: make(chan struct{})}
	s.headErr, s.endErr = fmt.Errorf("frameworktest: %w", err), fmt.Errorf("frameworktest: %w", err)
	close(s.head)
	close(s.events)
	close(s.done)
	return s
}

// placeholderRequest names what a stream was asked for, when the request
// could not be built.
func placeholderRequest(method, path string) *http.Request {
	return &http.Request{Method: method, URL: &url.URL{Path: path}, Header: http.Header{}}
}

// read runs in its own goroutine: it sends the request and hands each
// event to Next. It reports nothing; the callers of Next and Response do.
func (s *Stream) read(ctx context.Context) {
	defer close(s.done)
	defer close(s.events)
	resp, err := s.c.http.Do(s.req.WithContext(ctx))
	if err != nil {
		s.headErr = s.failure(ctx, "the request failed", err)
		s.endErr = s.headErr
		close(s.head)
		return
	}
	defer resp.Body.Close()
	if !isEventStream(resp.Header) || resp.StatusCode >= 300 {
		s.body, err = io.ReadAll(resp.Body)
		if err != nil {
			s.headErr = s.failure(ctx, "reading the response body failed", err)
		}
		s.resp = resp
		s.endErr = cmp.Or(s.headErr, fmt.Errorf("frameworktest: %s %s answered %s with %s, not an event stream",
			s.req.Method, s.req.URL.RequestURI(), statusName(resp.StatusCode), cmp.Or(resp.Header.Get("Content-Type"), "no Content-Type")))
		close(s.head)
		return
	}
	s.resp = resp
	close(s.head)
	events := conformance.NewEventReader(resp.Body)
	for {
		event, err := events.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				s.endErr = io.EOF
			} else {
				s.endErr = s.failure(ctx, "reading the event stream failed", err)
			}
			return
		}
		select {
		case s.events <- event:
		case <-ctx.Done():
			s.endErr = s.failure(ctx, "", ctx.Err())
			return
		}
	}
}

// failure says why a stream stopped.
func (s *Stream) failure(ctx context.Context, what string, err error) error {
	where := s.req.Method + " " + s.req.URL.RequestURI()
	switch {
	case s.c.streams.isClosed(s) && ctx.Err() != nil:
		return fmt.Errorf("frameworktest: %s: the stream was closed: %w", where, net.ErrClosed)
	case ctx.Err() != nil:
		return fmt.Errorf("frameworktest: %s: the request's context ended: %w", where, context.Cause(ctx))
	}
	return fmt.Errorf("frameworktest: %s: %s: %w", where, what, err)
}

// Next waits up to timeout for the next event and returns it, checked
// against the document. When none comes, it says why: the stream ended
// (io.EOF), the timeout passed (an error for which errors.Is
// context.DeadlineExceeded holds; the stream stays open, and Next may be
// called again), the stream was closed, or the response is not an event
// stream (Response returns it). Goroutines that call Next at once each
// receive different events.
func (s *Stream) Next(timeout time.Duration) (Event, error) {
	s.c.t.Helper()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-s.head:
	case <-timer.C:
		return Event{}, s.timeout(timeout, "no response")
	}
	s.checkHead()
	select {
	case event, ok := <-s.events:
		if !ok {
			return Event{}, s.endErr
		}
		s.received.Add(1)
		s.checkEvent(event)
		return Event{Type: cmp.Or(event.Type, "message"), Data: event.Data, ID: event.ID}, nil
	case <-timer.C:
		return Event{}, s.timeout(timeout, "no event")
	}
}

func (s *Stream) timeout(timeout time.Duration, what string) error {
	return fmt.Errorf("frameworktest: %s %s: %s within %v (%d events before): %w",
		s.req.Method, s.req.URL.RequestURI(), what, timeout, s.received.Load(), context.DeadlineExceeded)
}

// Response waits up to timeout for the head of the response and returns
// it, checked against the document: its status and headers, and, when it
// is not an event stream, its whole body (which need not be closed). The
// body of an event stream is read with Next.
func (s *Stream) Response(timeout time.Duration) (*http.Response, error) {
	s.c.t.Helper()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-s.head:
	case <-timer.C:
		return nil, s.timeout(timeout, "no response")
	}
	if s.headErr != nil {
		return nil, s.headErr
	}
	s.checkHead()
	resp := *s.resp
	resp.Body = http.NoBody
	if s.body != nil {
		resp.Body = io.NopCloser(bytes.NewReader(s.body))
	}
	return &resp, nil
}

// Close ends the stream and waits until it has stopped reading, then checks
// the head of the response if it came and no call checked it yet. It may
// be called more than once; the end of the test calls it for every stream
// still open.
func (s *Stream) Close() {
	s.closeOnce.Do(func() {
		s.c.streams.markClosed(s)
		s.cancel()
		<-s.done
		s.c.streams.remove(s)
	})
	select {
	case <-s.head:
		s.checkHead() // unless Next or Response did
	default:
	}
}

// checkHead checks the head once, when a caller first sees it.
func (s *Stream) checkHead() {
	s.c.t.Helper()
	if s.headErr != nil {
		return
	}
	s.headChecked.Do(func() {
		checker, err := s.c.checker()
		if err != nil {
			s.c.t.Errorf("%v", err)
			return
		}
		var violations []conformance.Violation
		if s.body != nil || !isEventStream(s.resp.Header) || s.resp.StatusCode >= 300 {
			violations = checker.Check(s.req, conformance.Response{Status: s.resp.StatusCode, Header: s.resp.Header, Body: s.body})
		} else {
			violations = checker.CheckHead(s.req, s.resp.StatusCode, s.resp.Header)
		}
		for _, violation := range violations {
			s.c.t.Errorf("frameworktest: %s", violation)
		}
	})
}

func (s *Stream) checkEvent(event conformance.Event) {
	s.c.t.Helper()
	checker, err := s.c.checker()
	if err != nil {
		return // reported with the head
	}
	for _, violation := range checker.CheckEvent(s.req, s.resp.StatusCode, s.resp.Header, event) {
		s.c.t.Errorf("frameworktest: %s", violation)
	}
}

// openStreams are the streams of a client and of those made from it by
// With, for the end of the test to close.
type openStreams struct {
	mu     sync.Mutex
	open   map[*Stream]bool // true once Close began
	closed bool             // the test has ended
}

func (o *openStreams) add(s *Stream) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return false
	}
	if o.open == nil {
		o.open = map[*Stream]bool{}
	}
	o.open[s] = false
	return true
}

func (o *openStreams) markClosed(s *Stream) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, ok := o.open[s]; ok {
		o.open[s] = true
	}
}

func (o *openStreams) isClosed(s *Stream) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.open[s] || o.closed
}

func (o *openStreams) remove(s *Stream) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.open, s)
}

// closeAll closes every stream still open, and any opened later at once.
func (o *openStreams) closeAll() {
	o.mu.Lock()
	o.closed = true
	streams := make([]*Stream, 0, len(o.open))
	for s := range o.open {
		streams = append(streams, s)
	}
	o.mu.Unlock()
	for _, s := range streams {
		s.Close()
	}
}

// isEventStream reports whether a response's Content-Type is
// text/event-stream.
func isEventStream(header http.Header) bool {
	mediaType, _, err := mime.ParseMediaType(header.Get("Content-Type"))
	return err == nil && mediaType == conformance.EventStreamMediaType
}

// streamIdleLimit is how long Do waits for more of an event stream.
const streamIdleLimit = 5 * time.Second

// idleReader calls stop when no byte arrived for a while.
type idleReader struct {
	r     io.Reader
	limit time.Duration
	timer *time.Timer
}

func newIdleReader(r io.Reader, limit time.Duration, stop func()) *idleReader {
	return &idleReader{r: r, limit: limit, timer: time.AfterFunc(limit, stop)}
}

func (r *idleReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.timer.Reset(r.limit)
	}
	if err != nil {
		r.timer.Stop()
	}
	return n, err
}

// statusName is "404 Not Found", or the bare number for an unregistered code.
func statusName(status int) string {
	if text := http.StatusText(status); text != "" {
		return fmt.Sprintf("%d %s", status, text)
	}
	return fmt.Sprint(status)
}
