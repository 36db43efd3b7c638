package humacompat

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// Errors: huma.NewError and the ErrorNNN helpers, errors that are not
// status errors, wrapped errors, errors with headers, panics.

type failIn struct {
	Status int `query:"status"`
}

// helperErrors are Huma's helpers by status, for the row that goes
// through them all.
var helperErrors = map[int]func(string, ...error) huma.StatusError{
	400: huma.Error400BadRequest, 401: huma.Error401Unauthorized, 403: huma.Error403Forbidden,
	404: huma.Error404NotFound, 405: huma.Error405MethodNotAllowed, 406: huma.Error406NotAcceptable,
	409: huma.Error409Conflict, 410: huma.Error410Gone, 412: huma.Error412PreconditionFailed,
	415: huma.Error415UnsupportedMediaType, 422: huma.Error422UnprocessableEntity, 428: huma.Error428PreconditionRequired,
	429: huma.Error429TooManyRequests, 500: huma.Error500InternalServerError, 501: huma.Error501NotImplemented,
	502: huma.Error502BadGateway, 503: huma.Error503ServiceUnavailable, 504: huma.Error504GatewayTimeout,
}

// teapotError is an error type of the application's that carries its own
// status, as huma.StatusError allows.
type teapotError struct{ reason string }

func (e *teapotError) Error() string  { return "teapot: " + e.reason }
func (e *teapotError) GetStatus() int { return http.StatusTeapot }

// quotaError carries its own status and headers, as huma.StatusError and
// huma.HeadersError allow.
type quotaError struct{}

func (quotaError) Error() string  { return "quota exceeded" }
func (quotaError) GetStatus() int { return http.StatusTooManyRequests }
func (quotaError) GetHeaders() http.Header {
	return http.Header{"Retry-After": {"60"}, "X-Quota": {"0"}}
}

func errorRows() []row {
	fail := func(err error) func(context.Context, *struct{}) (*itemOut, error) {
		return func(context.Context, *struct{}) (*itemOut, error) { return nil, err }
	}
	var helperRequests []request
	for _, status := range []int{400, 401, 403, 404, 405, 406, 409, 410, 412, 415, 422, 428, 429, 500, 501, 502, 503, 504} {
		helperRequests = append(helperRequests, GET(fmt.Sprintf("/fail?status=%d", status)))
	}
	return []row{
		{name: "errors/helpers", setup: func(r routes) {
			get(r, "/fail", func(_ context.Context, in *failIn) (*itemOut, error) {
				return nil, helperErrors[in.Status]("it failed")
			})
		}, requests: helperRequests},
		{name: "errors/new-error-with-details", setup: func(r routes) {
			get(r, "/fail", fail(huma.NewError(http.StatusConflict, "name taken",
				&huma.ErrorDetail{Location: "body.name", Message: "already used", Value: "Tom"},
				errors.New("second reason"))))
		}, requests: []request{GET("/fail")}},
		{name: "errors/422-with-value", setup: func(r routes) {
			get(r, "/fail", fail(huma.Error422UnprocessableEntity("invalid", &huma.ErrorDetail{Location: "query.q", Message: "bad", Value: "secret"})))
		}, requests: []request{GET("/fail")}},
		{name: "errors/5xx-with-details", setup: func(r routes) {
			get(r, "/fail", fail(huma.Error503ServiceUnavailable("try later", errors.New("dial tcp 10.0.0.5:5432: connection refused"))))
		}, requests: []request{GET("/fail")}},
		{name: "errors/not-a-status-error", setup: func(r routes) {
			get(r, "/fail", fail(errors.New("open /etc/app/secret.db: permission denied")))
		}, requests: []request{GET("/fail")}},
		{name: "errors/wrapped-status-error", setup: func(r routes) {
			get(r, "/fail", fail(fmt.Errorf("loading item: %w", huma.Error404NotFound("no such item"))))
		}, requests: []request{GET("/fail")}},
		{name: "errors/own-status-error-type", setup: func(r routes) {
			get(r, "/fail", fail(&teapotError{reason: "short and stout"}))
		}, requests: []request{GET("/fail")}},
		{name: "errors/with-headers", setup: func(r routes) {
			get(r, "/fail", fail(huma.ErrorWithHeaders(huma.Error429TooManyRequests("slow down"), http.Header{"Retry-After": {"30"}})))
		}, requests: []request{GET("/fail")}},
		{name: "errors/own-headers-error-type", setup: func(r routes) {
			get(r, "/fail", fail(quotaError{}))
		}, requests: []request{GET("/fail")}},
		{name: "errors/headers-on-plain-error", setup: func(r routes) {
			get(r, "/fail", fail(huma.ErrorWithHeaders(errors.New("internal"), http.Header{"X-Trace": {"t1"}})))
		}, requests: []request{GET("/fail")}},
		{name: "errors/status-304", setup: func(r routes) {
			get(r, "/fail", fail(huma.Status304NotModified()))
		}, requests: []request{GET("/fail")}},
		{name: "errors/panic", setup: func(r routes) {
			get(r, "/panic", func(context.Context, *struct{}) (*itemOut, error) { panic("boom") })
		}, requests: []request{GET("/panic")}},
		{name: "errors/accept-problem-json", setup: func(r routes) {
			get(r, "/fail", fail(huma.Error404NotFound("no such item")))
		}, requests: []request{GET("/fail", "Accept: application/problem+json"), GET("/fail", "Accept: application/json"), GET("/fail", "Accept: text/html")}},
	}
}
