package frameworktest

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// tally counts the answers to the generated requests of one operation.
type tally struct {
	sent, succeeded int
	statuses        map[int]int   // 0: no answer in time
	waited          time.Duration // for the heads of streams that did not come
}

func (t *tally) add(status int) {
	t.sent++
	if status >= 200 && status < 300 {
		t.succeeded++
	}
	if t.statuses == nil {
		t.statuses = map[int]int{}
	}
	t.statuses[status]++
}

// refusedAll reports whether every request was answered 401 or 403.
func (t *tally) refusedAll() bool {
	return t.sent > 0 && t.statuses[http.StatusUnauthorized]+t.statuses[http.StatusForbidden] == t.sent
}

// answers lists the statuses other than 2xx and how often each came:
// "401 Unauthorized ×12, 422 Unprocessable Entity ×3".
func (t *tally) answers() string {
	var parts []string
	for _, status := range slices.Sorted(maps.Keys(t.statuses)) {
		if status >= 200 && status < 300 {
			continue
		}
		name := statusName(status)
		if status == 0 {
			name = "no response in time"
		}
		parts = append(parts, fmt.Sprintf("%s ×%d", name, t.statuses[status]))
	}
	return strings.Join(parts, ", ")
}

// reportTallies logs how many requests of each operation were answered
// with a 2xx, and fails the test for each operation none of whose requests
// was, unless the test said that may be.
func reportTallies(t testing.TB, operations []operation, tallies []tally, mayNeverSucceed map[int]bool) {
	t.Helper()
	var log strings.Builder
	log.WriteString("frameworktest: generated requests answered with a 2xx, by operation:")
	for i, o := range operations {
		fmt.Fprintf(&log, "\n    %s: %d of %d", o.label(), tallies[i].succeeded, tallies[i].sent)
		if others := tallies[i].answers(); others != "" {
			fmt.Fprintf(&log, " (others: %s)", others)
		}
	}
	t.Logf("%s", log.String())
	for i, o := range operations {
		tally := tallies[i]
		switch {
		case tally.succeeded > 0 || mayNeverSucceed[i]:
		case testing.Short() && !tally.refusedAll():
			// A fifth of the cases (rapid's -short) may well miss an
			// operation that succeeds only after others; an operation
			// refused every time fails all the same.
			t.Logf("frameworktest: %s: none of the %d generated requests was answered with a 2xx (not a failure under -short)",
				o.label(), tally.sent)
		case tally.sent == 0:
			t.Errorf("frameworktest: %s: no generated request was sent to it; run more cases (-rapid.checks=N), "+
				"or name it in frameworktest.MayNeverSucceed", o.label())
		default:
			t.Errorf("frameworktest: %s: none of the %d generated requests was answered with a 2xx, so its handler may never have run\n"+
				"    answered: %s\n"+
				"    %s", o.label(), tally.sent, tally.answers(), advice(o))
		}
	}
}

// advice says what to do about an operation that never succeeded.
func advice(o operation) string {
	const otherwise = "if no generated request can succeed, name the operation in frameworktest.MayNeverSucceed"
	if len(o.security) == 0 || slices.ContainsFunc(o.security, func(r openapi3.SecurityRequirement) bool { return len(r) == 0 }) {
		// No security, or an empty requirement: anonymous requests may pass.
		return "if the operation needs credentials or headers, pass them as options (frameworktest.Bearer, BasicAuth, APIKey, Header); " + otherwise
	}
	var schemes []string
	for _, requirement := range o.security {
		schemes = append(schemes, strings.Join(slices.Sorted(maps.Keys(requirement)), " and "))
	}
	return fmt.Sprintf("its security requires %s: pass credentials as options (frameworktest.Bearer, BasicAuth, APIKey); %s",
		strings.Join(schemes, " or "), otherwise)
}

// named finds the operations MayNeverSucceed names, by operationId or as
// "METHOD /path".
func named(operations []operation, names []string) (map[int]bool, error) {
	found := map[int]bool{}
	for _, name := range names {
		matched := false
		for i, o := range operations {
			method, path, _ := strings.Cut(name, " ")
			if o.op.OperationID == name || (strings.EqualFold(method, o.method) && path == o.path) {
				found[i], matched = true, true
			}
		}
		if !matched {
			known := make([]string, len(operations))
			for i, o := range operations {
				known[i] = o.label()
			}
			return nil, fmt.Errorf("MayNeverSucceed(%q): the document has no such operation; it has %s",
				name, strings.Join(known, ", "))
		}
	}
	return found, nil
}
