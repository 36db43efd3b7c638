package framework

import (
	"bytes"
	"log/slog"
	"net/http"
	"sync"

	"github.com/signet-go/signet/framework/internal/conformance"
	"github.com/signet-go/signet/openapi"
)

// ResponseValidation is the development-mode switch Config.ValidateResponses:
// it checks every response the App sends against the OpenAPI document, as
// package frameworktest does in tests. Use it while developing, not in
// production: a checked response is held in memory until it is complete.
type ResponseValidation int

const (
	// ResponsesUnchecked is the default: responses are not checked and the
	// switch costs nothing, not even a middleware.
	ResponsesUnchecked ResponseValidation = iota
	// LogInvalidResponses checks every response and logs each way it departs
	// from the document, at level Error with the method, path, status, what
	// the document says and what was sent. The response goes out unchanged.
	LogInvalidResponses
	// RejectInvalidResponses logs as LogInvalidResponses does and replaces
	// an invalid response by a bare 500 Internal Server Error problem, like
	// FastAPI's ResponseValidationError.
	RejectInvalidResponses
)

// enableResponseValidation puts the response check outermost, around every
// middleware added with Use, when the Config asks for it.
func (a *App) enableResponseValidation() {
	if a.config.ValidateResponses == ResponsesUnchecked {
		return
	}
	v := &responseValidator{logger: a.logger, reject: a.config.ValidateResponses == RejectInvalidResponses}
	v.checker = sync.OnceValues(func() (*conformance.Checker, error) {
		document, err := openapi.Render(a.OpenAPI(), openapi.Options{})
		if err != nil {
			return nil, err
		}
		return conformance.New(document, BodyAllowed)
	})
	a.middlewares = append(a.middlewares, v.middleware)
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
