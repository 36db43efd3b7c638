package framework

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// adapter is Signet's huma.Adapter: it routes operations with chi and runs
// each request through a requestContext, which applies the status rules.
// In place of humachi, it also answers HEAD for every GET operation and
// turns a panic into a logged 500.
type adapter struct {
	router chi.Router
	logger *slog.Logger
	// explicitHEAD holds the paths that have a HEAD operation of their own,
	// which a GET operation's implicit HEAD must not replace.
	explicitHEAD map[string]bool
}

var _ huma.Adapter = (*adapter)(nil)

func newAdapter(router chi.Router, logger *slog.Logger) *adapter {
	return &adapter{router: router, logger: logger, explicitHEAD: map[string]bool{}}
}

// Handle routes op to handler. A GET operation also answers HEAD: the same
// status and headers, and net/http drops the body. The HEAD route is not an
// operation of its own, so it is not in the document.
func (a *adapter) Handle(op *huma.Operation, handler func(huma.Context)) {
	serve := func(w http.ResponseWriter, r *http.Request) {
		c := &requestContext{op: op, r: r, w: w, logger: a.logger}
		defer a.recoverPanic(c)
		handler(c)
		if c.status == 0 {
			c.SetStatus(0)
		}
	}
	a.router.MethodFunc(op.Method, op.Path, serve)
	switch op.Method {
	case http.MethodHead:
		a.explicitHEAD[op.Path] = true
	case http.MethodGet:
		if !a.explicitHEAD[op.Path] {
			a.router.MethodFunc(http.MethodHead, op.Path, serve)
		}
	}
}

func (a *adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.router.ServeHTTP(w, r)
}

// recoverPanic turns a panic in a handler into a 500 and logs it with its
// stack; the server keeps serving. When the status was already sent, the
// response is aborted instead, so that the client does not take a truncated
// body for a complete one.
func (a *adapter) recoverPanic(c *requestContext) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	a.logger.ErrorContext(c.r.Context(), "signet: handler panicked; sent 500",
		"method", c.op.Method, "path", c.op.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	if c.status != 0 {
		panic(http.ErrAbortHandler)
	}
	c.writeInternalError()
}
