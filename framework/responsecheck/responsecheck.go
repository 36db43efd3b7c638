// Package responsecheck checks every response of a running App against
// the App's OpenAPI document, as package frameworktest does in tests: for
// development, to see at once when the App and its documentation part.
//
//	app := framework.New(config)
//	app.Use(responsecheck.Middleware(app, responsecheck.Log)) // first: outermost
//
// A checked response is held in memory until it is complete, and checking
// costs time: use it while developing, not in production. A program that
// does not import this package links none of it, nor the OpenAPI and JSON
// Schema validators it uses.
package responsecheck

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/internal/conformance"
	"github.com/signet-go/signet/openapi"
)

// Mode is what happens to a response that departs from the document.
type Mode int

const (
	// Log logs each way a response departs from the document, at level
	// Error with the method, path, status, what the document says and what
	// was sent. The response goes out unchanged.
	Log Mode = iota + 1
	// Reject logs as Log does and replaces an invalid response by a bare
	// 500 Internal Server Error problem, like FastAPI's
	// ResponseValidationError.
	Reject
)

// Middleware returns a middleware that checks every response against app's
// document, logging through app.Logger(). Add it with app.Use before any
// other middleware, so that it is the outermost and checks what every
// other middleware did. The document is loaded on the first request, once
// every operation is registered.
func Middleware(app *framework.App, mode Mode) func(http.Handler) http.Handler {
	v := &responseValidator{logger: app.Logger(), reject: mode == Reject}
	v.checker = sync.OnceValues(func() (*conformance.Checker, error) {
		document, err := openapi.Render(app.OpenAPI(), openapi.Options{})
		if err != nil {
			return nil, err
		}
		return conformance.New(document, framework.BodyAllowed)
	})
	return v.middleware
}

// responseValidator checks responses against the document, which it loads
// on the first request, once every operation is registered.
type responseValidator struct {
	logger  *slog.Logger
	reject  bool
	checker func() (*conformance.Checker, error)
	failed  sync.Once // logs a document that cannot be loaded, once
}

func (v *responseValidator) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		checker, err := v.checker()
		if err != nil {
			v.failed.Do(func() {
				v.logger.ErrorContext(r.Context(), "signet: responses are not validated: cannot load the OpenAPI document", "error", err)
			})
			next.ServeHTTP(w, r)
			return
		}
		held := &heldResponse{w: w, header: http.Header{}}
		next.ServeHTTP(held, r)
		if held.streamed {
			v.logger.DebugContext(r.Context(), "signet: a streamed (flushed) response was not validated",
				"method", r.Method, "path", r.URL.Path)
			return
		}
		held.resolveStatus()
		body := held.body.Bytes()
		if r.Method == http.MethodHead {
			body = nil // net/http sends no body for HEAD
		}
		violations := checker.Check(r, conformance.Response{Status: held.status, Header: held.header, Body: body})
		for _, violation := range violations {
			v.logger.ErrorContext(r.Context(), "signet: the response does not match the API's documentation",
				"method", violation.Method, "path", violation.Path, "status", violation.Status,
				"operation", violation.Operation, "rule", string(violation.Rule), "problem", violation.Problem,
				"documented", violation.Documented, "sent", violation.Sent, "replaced_by_500", v.reject)
		}
		if len(violations) > 0 && v.reject {
			writeInternalError(w, r)
			return
		}
		held.send()
	})
}

// heldResponse keeps a response in memory until the handler is done, so it
// can be checked before any of it is sent. A Flush sends what is held and
// lets the rest of the response stream through unchecked.
type heldResponse struct {
	w        http.ResponseWriter
	header   http.Header
	status   int
	body     bytes.Buffer
	streamed bool
}

func (h *heldResponse) Header() http.Header {
	if h.streamed {
		return h.w.Header()
	}
	return h.header
}

func (h *heldResponse) WriteHeader(status int) {
	if h.streamed {
		h.w.WriteHeader(status)
		return
	}
	if status < 200 { // an interim response (103 Early Hints) goes out now
		copyHeader(h.w.Header(), h.header)
		h.w.WriteHeader(status)
		return
	}
	if h.status == 0 {
		h.status = status
	}
}

func (h *heldResponse) Write(p []byte) (int, error) {
	if h.streamed {
		return h.w.Write(p)
	}
	h.resolveStatus()
	return h.body.Write(p)
}

// Flush sends what is held and switches to streaming.
func (h *heldResponse) Flush() {
	if !h.streamed {
		h.send()
		h.streamed = true
	}
	_ = http.NewResponseController(h.w).Flush()
}

// Unwrap gives http.ResponseController the underlying writer, for deadlines.
func (h *heldResponse) Unwrap() http.ResponseWriter { return h.w }

// resolveStatus applies net/http's default: a response written without a
// status is 200 OK.
func (h *heldResponse) resolveStatus() {
	if h.status == 0 {
		h.status = http.StatusOK
	}
}

// send writes the held response to the client.
func (h *heldResponse) send() {
	h.resolveStatus()
	copyHeader(h.w.Header(), h.header)
	h.w.WriteHeader(h.status)
	if h.body.Len() > 0 {
		_, _ = h.w.Write(h.body.Bytes())
	}
}

func copyHeader(dst, src http.Header) {
	for name, values := range src {
		dst[name] = values
	}
}

// writeInternalError answers 500 Internal Server Error as problem details
// that say nothing more.
func writeInternalError(w http.ResponseWriter, r *http.Request) {
	const body = `{"title":"Internal Server Error","status":500}`
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, body)
	}
}
