package framework

import (
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// admit is the registration gate every operation of the App passes, from
// the adapter, whatever registered it. It panics with a *RegistrationError,
// as net/http.ServeMux panics on conflicting patterns, when op:
//   - comes after the App served its first request (the document it served
//     must never change, and the router is in use);
//   - contradicts itself or HTTP (checkOperation);
//   - has path parameters that disagree with its path;
//   - has a response body type with members its schema leaves out
//     (checkResponseMembers);
//   - has body types that encoding/json would write otherwise than their
//     schemas say, or that no schema can describe (checkBodySchemas: a
//     url.URL, a time.Time in another format than date-time, numeric
//     bounds on a field tagged ",string");
//   - requires a security scheme Signet cannot enforce (securityGuard);
//   - claims a route that an operation, Signet's own routes or a handler
//     mounted on Router() already serve (mounted is the pattern of such a
//     handler, if any).
//
// Huma has added op to the document by then; a refused op is taken out of
// it again, so that the document and the routes still agree. It returns
// the guard that enforces op's security, nil for a public operation.
func (a *App) admit(op *huma.Operation, mounted string) *securityGuard {
	guard, err := a.admission(op, mounted)
	if err != nil {
		a.refuse(op, err)
	}
	return guard
}

// refuse takes op out of the document and panics with err.
func (a *App) refuse(op *huma.Operation, err *RegistrationError) {
	a.withdraw(op)
	panic(err)
}

func (a *App) admission(op *huma.Operation, mounted string) (*securityGuard, *RegistrationError) {
	a.mu.Lock()
	started := a.started
	a.mu.Unlock()
	if started {
		return nil, &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
			Problem: "the App has already served its first request, and the document it served must not change",
			Fix:     "register every operation before the App serves, as App.Use requires of middleware",
		}
	}
	if op.DefaultStatus == 0 {
		op.DefaultStatus = documentedSuccess(op)
	}
	if err := checkOperation(op); err != nil {
		return nil, err
	}
	if err := checkPathParameters(op); err != nil {
		return nil, err
	}
	if err := checkResponseMembers(op, a.api.OpenAPI().Components.Schemas); err != nil {
		return nil, err
	}
	if err := a.checkBodySchemas(op); err != nil {
		return nil, err
	}
	guard, err := a.securityGuard(op)
	if err != nil {
		return nil, err
	}
	return guard, a.routes.claim(op, mounted)
}

// checkBodySchemas runs the rules on the schemas of op's bodies
// (checkURLMembers, checkTimeMembers, documentStringOption,
// documentWireShapes), each schema once per App: the schemas that passed
// are not checked again for the next operation.
func (a *App) checkBodySchemas(op *huma.Operation) *RegistrationError {
	a.mu.Lock()
	defer a.mu.Unlock()
	schemas := bodySchemas(op, a.api.OpenAPI().Components.Schemas, a.checkedSchemas)
	members := bodyMembers(schemas)
	if err := checkURLMembers(op, members); err != nil {
		return err
	}
	if err := checkTimeMembers(op, members); err != nil {
		return err
	}
	if err := documentStringOption(op, members); err != nil {
		return err
	}
	documentWireShapes(members)
	if a.checkedSchemas == nil {
		a.checkedSchemas = map[string]bool{}
	}
	for _, named := range schemas {
		a.checkedSchemas[named.ref] = true
	}
	return nil
}

// documentedSuccess is the DefaultStatus of an operation that reaches the
// adapter without one, as an operation added by a Huma helper through
// Adapter().Handle does (autopatch's PATCH): its lowest documented 2xx
// status, else 200. Operations registered with huma.Register have one.
func documentedSuccess(op *huma.Operation) int {
	best := 0
	for key := range op.Responses {
		if code, err := strconv.Atoi(key); err == nil && code >= 200 && code <= 299 && (best == 0 || code < best) {
			best = code
		}
	}
	if best == 0 {
		return http.StatusOK
	}
	return best
}

// withdraw takes a refused op out of the document: its method on its path
// goes back to the operation that served it before, if any.
func (a *App) withdraw(op *huma.Operation) {
	doc := a.api.OpenAPI()
	item := doc.Paths[op.Path]
	if item == nil {
		return
	}
	slot := operationSlot(item, op.Method)
	if slot == nil || *slot == nil || (*slot).OperationID != op.OperationID {
		return // op never entered the document (a hidden operation)
	}
	*slot = a.routes.owner(op.Method, op.Path)
	if hasNoOperation(item) {
		delete(doc.Paths, op.Path)
	}
}

// operationSlot is where a path item keeps its operation for method.
func operationSlot(item *huma.PathItem, method string) **huma.Operation {
	switch method {
	case http.MethodGet:
		return &item.Get
	case http.MethodPut:
		return &item.Put
	case http.MethodPost:
		return &item.Post
	case http.MethodDelete:
		return &item.Delete
	case http.MethodOptions:
		return &item.Options
	case http.MethodHead:
		return &item.Head
	case http.MethodPatch:
		return &item.Patch
	case http.MethodTrace:
		return &item.Trace
	}
	return nil
}

func hasNoOperation(item *huma.PathItem) bool {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete,
		http.MethodOptions, http.MethodHead, http.MethodPatch, http.MethodTrace} {
		if *operationSlot(item, method) != nil {
			return false
		}
	}
	return true
}
