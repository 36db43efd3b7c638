package framework

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework/internal/inputpolicy"
)

// operationHandler serves one operation. A request goes through it top to
// bottom: the input policy reads the body, Huma binds, validates and calls
// the handler, and every status and byte Huma writes passes through the
// requestContext, which applies the status rules.
type operationHandler struct {
	app      *App
	op       *huma.Operation
	security *securityGuard      // nil for a public operation
	policy   *inputpolicy.Policy // nil when the operation reads no body
	handler  func(huma.Context)  // Huma's: binding, validation, the handler, the response
	// streaming operations (an output Body of type func(huma.Context)) are
	// exempt from the server's WriteTimeout: they write for as long as they run.
	streaming bool
	// endsOnShutdown is set for operations that stream (those above, and
	// server-sent events): their request's context is canceled when a
	// server of the App begins to shut down, instead of the shutdown
	// waiting for clients that never leave.
	endsOnShutdown bool
}

func (h *operationHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &requestContext{op: h.op, r: r, w: w, logger: h.app.logger}
	defer h.recoverPanic(c)
	if h.security != nil {
		ctx, refusal := h.security.check(r)
		if refusal != nil {
			for _, challenge := range refusal.challenges {
				w.Header().Add("WWW-Authenticate", challenge)
			}
			_ = huma.WriteErr(h.app.api, c, refusal.status, refusal.detail)
			c.finish()
			return
		}
		c.r = r.WithContext(ctx)
	}
	if h.policy != nil {
		body, refusal := h.policy.Read(w, c.r)
		if refusal != nil {
			_ = huma.WriteErr(h.app.api, c, refusal.Status, refusal.Detail)
			c.finish()
			return
		}
		defer body.Release()
		c.mediaType, c.bodyRead = body.MediaType, true
	}
	if h.streaming {
		_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	}
	if h.endsOnShutdown {
		ctx, cancel := context.WithCancel(c.r.Context())
		defer context.AfterFunc(h.app.streamsEnd, cancel)()
		defer cancel()
		c.r = c.r.WithContext(ctx)
	}
	// net/http removes the temporary files of a multipart form it parsed
	// for the request it passed; Huma parsed this one into c.r, which may
	// be a copy (a handler's context).
	defer removeMultipartFiles(c)
	h.handler(c)
	c.finish()
}

// recoverPanic turns a panic in a handler into a 500 and logs it with its
// stack; the server keeps serving. When the status was already sent, the
// response is aborted instead, so that the client does not take a truncated
// body for a complete one.
func (h *operationHandler) recoverPanic(c *requestContext) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	h.app.logger.ErrorContext(c.r.Context(), "signet: handler panicked",
		"method", c.op.Method, "path", c.op.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()),
		"status_sent", c.status != 0)
	if c.status != 0 {
		panic(http.ErrAbortHandler)
	}
	c.writeInternalError()
}

// removeMultipartFiles removes the temporary files of the multipart form
// the request's body was parsed into, if any.
func removeMultipartFiles(c *requestContext) {
	if form := c.r.MultipartForm; form != nil {
		_ = form.RemoveAll()
	}
}
