// Package frameworktest is a test client for Signet Apps that proves every
// response matches the API's OpenAPI document, modelled on net/http/httptest
// and FastAPI's TestClient:
//
//	c := frameworktest.New(t, app)
//	resp := c.Get("/items/42")
//	resp = c.Post("/items", map[string]any{"name": "Teapot", "price": 12.5})
//
// Requests go to the App over a real HTTP connection on 127.0.0.1, served in
// the test's process. Before a response is returned, it is checked against
// the operation's documented responses, and each way it departs from them is
// reported through t.Errorf with the method, path and status, what the
// document says and what was sent:
//
//	frameworktest: GET /items/42 answered 418 I'm a teapot: status 418 is not documented for GET /items/{id}
//	    documented: 200 OK, 404 Not Found, 422 Unprocessable Entity, 500 Internal Server Error
//	    sent:       418 I'm a teapot
//
// The checks: the status is documented (by its code, a range such as "4XX",
// or "default"); a bodiless status (1xx, 204, 205, 304) carries no body and
// no Content-Type (nor, on 1xx and 204, a Content-Length); the
// Content-Type is one the document lists for the status; the body validates
// against the documented schema; documented headers are present when
// required and match their schemas; errors (4xx, 5xx) are RFC 9457 problem
// details; each server-sent event is of a documented type and its data
// matches that type's schema. Schemas are applied by kin-openapi, which
// first validates the document itself: the first request fails the test,
// saying why, when the App's document is not valid OpenAPI. A response that
// conforms is returned unchanged for the test's own assertions.
//
// # Credentials and headers
//
// Options to New give every request credentials or headers, which a request
// overrides by setting the same header, query parameter or cookie itself;
// With makes a client with other defaults, or none:
//
//	c := frameworktest.New(t, app, frameworktest.Bearer(token))
//	c.Get("/v1/books/1")                                    // with the token
//	c.Get("/v1/books/1", "Authorization: Bearer expired")   // with another
//	c.With(frameworktest.NoCredentials()).Get("/v1/books/1") // without: 401
//
// # Streams
//
// Stream opens a stream of server-sent events and Next reads it event by
// event, each within a deadline; a stream may be read from any goroutine,
// never stops the test, and is closed when the test ends:
//
//	events := c.Stream("/v1/events")
//	// ... wait until the App listens (see Client.Stream), then:
//	c.Post("/v1/books", book)
//	event, err := events.Next(time.Second) // the "created" event, checked
//
// # Generated requests
//
// CheckGeneratedRequests goes further: it sends requests generated from the
// document, with the same options, and fails on any 5xx, any response that
// breaks the document, and any operation that never answered a generated
// request with a 2xx (such as one behind credentials the check was not
// given).
package frameworktest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/internal/conformance"
	"github.com/signet-go/signet/openapi"
)

// reporter is the part of testing.TB the client reports through; a
// *rapid.T satisfies it too.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Client sends requests to an App and checks every response against the
// App's OpenAPI document. It may be used from several goroutines at once.
type Client struct {
	t        reporter
	app      *framework.App
	server   *httptest.Server
	http     *http.Client
	settings settings
	streams  *openStreams // shared with the clients made by With

	loadChecker func() (*conformance.Checker, error)
}

// New starts app on a loopback server for the duration of the test and
// returns a client for it. The document is read on the first request, so
// operations may still be registered between New and then. Options set
// what every request carries unless it sets it itself, such as
// credentials:
//
//	c := frameworktest.New(t, app, frameworktest.Bearer(token))
//
// When the test ends, the streams it left open are closed and the server
// is shut down.
func New(t testing.TB, app *framework.App, options ...Option) *Client {
	t.Helper()
	c := newClient(t, app, app)
	t.Cleanup(c.close)
	if err := c.settings.apply(options); err != nil {
		t.Fatalf("frameworktest: %v", err)
	}
	return c
}

// With returns a client for the same App whose requests carry c's defaults
// changed by options: other credentials, none (NoCredentials), more
// headers. c is unchanged; both may be used at once.
func (c *Client) With(options ...Option) *Client {
	c.t.Helper()
	d := *c
	d.settings = settings{defaults: slices.Clone(c.settings.defaults)}
	if err := d.settings.apply(options); err != nil {
		c.t.Fatalf("frameworktest: %v", err)
	}
	return &d
}

// newClient serves handler (app, or a handler that leads to it) and checks
// responses against app's document.
func newClient(t reporter, app *framework.App, handler http.Handler) *Client {
	server := httptest.NewServer(handler)
	client := server.Client()
	// Every response is checked as the App sent it: redirects are returned,
	// not followed, and no cookies are kept between requests.
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Client{
		t: t, app: app, server: server, http: client, streams: &openStreams{},
		loadChecker: sync.OnceValues(func() (*conformance.Checker, error) { return loadChecker(app) }),
	}
}

func (c *Client) close() {
	c.streams.closeAll()
	c.server.Close()
}

// loadChecker renders the App's document as it is served (OpenAPI 3.1 JSON)
// and loads it for checking.
func loadChecker(app *framework.App) (*conformance.Checker, error) {
	document, err := openapi.Render(app.OpenAPI(), openapi.Options{})
	if err != nil {
		return nil, err
	}
	return conformance.New(document, framework.BodyAllowed)
}

// URL is the base URL the App is served at, such as "http://127.0.0.1:41234",
// for tools that need to reach it directly. Responses they receive are not
// checked.
func (c *Client) URL() string { return c.server.URL }

// Get sends a GET request for path (with its query, if any). Each header is
// written "Name: value".
func (c *Client) Get(path string, headers ...string) *http.Response {
	c.t.Helper()
	return c.send(http.MethodGet, path, nil, headers)
}

// Head sends a HEAD request for path.
func (c *Client) Head(path string, headers ...string) *http.Response {
	c.t.Helper()
	return c.send(http.MethodHead, path, nil, headers)
}

// Delete sends a DELETE request for path.
func (c *Client) Delete(path string, headers ...string) *http.Response {
	c.t.Helper()
	return c.send(http.MethodDelete, path, nil, headers)
}

// Post sends a POST request for path with body: an io.Reader, a []byte or a
// string is sent as it is (set its Content-Type in headers); any other
// value is encoded as JSON and sent as application/json. A nil body sends
// none.
func (c *Client) Post(path string, body any, headers ...string) *http.Response {
	c.t.Helper()
	return c.send(http.MethodPost, path, body, headers)
}

// Put sends a PUT request for path with body, as Post does.
func (c *Client) Put(path string, body any, headers ...string) *http.Response {
	c.t.Helper()
	return c.send(http.MethodPut, path, body, headers)
}

// Patch sends a PATCH request for path with body, as Post does.
func (c *Client) Patch(path string, body any, headers ...string) *http.Response {
	c.t.Helper()
	return c.send(http.MethodPatch, path, body, headers)
}

func (c *Client) send(method, path string, body any, headers []string) *http.Response {
	c.t.Helper()
	req, err := newRequest(method, path, body, headers)
	if err != nil {
		c.t.Fatalf("frameworktest: %v", err)
		return nil
	}
	return c.Do(req)
}

// newRequest builds a request from the arguments of Get, Post and the rest.
func newRequest(method, path string, body any, headers []string) (*http.Request, error) {
	reader, contentType, err := encodeBody(body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	req, err := http.NewRequest(method, path, reader)
	if err != nil {
		return nil, fmt.Errorf("%s %s: cannot build the request: %w", method, path, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for _, header := range headers {
		name, value, ok := strings.Cut(header, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf(`%s %s: header %q is not written "Name: value"`, method, path, header)
		}
		req.Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	return req, nil
}

// encodeBody turns a request body argument into a reader and, for a value
// encoded as JSON, its Content-Type.
func encodeBody(body any) (io.Reader, string, error) {
	switch b := body.(type) {
	case nil:
		return nil, "", nil
	case io.Reader:
		return b, "", nil
	case []byte:
		return bytes.NewReader(b), "", nil
	case string:
		return strings.NewReader(b), "", nil
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, "", fmt.Errorf("cannot encode the body as JSON: %w", err)
	}
	return bytes.NewReader(data), "application/json", nil
}

// Do sends req and checks the response. A request whose URL has no host,
// such as one from httptest.NewRequest or http.NewRequest("GET", "/items",
// nil), goes to the App, with the client's defaults it does not set itself.
// The response's body has been read in full before the check; its Body
// holds those bytes and need not be closed. A stream of events is read to
// its end and each event checked; one that stays open is read with Stream
// (Do gives up when it sends nothing for 5 seconds).
//
// When the request fails, Do stops the test with Fatalf, which only the
// test's own goroutine may call; Stream never stops the test.
func (c *Client) Do(req *http.Request) *http.Response {
	c.t.Helper()
	req = c.toServer(req)
	ctx, cancel := context.WithCancel(req.Context())
	defer cancel()
	resp, err := c.http.Do(req.WithContext(ctx))
	if err != nil {
		c.t.Fatalf("frameworktest: %s %s: the request failed: %v", req.Method, req.URL.RequestURI(), err)
		return nil
	}
	var reader io.Reader = resp.Body
	idle := isEventStream(resp.Header) && resp.StatusCode < 300
	if idle {
		reader = newIdleReader(resp.Body, streamIdleLimit, cancel)
	}
	body, err := io.ReadAll(reader)
	_ = resp.Body.Close()
	if err != nil {
		if idle && ctx.Err() != nil && req.Context().Err() == nil {
			c.t.Fatalf("frameworktest: %s %s: the event stream sent nothing for %v: read a stream that stays open with Client.Stream",
				req.Method, req.URL.RequestURI(), streamIdleLimit)
			return nil
		}
		c.t.Fatalf("frameworktest: %s %s: reading the response body failed: %v", req.Method, req.URL.RequestURI(), err)
		return nil
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	for _, violation := range c.check(req, resp, body) {
		c.t.Errorf("frameworktest: %s", violation)
	}
	return resp
}

// Check checks a response the test received some other way, such as raw
// bytes read off the wire or another client's answer to a request sent to
// URL(), and reports each violation as the client's own requests do. req
// needs only its method and URL; body is what followed the header.
func (c *Client) Check(req *http.Request, status int, header http.Header, body []byte) {
	c.t.Helper()
	resp := &http.Response{StatusCode: status, Header: header}
	for _, violation := range c.check(req, resp, body) {
		c.t.Errorf("frameworktest: %s", violation)
	}
}

// toServer points a request without a host at the App's server, and adds
// the client's defaults to a request for the App.
func (c *Client) toServer(req *http.Request) *http.Request {
	address := c.server.Listener.Addr().String()
	if req.URL.Host != "" && req.URL.Host != address {
		return req
	}
	out := req.Clone(req.Context())
	if out.URL.Host == "" {
		out.RequestURI = "" // set by httptest.NewRequest; a client request must not have it
		out.URL.Scheme, out.URL.Host = "http", address
		out.Host = ""
	}
	c.settings.addDefaults(out)
	return out
}

func (c *Client) check(req *http.Request, resp *http.Response, body []byte) []conformance.Violation {
	c.t.Helper()
	checker, err := c.checker()
	if err != nil {
		c.t.Fatalf("%v", err)
		return nil
	}
	return checker.Check(req, conformance.Response{Status: resp.StatusCode, Header: resp.Header, Body: body})
}

// checker is the loaded document, or why it cannot be used.
func (c *Client) checker() (*conformance.Checker, error) {
	checker, err := c.loadChecker()
	if err != nil {
		return nil, fmt.Errorf("frameworktest: cannot check responses against the App's OpenAPI document: %w", err)
	}
	return checker, nil
}
