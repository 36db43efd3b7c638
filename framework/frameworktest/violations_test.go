package frameworktest_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// Each test here registers a handler that breaks the document on purpose
// and asserts the exact report a user sees.

func newTestApp() *framework.App {
	return framework.New(framework.Config{
		Title: "Violations", Version: "1.0.0",
		Logger: slog.New(slog.DiscardHandler), // the planted errors are expected
		// Operations that name the bearer scheme require secretToken.
		SecuritySchemes: map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}},
		Authenticators:  map[string]framework.Authenticator{"bearer": acceptSecretToken},
	})
}

// acceptSecretToken accepts secretToken and nothing else.
func acceptSecretToken(ctx context.Context, c framework.Credentials) (context.Context, []string, error) {
	if c.Secret != secretToken {
		return nil, nil, errors.New("not the token")
	}
	return ctx, nil, nil
}

// document adds an operation to app's document by hand, for a raw handler
// mounted on the router that may send what framework handlers cannot.
func document(app *framework.App, method, path string, responses map[string]*huma.Response) {
	app.OpenAPI().AddOperation(&huma.Operation{
		OperationID: method + path, Method: method, Path: path, Responses: responses,
	})
}

var problemResponse = &huma.Response{
	Description: "Error",
	Content:     map[string]*huma.MediaType{"application/problem+json": {Schema: &huma.Schema{Type: "object"}}},
}

type thing struct {
	ID     int64   `json:"id"`
	Status string  `json:"status" enum:"active,archived"`
	Price  float64 `json:"price" minimum:"0"`
}

type thingInput struct {
	ID int64 `path:"id"`
}

type thingOutput struct {
	Body thing
}

func TestUndocumentedStatus(t *testing.T) {
	app := newTestApp()
	framework.Get(app, "/things/{id}", func(ctx context.Context, in *thingInput) (*thingOutput, error) {
		return nil, huma.Error409Conflict("the thing is locked") // only 404 is documented
	}, func(op *framework.Operation) { op.Errors = []int{http.StatusNotFound} })

	r := newRecorder(t)
	c := frameworktest.New(r, app)
	c.Get("/things/7")
	c.Head("/things/7") // HEAD is answered, and checked, by the GET operation
	expectReports(t, r, `frameworktest: GET /things/7 answered 409 Conflict: status 409 is not documented for GET /things/{id}
    documented: 200 OK, 404 Not Found, 422 Unprocessable Entity, 500 Internal Server Error, 504 Gateway Timeout
    sent:       409 Conflict`, `frameworktest: HEAD /things/7 answered 409 Conflict: status 409 is not documented for GET /things/{id}
    documented: 200 OK, 404 Not Found, 422 Unprocessable Entity, 500 Internal Server Error, 504 Gateway Timeout
    sent:       409 Conflict`)
}

func TestStatusRangesAndDefaultAreDocumentation(t *testing.T) {
	app := newTestApp()
	app.Router().Get("/teapot", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte(`{"title":"I'm a teapot","status":418}`))
	})
	document(app, http.MethodGet, "/teapot", map[string]*huma.Response{"4XX": problemResponse})
	app.Router().Get("/gone", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusGone)
		_, _ = w.Write([]byte(`{"title":"Gone","status":410}`))
	})
	document(app, http.MethodGet, "/gone", map[string]*huma.Response{"default": problemResponse})

	r := newRecorder(t)
	c := frameworktest.New(r, app)
	c.Get("/teapot")
	c.Get("/gone")
	expectReports(t, r)
}

func TestBodyOnBodilessStatus(t *testing.T) {
	app := newTestApp()
	// net/http lets a handler send a body with 205 Reset Content, which
	// RFC 9110 section 15.3.6 forbids. Framework handlers cannot; a raw one can.
	app.Router().Post("/form/reset", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusResetContent)
		_, _ = w.Write([]byte("form cleared"))
	})
	document(app, http.MethodPost, "/form/reset", map[string]*huma.Response{"205": {Description: "Reset Content"}})

	r := newRecorder(t)
	frameworktest.New(r, app).Post("/form/reset", nil)
	expectReports(t, r, `frameworktest: POST /form/reset answered 205 Reset Content: a 205 Reset Content response must not have a body (RFC 9110)
    documented: no content
    sent:       12 bytes of text/plain; charset=utf-8: "form cleared"`)
}

type textOutput struct {
	ContentType string `header:"Content-Type"`
	Body        []byte
}

func TestUndocumentedContentType(t *testing.T) {
	app := newTestApp()
	framework.Get(app, "/greeting", func(ctx context.Context, _ *struct{}) (*textOutput, error) {
		return &textOutput{ContentType: "text/plain", Body: []byte("hello")}, nil
	})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/greeting")
	expectReports(t, r, `frameworktest: GET /greeting answered 200 OK: the Content-Type is not one the document lists for this status
    documented: application/json
    sent:       Content-Type: text/plain`)
}

func TestBodyOutsideTheSchema(t *testing.T) {
	app := newTestApp()
	framework.Get(app, "/things/{id}", func(ctx context.Context, in *thingInput) (*thingOutput, error) {
		return &thingOutput{Body: thing{ID: in.ID, Status: "deleted", Price: -1}}, nil
	})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/things/7")
	expectReports(t, r,
		`frameworktest: GET /things/7 answered 200 OK: the body does not match the schema at /price: minimum: got -1, want 0
    documented: "minimum": 0
    sent:       -1`,
		`frameworktest: GET /things/7 answered 200 OK: the body does not match the schema at /status: value must be one of 'active', 'archived'
    documented: "enum": ["active","archived"]
    sent:       "deleted"`)
}

func TestBodyWhereNoneIsDocumented(t *testing.T) {
	app := newTestApp()
	app.Router().Get("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("pong"))
	})
	document(app, http.MethodGet, "/ping", map[string]*huma.Response{"200": {Description: "OK"}})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/ping")
	expectReports(t, r, `frameworktest: GET /ping answered 200 OK: the documented response has no content, but a body was sent
    documented: no content
    sent:       4 bytes of text/plain: "pong"`)
}

func TestNoBodyWhereContentIsDocumented(t *testing.T) {
	app := newTestApp()
	app.Router().Get("/thing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
	})
	document(app, http.MethodGet, "/thing", map[string]*huma.Response{"200": {
		Description: "OK",
		Content:     map[string]*huma.MediaType{"application/json": {Schema: &huma.Schema{Type: "object"}}},
	}})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/thing")
	expectReports(t, r, `frameworktest: GET /thing answered 200 OK: the documented response has content, but no body was sent
    documented: application/json
    sent:       no body`)
}

type limitedOutput struct {
	Remaining int `header:"RateLimit-Remaining" minimum:"0"`
	Body      string
}

func TestDocumentedHeaders(t *testing.T) {
	app := newTestApp()
	framework.Get(app, "/limited", func(ctx context.Context, _ *struct{}) (*limitedOutput, error) {
		return &limitedOutput{Remaining: -5, Body: "ok"}, nil // and no X-Request-Id
	}, func(op *framework.Operation) {
		op.Responses = map[string]*huma.Response{"200": {Headers: map[string]*huma.Header{
			"X-Request-Id": {Required: true, Schema: &huma.Schema{Type: "string"}},
		}}}
	})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/limited")
	expectReports(t, r,
		`frameworktest: GET /limited answered 200 OK: the header RateLimit-Remaining does not match its schema: minimum: got -5, want 0
    documented: RateLimit-Remaining: "minimum": 0
    sent:       RateLimit-Remaining: -5`,
		`frameworktest: GET /limited answered 200 OK: the required header X-Request-Id is missing
    documented: X-Request-Id: a string (required)
    sent:       no X-Request-Id header`)
}

func TestHeadersOnARedirect(t *testing.T) {
	// kin-openapi skips 301, 304, 307 and 308 entirely; the headers of those
	// responses are checked all the same.
	app := newTestApp()
	app.Router().Get("/old", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusPermanentRedirect) // and no Location
	})
	document(app, http.MethodGet, "/old", map[string]*huma.Response{"308": {
		Description: "Permanent Redirect",
		Headers:     map[string]*huma.Header{"Location": {Required: true, Schema: &huma.Schema{Type: "string"}}},
	}})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/old")
	expectReports(t, r, `frameworktest: GET /old answered 308 Permanent Redirect: the required header Location is missing
    documented: Location: a string (required)
    sent:       no Location header`)
}

func TestErrorsAreProblemDetails(t *testing.T) {
	app := newTestApp()
	app.Router().Get("/reports", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database is down", http.StatusServiceUnavailable)
	})
	document(app, http.MethodGet, "/reports", map[string]*huma.Response{
		"200": {Description: "OK"}, "default": problemResponse,
	})
	app.Router().Get("/audits", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"title":"Bad Request","status":500,"detail":42}`))
	})
	document(app, http.MethodGet, "/audits", map[string]*huma.Response{
		"200": {Description: "OK"}, "default": problemResponse,
	})

	r := newRecorder(t)
	c := frameworktest.New(r, app)
	c.Get("/reports")
	c.Get("/audits")
	expectReports(t, r,
		`frameworktest: GET /reports answered 503 Service Unavailable: the error is not problem details
    documented: application/problem+json (RFC 9457)
    sent:       17 bytes of text/plain; charset=utf-8: "database is down\n"`,
		`frameworktest: GET /audits answered 400 Bad Request: the problem's "status" member is not the status sent
    documented: "status": 400
    sent:       "status": 500`,
		`frameworktest: GET /audits answered 400 Bad Request: the problem's "detail" member is not a string
    documented: "detail": a string
    sent:       "detail": 42`)
}

func TestUndocumentedRoutesAreHeldToTheGeneralRules(t *testing.T) {
	app := newTestApp()
	app.Router().Get("/metrics", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "forbidden", http.StatusForbidden)
	})

	r := newRecorder(t)
	frameworktest.New(r, app).Get("/metrics")
	expectReports(t, r, `frameworktest: GET /metrics answered 403 Forbidden: the error is not problem details
    documented: application/problem+json (RFC 9457)
    sent:       10 bytes of text/plain; charset=utf-8: "forbidden\n"`)
}

func TestABadHeaderArgumentStopsTheTest(t *testing.T) {
	r := newRecorder(t)
	c := frameworktest.New(r, newTestApp())
	msg := catchFatal(func() { c.Get("/", "Accept application/json") })
	want := `frameworktest: GET /: header "Accept application/json" is not written "Name: value"`
	if msg != want {
		t.Errorf("Fatalf(%q), want %q", msg, want)
	}
}
