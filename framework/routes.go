package framework

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// routeKey is a route as the router tells routes apart: a method and a path
// pattern whose parameters are unnamed (chi routes /items/{id} and
// /items/{name} alike).
type routeKey struct{ method, pattern string }

func keyOf(method, path string) routeKey {
	var b strings.Builder
	for {
		open := strings.IndexByte(path, '{')
		if open < 0 {
			b.WriteString(path)
			break
		}
		end := strings.IndexByte(path[open:], '}')
		if end < 0 {
			b.WriteString(path)
			break
		}
		param := path[open+1 : open+end]
		_, pattern, _ := strings.Cut(param, ":")
		b.WriteString(path[:open])
		b.WriteString("{:" + pattern + "}")
		path = path[open+end+1:]
	}
	return routeKey{method, b.String()}
}

func (k routeKey) String() string { return k.method + " " + k.pattern }

// routeTable records who serves each route of the App: its operations and
// Signet's own routes (the documents and the docs). Like net/http.ServeMux,
// it refuses a second claim on a route instead of letting the last one win.
type routeTable struct {
	operations map[routeKey]*huma.Operation
	own        map[routeKey]string // Signet's own routes, with what they serve
}

func newRouteTable() *routeTable {
	return &routeTable{operations: map[routeKey]*huma.Operation{}, own: map[routeKey]string{}}
}

// claimOwn records one of Signet's own routes.
func (t *routeTable) claimOwn(method, path, what string) {
	t.own[keyOf(method, path)] = what
}

// claim records op as the server of its method and path, or returns a
// refusal naming whoever serves it already. mounted is the pattern the
// router already has for the route, if any (a handler mounted on Router()).
func (t *routeTable) claim(op *huma.Operation, mounted string) *RegistrationError {
	key := keyOf(op.Method, op.Path)
	refuse := func(holder string) *RegistrationError {
		return &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
			Problem: fmt.Sprintf("%s is already served by %s; the router would keep only one of them", key, holder),
			Fix:     "give one of them another method or path, or remove one",
		}
	}
	if other := t.operations[key]; other != nil {
		return refuse(fmt.Sprintf("operation %q (%s %s)", other.OperationID, other.Method, other.Path))
	}
	if what := t.own[key]; what != "" {
		return refuse(what)
	}
	if mounted != "" && keyOf(op.Method, mounted) == key {
		return refuse(fmt.Sprintf("a handler mounted on Router() at %s", mounted))
	}
	t.operations[key] = op
	return nil
}

// owner returns the operation that serves method and path, or nil.
func (t *routeTable) owner(method, path string) *huma.Operation {
	return t.operations[keyOf(method, path)]
}

// checkMounted refuses handlers mounted on Router() over a route an
// operation owns: it walks the router, which by then has every route, and
// finds each operation's route served by something else. It runs once,
// when the App first serves.
func (t *routeTable) checkMounted(router chi.Routes) error {
	var conflicts []string
	_ = chi.Walk(router, func(method, route string, handler http.Handler, _ ...func(http.Handler) http.Handler) error {
		op := t.owner(method, route)
		if _, ours := handler.(*operationHandler); op != nil && !ours {
			conflicts = append(conflicts, fmt.Sprintf("%s %s (operation %q)", method, route, op.OperationID))
		}
		return nil
	})
	if len(conflicts) == 0 {
		return nil
	}
	return fmt.Errorf("signet: a handler mounted on Router() replaced the operation at %s; "+
		"the document would list an operation the App no longer runs. Fix: mount the handler on another path, "+
		"or remove the operation", strings.Join(conflicts, ", "))
}
