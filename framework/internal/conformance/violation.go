package conformance

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Rule names what a response broke.
type Rule string

// The rules a response is checked against.
const (
	RuleStatus      Rule = "status"       // the status is documented for the operation
	RuleBodiless    Rule = "bodiless"     // 1xx, 204, 205 and 304 carry no body
	RuleContentType Rule = "content-type" // the Content-Type is one documented for the status
	RuleBody        Rule = "body"         // the body validates against the documented schema
	RuleHeader      Rule = "header"       // documented headers are present when required, and valid
	RuleProblem     Rule = "problem"      // errors (4xx, 5xx) are RFC 9457 problem details
	RuleEvent       Rule = "event"        // each server-sent event is of a documented type and matches its schema
)

// Violation is one way a response departs from the document.
type Violation struct {
	Method string // the request method
	Path   string // the request path, with its query
	Status int    // the status sent
	// Operation is the documented operation the request was routed to, as
	// "GET /items/{id}", or "" when no operation matched.
	Operation  string
	Rule       Rule
	Problem    string // what is wrong, in a sentence
	Documented string // what the document says
	Sent       string // what the response sent
}

// Error formats the violation on three lines:
//
//	GET /items/42 answered 418 I'm a teapot: status 418 is not documented for GET /items/{id}
//	    documented: 200 OK, 404 Not Found
//	    sent:       418 I'm a teapot
func (v Violation) Error() string {
	return fmt.Sprintf("%s %s answered %s: %s\n    documented: %s\n    sent:       %s",
		v.Method, v.Path, statusName(v.Status), v.Problem, v.Documented, v.Sent)
}

// verdict collects the violations of one response.
type verdict struct {
	req         *http.Request
	resp        Response
	bodyAllowed func(int) bool
	// jsonSchema2020 applies schemas as JSON Schema 2020-12 (OpenAPI 3.1).
	jsonSchema2020 bool
	// headOnly checks the status, headers and Content-Type of a response
	// whose body is read as it arrives.
	headOnly   bool
	operation  string
	violations []Violation
}

func (v *verdict) add(rule Rule, problem, documented, sent string) {
	v.violations = append(v.violations, Violation{
		Method: v.req.Method, Path: v.req.URL.RequestURI(), Status: v.resp.Status,
		Operation: v.operation, Rule: rule, Problem: problem, Documented: documented, Sent: sent,
	})
}

// statusName is "404 Not Found", or the bare number for an unregistered code.
func statusName(status int) string {
	if text := http.StatusText(status); text != "" {
		return strconv.Itoa(status) + " " + text
	}
	return strconv.Itoa(status)
}

// excerptLimit is how much of a sent body a violation quotes.
const excerptLimit = 120

// describeBody says what body was sent: its size, media type and first bytes.
func describeBody(header http.Header, body []byte) string {
	if len(body) == 0 {
		return "no body"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d bytes", len(body))
	if ct := header.Get("Content-Type"); ct != "" {
		fmt.Fprintf(&b, " of %s", ct)
	} else {
		b.WriteString(" without a Content-Type")
	}
	fmt.Fprintf(&b, ": %s", excerpt(body))
	return b.String()
}

// excerpt quotes the start of a body.
func excerpt(body []byte) string {
	if len(body) <= excerptLimit {
		return strconv.Quote(string(body))
	}
	return strconv.Quote(string(body[:excerptLimit])) + "..."
}
