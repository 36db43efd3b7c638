package framework_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type narrowQuery struct {
	N int32 `query:"n"`
	B int8  `query:"b"`
	U uint8 `query:"u"`
}

// TestInputPolicyOnEveryRegistrationPath sends the same requests to
// operations registered through each path, on the wire, and expects the
// same answers, each checked against the App's document (serve checks
// every response: an undocumented status fails the test).
func TestInputPolicyOnEveryRegistrationPath(t *testing.T) {
	body := func(n int) string { // {"name":"xxx"} of n bytes
		return `{"name":"` + strings.Repeat("x", n-len(`{"name":""}`)) + `"}`
	}
	tests := []struct {
		name    string
		method  string
		target  string
		header  map[string]string
		body    string
		status  int
		detail  string // a fragment the problem's detail must have
		without string // what the response must not contain
		// typed is set for what only framework.Register can see: Go types
		// narrower than the int32 Huma documents for every narrow integer.
		typed bool
	}{
		{name: "a body without a Content-Type", method: "POST", target: "/things", body: body(30),
			status: 415, detail: "no Content-Type; send one of: application/json"},
		{name: "a media type the operation does not document", method: "POST", target: "/things", body: body(30),
			header: map[string]string{"Content-Type": "application/merge-patch+json"},
			status: 415, detail: "send one of: application/json", without: "merge-patch"},
		{name: "the 415 does not repeat the Content-Type", method: "POST", target: "/things", body: body(30),
			header: map[string]string{"Content-Type": "text/x-" + marker},
			status: 415, without: marker},
		{name: "media types are case-insensitive", method: "POST", target: "/things", body: body(30),
			header: map[string]string{"Content-Type": "APPLICATION/JSON; Charset=UTF-8"}, status: 201},
		{name: "a body of exactly the limit", method: "POST", target: "/things", body: body(100),
			header: map[string]string{"Content-Type": "application/json"}, status: 201},
		{name: "a body one byte over the limit", method: "POST", target: "/things", body: body(101),
			header: map[string]string{"Content-Type": "application/json"}, status: 413, detail: "larger than 100 bytes"},
		{name: "an empty body with no Content-Type", method: "POST", target: "/things", status: 400},
		{name: "an int32 query that does not fit", method: "GET", target: "/narrow?n=4294967297", status: 422, detail: "validation failed"},
		{name: "an int8 query that does not fit", method: "GET", target: "/narrow?b=200", status: 422, typed: true},
		{name: "a uint8 query that does not fit", method: "GET", target: "/narrow?u=256", status: 422, typed: true},
		{name: "narrow integers that fit", method: "GET", target: "/narrow?n=-2147483648&b=-128&u=255", status: 200},
	}
	for _, path := range registrationPaths {
		t.Run(path.name, func(t *testing.T) {
			app := framework.New(framework.Config{Title: "Policy", Version: "1", MaxBodyBytes: 100, Logger: discardLogger()})
			registerVia(path.name, app, huma.Operation{Method: http.MethodPost, Path: "/things", DefaultStatus: http.StatusCreated},
				func(context.Context, *struct{ Body itemBody }) (*withBody, error) {
					return &withBody{Body: itemBody{Name: "ok"}}, nil
				})
			registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: "/narrow"},
				func(context.Context, *narrowQuery) (*withBody, error) {
					return &withBody{Body: itemBody{Name: "ok"}}, nil
				})
			srv := serve(t, app)
			for _, tt := range tests {
				if tt.typed && !strings.HasPrefix(path.name, "framework") {
					continue
				}
				r := roundTrip(t, srv, tt.method, path.groupPrefix+tt.target, tt.header, tt.body)
				if r.Status != tt.status {
					t.Errorf("%s: status %d, want %d\n%s", tt.name, r.Status, tt.status, r.Raw)
				}
				if tt.detail != "" && !strings.Contains(r.Body, tt.detail) {
					t.Errorf("%s: the problem lacks %q: %s", tt.name, tt.detail, r.Body)
				}
				if tt.without != "" && strings.Contains(r.Raw, tt.without) {
					t.Errorf("%s: the response repeats %q:\n%s", tt.name, tt.without, r.Raw)
				}
			}
		})
	}
}
