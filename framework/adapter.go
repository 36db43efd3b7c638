package framework

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
	"github.com/signet-go/signet/framework/internal/inputpolicy"
)

// adapter is Signet's huma.Adapter. Every operation added to the App's
// huma.API passes through Handle, whoever registers it (framework.Register,
// huma.Register on App.API(), huma.NewGroup, Huma's sse and autopatch), so
// that is where Signet's rules for operations live: the registration
// checks, the route table that refuses conflicts, the input policy and the
// status rules on the wire (requestContext). In place of humachi, it also
// answers HEAD for every GET operation.
type adapter struct {
	app    *App
	router *chi.Mux
}

var _ huma.Adapter = (*adapter)(nil)

// Handle admits op (it panics with a *RegistrationError when op
// contradicts itself, HTTP, or a route already served) and routes it. A GET
// operation also answers HEAD: the same status and headers, no body. The
// HEAD route is not an operation of its own, so it is not in the document.
func (a *adapter) Handle(op *huma.Operation, handler func(huma.Context)) {
	if a.app.api == nil {
		a.handleBuiltIn(op, handler)
		return
	}
	guard := a.app.admit(op, a.mountedPattern(op))
	boundIntegerParameters(op)
	h := &operationHandler{app: a.app, op: op, security: guard, policy: inputpolicy.For(op, a.app.bodyLimit(op)), handler: handler}
	// The input policy applies the body limit; Huma, which would refuse a
	// body of exactly its limit, is given none of its own. (An operation of
	// a huma.NewGroup with a prefix reaches here as a copy, and keeps Huma's
	// limit as well.)
	op.MaxBodyBytes = -1
	if facts := factsOf(op); facts != nil {
		h.streaming = facts.streaming
	}
	h.endsOnShutdown = h.streaming || documentsEventStream(op)
	a.router.Method(op.Method, op.Path, h)
	if op.Method == http.MethodGet && a.app.routes.owner(http.MethodHead, op.Path) == nil {
		a.router.Method(http.MethodHead, op.Path, h)
	}
}

// handleBuiltIn routes one of Huma's own routes, which huma.NewAPI adds
// through the adapter while it builds the API (the schemas of
// Config.SchemaLinks): not an operation, and not in the document. Huma's
// handlers for them write a body without choosing a status: 200.
func (a *adapter) handleBuiltIn(op *huma.Operation, handler func(huma.Context)) {
	if op.DefaultStatus == 0 {
		op.DefaultStatus = http.StatusOK
	}
	h := &operationHandler{app: a.app, op: op, handler: handler}
	for _, method := range []string{op.Method, http.MethodHead} {
		a.router.Method(method, op.Path, h)
		a.app.routes.claimOwn(method, op.Path, "Huma's own route "+op.Path)
	}
}

// mountedPattern is the pattern of a route the router already has for op's
// method and path that no operation owns: a handler mounted on Router().
func (a *adapter) mountedPattern(op *huma.Operation) string {
	if op.Method == http.MethodHead && a.app.routes.owner(http.MethodGet, op.Path) != nil {
		return "" // the GET operation's implicit HEAD, which op replaces
	}
	if a.app.routes.owner(op.Method, op.Path) != nil {
		return "" // the route table names the operation itself
	}
	return a.router.Find(chi.NewRouteContext(), op.Method, op.Path)
}

func (a *adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.router.ServeHTTP(w, r)
}

// documentsEventStream reports whether op answers with server-sent events,
// as Huma's sse.Register documents them.
func documentsEventStream(op *huma.Operation) bool {
	for _, response := range op.Responses {
		if response != nil && response.Content["text/event-stream"] != nil {
			return true
		}
	}
	return false
}
