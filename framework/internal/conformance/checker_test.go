package conformance

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// bodyAllowed is framework.BodyAllowed (this package cannot import it).
func bodyAllowed(status int) bool {
	return status >= 200 && status != 204 && status != 205 && status != 304
}

const document31 = `{
  "openapi": "3.1.0",
  "info": {"title": "T", "version": "1"},
  "paths": {
    "/things/{id}": {
      "get": {
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {
          "200": {
            "description": "OK",
            "headers": {
              "X-Count": {"required": true, "schema": {"type": "integer", "minimum": 0}},
              "X-Tags": {"schema": {"type": "array", "items": {"type": "integer"}}},
              "X-Flag": {"schema": {"type": "boolean"}}
            },
            "content": {"application/json": {"schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}}}
          },
          "404": {"description": "Not Found", "content": {"application/problem+json": {"schema": {"type": "object", "required": ["title"]}}}},
          "4XX": {"description": "Client Error", "content": {"application/problem+json": {"schema": {"type": "object", "required": ["detail"]}}}},
          "default": {"description": "Error", "content": {"application/problem+json": {"schema": {"type": "object", "required": ["instance"]}}}}
        }
      },
      "head": {
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "OK", "headers": {"X-Head": {"required": true, "schema": {"type": "string"}}}}}
      }
    },
    "/files": {
      "get": {
        "responses": {
          "200": {"description": "OK", "content": {"image/*": {}, "text/plain": {"schema": {"type": "string"}}}},
          "409": {"description": "Conflict", "content": {"application/json": {"schema": {"type": "object"}}}}
        }
      }
    }
  }
}`

func newChecker(t *testing.T, document string) *Checker {
	t.Helper()
	c, err := New([]byte(document), bodyAllowed)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func response(status int, contentType, body string, header ...string) Response {
	h := http.Header{}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		h.Add(header[i], header[i+1])
	}
	return Response{Status: status, Header: h, Body: []byte(body)}
}

// summary is "rule: problem" for each violation, one a line.
func summary(violations []Violation) string {
	lines := make([]string, len(violations))
	for i, v := range violations {
		lines[i] = string(v.Rule) + ": " + v.Problem
	}
	return strings.Join(lines, "\n")
}

func TestCheck(t *testing.T) {
	c := newChecker(t, document31)
	cases := []struct {
		name, method, path string
		resp               Response
		want               string
	}{
		{"conforms; media type parameters are ignored", "GET", "/things/1",
			response(200, "application/json; charset=utf-8", `{"id":1}`, "X-Count", "3", "X-Tags", "1, 2", "X-Flag", "true"), ""},
		{"exact code before range before default: 404 wants a title", "GET", "/things/1",
			response(404, "application/problem+json", `{"detail":"x","instance":"y"}`),
			"body: the body does not match the schema at /: missing property 'title'"},
		{"a range: 400 wants a detail", "GET", "/things/1",
			response(400, "application/problem+json", `{"title":"x","instance":"y"}`),
			"body: the body does not match the schema at /: missing property 'detail'"},
		{"default: 503 wants an instance", "GET", "/things/1",
			response(503, "application/problem+json", `{"title":"x","detail":"y"}`),
			"body: the body does not match the schema at /: missing property 'instance'"},
		{"header values decode by their schema", "GET", "/things/1",
			response(200, "application/json", `{"id":1}`, "X-Count", "-1", "X-Tags", "1,x", "X-Flag", "maybe"),
			"header: the header X-Count does not match its schema: minimum: got -1, want 0\n" +
				"header: the header X-Flag is not a boolean\n" +
				"header: the header X-Tags is not an array: its item \"x\" is not an integer"},
		{"a body that is not JSON", "GET", "/things/1",
			response(200, "application/json", `{"id":`, "X-Count", "1"),
			"body: the body is not valid application/json"},
		{"an explicit HEAD operation is used for HEAD", "HEAD", "/things/1",
			response(200, "", ""), "header: the required header X-Head is missing"},
		{"wildcard media types match", "GET", "/files", response(200, "image/png", "\x89PNG"), ""},
		{"a body without a schema is not decoded", "GET", "/files", response(200, "text/plain", "hello"), ""},
		{"an undocumented media type", "GET", "/files", response(200, "application/pdf", "%PDF"),
			"content-type: the Content-Type is not one the document lists for this status"},
		{"an error documented as JSON is held to its document, not to RFC 9457", "GET", "/files",
			response(409, "application/json", `{"why":"locked"}`), ""},
		{"HEAD of a GET operation: status and headers, no body", "HEAD", "/files",
			response(200, "text/plain", ""), ""},
		{"HEAD of a GET operation: an undocumented status", "HEAD", "/files",
			response(500, "application/problem+json", ""), "status: status 500 is not documented for GET /files"},
		{"no operation: a bodiless 204 with a body", "POST", "/nowhere",
			response(204, "", "x"), "bodiless: a 204 No Content response must not have a body (RFC 9110)"},
		{"no operation: a bodiless 304 that describes content", "GET", "/nowhere",
			response(304, "application/json", ""), "bodiless: a 304 Not Modified response has no content for a Content-Type to describe"},
		{"no operation: a 204 with Content-Length", "DELETE", "/nowhere",
			response(204, "", "", "Content-Length", "0"), "bodiless: a 204 No Content response must not send Content-Length (RFC 9110, section 8.6)"},
		{"no operation: a 304 may send Content-Length", "GET", "/nowhere",
			response(304, "", "", "Content-Length", "12", "ETag", `"x"`), ""},
		{"no operation: fine", "GET", "/openapi.json", response(200, "application/json", "{}"), ""},
		{"a trailing slash is another path", "GET", "/files/", response(404, "text/plain", "404 page not found"),
			"problem: the error is not problem details"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(c.Check(httptest.NewRequest(tc.method, tc.path, nil), tc.resp))
			if got != tc.want {
				t.Errorf("violations:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestCheckAnOpenAPI30Document(t *testing.T) {
	doc := strings.Replace(document31, `"openapi": "3.1.0"`, `"openapi": "3.0.3"`, 1)
	c := newChecker(t, doc)
	got := c.Check(httptest.NewRequest("GET", "/things/1", nil), response(200, "application/json", `{"id":"one"}`, "X-Count", "1"))
	if len(got) != 1 || got[0].Rule != RuleBody || !strings.Contains(got[0].Problem, "at /id") || got[0].Sent != `"one"` {
		t.Errorf("violations: %#v", got)
	}
}

func TestNewRefusesAnInvalidDocument(t *testing.T) {
	_, err := New([]byte(`{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/x": {"get": {"responses": {"200": {}}}}}}`), bodyAllowed)
	if err == nil || !strings.HasPrefix(err.Error(), "conformance: cannot use the OpenAPI document: ") {
		t.Errorf("New: %v", err)
	}
}

// TestNeverLaxerThanOpenapi3filter runs kin-openapi's own response
// validation on the cases of TestCheck that it handles (not HEAD, not 301,
// 304, 307, 308) and asserts that whatever it refuses, the checker refuses
// too.
func TestNeverLaxerThanOpenapi3filter(t *testing.T) {
	c := newChecker(t, document31)
	responses := []struct {
		method, path string
		resp         Response
		kinRefuses   bool
	}{
		{"GET", "/things/1", response(200, "application/json", `{"id":1}`, "X-Count", "3"), false},
		{"GET", "/things/1", response(200, "application/json", `{"id":"1"}`, "X-Count", "3"), true},
		{"GET", "/things/1", response(200, "application/json", `{"id":1}`), true},
		{"GET", "/things/1", response(200, "application/json", `{"id":1}`, "X-Count", "-3"), true},
		{"GET", "/things/1", response(200, "text/html", `<p>`, "X-Count", "3"), true},
		{"GET", "/things/1", response(404, "application/problem+json", `{"detail":"x"}`), true},
		{"GET", "/things/1", response(418, "application/problem+json", `{"detail":"x"}`), false},
		{"GET", "/things/1", response(418, "application/problem+json", `{"title":"x"}`), true},
		{"GET", "/things/1", response(503, "application/problem+json", `{"instance":"x"}`), false},
		{"GET", "/files", response(409, "application/json", `[]`), true},
		{"GET", "/files", response(200, "application/pdf", `%PDF`), true},
		{"GET", "/files", response(500, "application/problem+json", `{}`), true},
	}
	options := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}
	for _, r := range responses {
		req := httptest.NewRequest(r.method, r.path, nil)
		route, params, err := c.router.FindRoute(req)
		if err != nil {
			t.Fatal(err)
		}
		kinErr := openapi3filter.ValidateResponse(context.Background(), (&openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
			Status:                 r.resp.Status, Header: r.resp.Header, Options: options,
		}).SetBodyBytes(r.resp.Body))
		if (kinErr != nil) != r.kinRefuses {
			t.Errorf("%s %s %d: openapi3filter refuses it: %v, want %v (%v)", r.method, r.path, r.resp.Status, kinErr != nil, r.kinRefuses, kinErr)
		}
		ours := c.Check(req, r.resp)
		if kinErr != nil && len(ours) == 0 {
			t.Errorf("%s %s %d: openapi3filter refuses it (%v), the checker accepts it", r.method, r.path, r.resp.Status, kinErr)
		}
		if kinErr == nil && len(ours) > 0 {
			t.Logf("%s %s %d: only the checker refuses it: %s", r.method, r.path, r.resp.Status, summary(ours))
		}
	}
}
