package frameworktest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/internal/conformance"
	"pgregory.net/rapid"
)

// CheckGeneratedRequests is a property-based test of an App against its own
// document. Each case builds a fresh App with newApp and sends it a short
// sequence of requests generated from the document: an operation, its path,
// query and header parameters and its JSON body, valid by their schemas nine
// times in ten and malformed otherwise. What the App returned earlier in the
// case comes back: a field's value as the path parameter of the same name
// (the "id" of a created item), an ETag in If-Match and If-None-Match.
// An operation that answers with an event stream is read for a moment and
// closed.
//
// The property is that no response is a 5xx and every response conforms to
// the document (the checks of Client). A failing case is shrunk by
// pgregory.net/rapid to a short sequence, printed with the report, and saved
// under testdata/rapid (-rapid.nofailfile stops that); -rapid.checks=N sets
// the number of cases (default 100) and -rapid.seed repeats a run.
//
// Options give the requests credentials and headers, as New's do: an API
// behind authentication answers every request without them with a 401, and
// no handler runs. So the check also counts, for each operation, how many
// requests were answered with a 2xx (logged with the statuses of the
// others), and fails for an operation that never was, unless
// MayNeverSucceed names it.
//
//	func TestItemsProperties(t *testing.T) {
//		frameworktest.CheckGeneratedRequests(t, func() *framework.App { return newApp(newStore()) },
//			frameworktest.Bearer(testToken))
//	}
func CheckGeneratedRequests(t testing.TB, newApp func() *framework.App, options ...Option) {
	t.Helper()
	// One server and one loaded document serve every case; each case swaps
	// in a fresh App (newApp must build the same API every time).
	var current atomic.Pointer[framework.App]
	current.Store(newApp())
	base := newClient(t, current.Load(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().ServeHTTP(w, r)
	}))
	defer base.close()
	if err := base.settings.apply(options); err != nil {
		t.Fatalf("frameworktest: %v", err)
	}
	checker, err := base.loadChecker()
	if err != nil {
		t.Fatalf("frameworktest: cannot generate requests from the App's OpenAPI document: %v", err)
	}
	operations := documentedOperations(checker.Document())
	if len(operations) == 0 {
		t.Fatalf("frameworktest: the App's document has no operations to generate requests for")
	}
	mayNeverSucceed, err := named(operations, base.settings.mayNeverSucceed)
	if err != nil {
		t.Fatalf("frameworktest: %v", err)
	}
	tallies := make([]tally, len(operations))
	first := true
	var failed atomic.Bool
	rapid.Check(t, func(rt *rapid.T) {
		if !first {
			current.Store(newApp())
		}
		first = false
		c := *base
		c.t = rapidReporter{rt}
		count := rapid.IntRange(1, 16).Draw(rt, "requests")
		seen := &memory{}
		completed := false
		defer func() {
			if !completed || rt.Failed() {
				failed.Store(true)
			}
		}()
		for range count {
			i := rapid.IntRange(0, len(operations)-1).Draw(rt, "operation")
			rt.Logf("operation: %s", operations[i])
			req := generateRequest(rt, operations[i], seen, base.settings.supplies)
			var status int
			if operations[i].streams {
				status = sendForAMoment(&c, req, &tallies[i])
			} else if resp := c.Do(req); resp != nil {
				seen.remember(resp)
				status = resp.StatusCode
			}
			tallies[i].add(status)
			if status >= 500 {
				rt.Fatalf("frameworktest: %s %s answered %d %s: a request must never cause a server error",
					req.Method, req.URL.RequestURI(), status, http.StatusText(status))
			}
		}
		completed = true
	})
	if failed.Load() {
		return // the failure says more than the counts
	}
	reportTallies(t, operations, tallies, mayNeverSucceed)
}

// Bounds on the time a generated request for an event stream is read. An
// App may send the head of a stream only with its first event, and a
// stream may go quiet: once an operation's streams have kept the check
// waiting for streamWaitBudget in all (heads and events that did not come),
// its later requests wait only streamWaitAfterBudget for each. The waits
// before that are generous, so that a machine under load (the race
// detector, a busy CI runner) still reads events that come.
const (
	streamHeadWait        = 250 * time.Millisecond
	streamEventWait       = 250 * time.Millisecond
	streamWaitBudget      = 2 * time.Second
	streamWaitAfterBudget = 10 * time.Millisecond
	streamEvents          = 3
)

// sendForAMoment sends a request for an event stream, reads its first
// events, closes it and returns the status: 0 when no response came in
// time.
func sendForAMoment(c *Client, req *http.Request, tally *tally) int {
	s := c.DoStream(req)
	defer s.Close()
	wait := func(d time.Duration) time.Duration {
		if tally.waited >= streamWaitBudget {
			return streamWaitAfterBudget
		}
		return d
	}
	start := time.Now()
	resp, err := s.Response(wait(streamHeadWait))
	if err != nil {
		tally.waited += time.Since(start)
		return 0
	}
	for range streamEvents {
		start := time.Now()
		if _, err := s.Next(wait(streamEventWait)); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				tally.waited += time.Since(start)
			}
			break
		}
	}
	return resp.StatusCode
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
	streams      bool                // a 2xx answer is an event stream
	// security is the operation's, or else the document's.
	security openapi3.SecurityRequirements
}

// String names the operation in rapid's report of a failing case.
func (o operation) String() string { return fmt.Sprintf("%s %s", o.method, o.path) }

// label names the operation in reports: "GET /items/{id} (get-item)".
func (o operation) label() string {
	if o.op.OperationID != "" {
		return fmt.Sprintf("%s %s (%s)", o.method, o.path, o.op.OperationID)
	}
	return o.String()
}

// streamsEvents reports whether a 2xx answer to op is a text/event-stream.
func streamsEvents(op *openapi3.Operation) bool {
	if op.Responses == nil {
		return false
	}
	for key, ref := range op.Responses.Map() {
		if strings.HasPrefix(key, "2") && ref.Value != nil && ref.Value.Content.Get(conformance.EventStreamMediaType) != nil {
			return true
		}
	}
	return false
}

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
			security := doc.Security
			if op.Security != nil {
				security = *op.Security
			}
			out = append(out, operation{
				method: method, path: path, op: op, parameters: parameters,
				streams: streamsEvents(op), security: security,
			})
		}
	}
	return out
}
