// Package conformance checks HTTP responses against the OpenAPI document
// that describes them. It is the logic shared by the frameworktest client
// and the framework's development-mode response validation.
//
// The document is loaded and its schemas are applied by kin-openapi
// (routers for finding the operation, openapi3 for JSON Schema). This
// package adds what kin-openapi does not check: that the status is
// documented for every status (kin-openapi skips 3xx and HEAD), that
// bodiless statuses carry no body, that headers are checked on every status,
// that errors are RFC 9457 problem details, and that server-sent events are
// of documented types and match their schemas, one by one.
package conformance

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// Checker checks responses against one OpenAPI document. It is safe for
// concurrent use.
type Checker struct {
	doc         *openapi3.T
	router      routers.Router
	templates   map[string]*regexp.Regexp // path template -> what it matches
	bodyAllowed func(status int) bool
}

// New loads an OpenAPI document (JSON or YAML, 3.0 or 3.1) for checking.
// bodyAllowed decides which statuses may carry content; Signet passes
// framework.BodyAllowed, so the rule has a single definition.
func New(document []byte, bodyAllowed func(status int) bool) (*Checker, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(document)
	if err != nil {
		return nil, fmt.Errorf("conformance: cannot load the OpenAPI document: %w", err)
	}
	// Requests are routed by path alone: the App serves the document's paths
	// at the root, whatever public servers the document lists. The router
	// validates the document first: responses cannot match an invalid one.
	routing := *doc
	routing.Servers = nil
	router, err := legacy.NewRouter(&routing)
	if err != nil {
		return nil, fmt.Errorf("conformance: cannot use the OpenAPI document: %w", err)
	}
	templates := map[string]*regexp.Regexp{}
	for path := range doc.Paths.Map() {
		templates[path] = templateRegexp(path)
	}
	return &Checker{doc: doc, router: router, templates: templates, bodyAllowed: bodyAllowed}, nil
}

// Response is a response as the client received it.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Check checks resp, the answer to req, and returns every way it departs
// from the document; none means it conforms. A request that matches no
// operation (an unknown path, the document and docs routes) is checked only
// against the rules that hold for every response: no body on a bodiless
// status, and errors as problem details.
func (c *Checker) Check(req *http.Request, resp Response) []Violation {
	return c.check(&verdict{req: req, resp: resp, bodyAllowed: c.bodyAllowed, jsonSchema2020: c.doc.IsOpenAPI31OrLater()})
}

// CheckHead checks the head of a response whose body is read as it arrives,
// such as a stream of server-sent events: its status, its headers and its
// Content-Type. The events are checked one by one with CheckEvent.
func (c *Checker) CheckHead(req *http.Request, status int, header http.Header) []Violation {
	return c.check(&verdict{
		req: req, resp: Response{Status: status, Header: header}, bodyAllowed: c.bodyAllowed,
		jsonSchema2020: c.doc.IsOpenAPI31OrLater(), headOnly: true,
	})
}

func (c *Checker) check(v *verdict) []Violation {
	req, resp := v.req, v.resp
	route := c.findRoute(req)
	if route == nil {
		v.checkBodiless()
		v.checkProblem(nil)
		return v.violations
	}
	v.operation = route.Method + " " + route.Path
	response := documentedResponse(route.Operation, resp.Status)
	if response == nil {
		v.add(RuleStatus, fmt.Sprintf("status %d is not documented for %s", resp.Status, v.operation),
			documentedStatuses(route.Operation), statusName(resp.Status))
		v.checkBodiless()
		v.checkProblem(nil)
		return v.violations
	}
	v.checkHeaders(response)
	if !v.checkBodiless() {
		return v.violations
	}
	if !v.checkProblem(response) {
		return v.violations
	}
	v.checkContent(response)
	return v.violations
}

// Document returns the loaded document, for generating requests from it.
// Callers must not modify it.
func (c *Checker) Document() *openapi3.T { return c.doc }

// findRoute finds the operation req is for. HEAD is answered by the GET
// operation of the same path unless the document has a HEAD operation.
func (c *Checker) findRoute(req *http.Request) *routers.Route {
	route, _, err := c.router.FindRoute(req)
	if err != nil && req.Method == http.MethodHead {
		// kin-openapi's router says "no matching operation" for a templated
		// path that has no HEAD, so any failure sends HEAD on to GET.
		get := req.Clone(context.Background())
		get.Method = http.MethodGet
		route, _, err = c.router.FindRoute(get)
	}
	if err != nil || !c.templates[route.Path].MatchString(req.URL.EscapedPath()) {
		// kin-openapi's router also takes "/items/" for "/items"; chi,
		// which routes the App, does not.
		return nil
	}
	return route
}

// templateRegexp matches the paths a path template stands for, as chi
// routes them: each {name} is one non-empty path segment.
func templateRegexp(template string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for rest := template; rest != ""; {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:open]))
		b.WriteString("[^/]+")
		rest = rest[end+1:]
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
