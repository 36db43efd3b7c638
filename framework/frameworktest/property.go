package frameworktest

import (
	"fmt"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/signet-go/signet/framework"
	"pgregory.net/rapid"
)

// CheckGeneratedRequests is a property-based test of an App against its own
// document. Each case builds a fresh App with newApp and sends it a short
// sequence of requests generated from the document: an operation, its path,
// query and header parameters and its JSON body, valid by their schemas nine
// times in ten and malformed otherwise. What the App returned earlier in the
// case comes back: a field's value as the path parameter of the same name
// (the "id" of a created item), an ETag in If-Match and If-None-Match.
//
// The property is that no response is a 5xx and every response conforms to
// the document (the checks of Client). A failing case is shrunk by
// pgregory.net/rapid to a short sequence, printed with the report, and saved
// under testdata/rapid (-rapid.nofailfile stops that); -rapid.checks=N sets
// the number of cases (default 100) and -rapid.seed repeats a run.
//
//	func TestItemsProperties(t *testing.T) {
//		frameworktest.CheckGeneratedRequests(t, func() *framework.App { return newApp(newStore()) })
//	}
func CheckGeneratedRequests(t testing.TB, newApp func() *framework.App) {
	t.Helper()
	// One server and one loaded document serve every case; each case swaps
	// in a fresh App (newApp must build the same API every time).
	var current atomic.Pointer[framework.App]
	current.Store(newApp())
	base := newClient(t, current.Load(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().ServeHTTP(w, r)
	}))
	defer base.close()
	checker, err := base.loadChecker()
	if err != nil {
		t.Fatalf("frameworktest: cannot generate requests from the App's OpenAPI document: %v", err)
	}
	operations := documentedOperations(checker.Document())
	if len(operations) == 0 {
		t.Fatalf("frameworktest: the App's document has no operations to generate requests for")
	}
	first := true
	rapid.Check(t, func(rt *rapid.T) {
		if !first {
			current.Store(newApp())
		}
		first = false
		c := *base
		c.t = rapidReporter{rt}
		count := rapid.IntRange(1, 8).Draw(rt, "requests")
		seen := &memory{}
		for range count {
			i := rapid.IntRange(0, len(operations)-1).Draw(rt, "operation")
			rt.Logf("operation: %s", operations[i])
			req := generateRequest(rt, operations[i], seen)
			resp := c.Do(req)
			if resp != nil {
				seen.remember(resp)
			}
			if resp != nil && resp.StatusCode >= 500 {
				rt.Fatalf("frameworktest: %s %s answered %d %s: a request must never cause a server error",
					req.Method, req.URL.RequestURI(), resp.StatusCode, http.StatusText(resp.StatusCode))
			}
		}
	})
}

// rapidReporter lets the client report through a *rapid.T, so that rapid
// sees the failures and shrinks them.
type rapidReporter struct{ *rapid.T }

func (rapidReporter) Helper() {}

// operation is one documented operation to generate requests for.
type operation struct {
	method, path string
	op           *openapi3.Operation
	parameters   openapi3.Parameters // the path item's and the operation's
}

// String names the operation in rapid's report of a failing case.
func (o operation) String() string { return fmt.Sprintf("%s %s", o.method, o.path) }

// documentedOperations lists the document's operations in a stable order,
// so that a seed repeats a run.
func documentedOperations(doc *openapi3.T) []operation {
	var out []operation
	if doc.Paths == nil {
		return nil
	}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		methods := make([]string, 0)
		for method := range item.Operations() {
			methods = append(methods, method)
		}
		slices.Sort(methods)
		for _, method := range methods {
			op := item.GetOperation(method)
			parameters := slices.Clone(item.Parameters)
			parameters = append(parameters, op.Parameters...)
			out = append(out, operation{method: method, path: path, op: op, parameters: parameters})
		}
	}
	return out
}
