package framework_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type principalKey struct{}

// principalOut answers with the principal the authenticators put in the
// handler's context.
type principalOut struct {
	Body struct {
		Principal string `json:"principal"`
	}
}

func whoAmI(ctx context.Context, _ *noInput) (*principalOut, error) {
	out := &principalOut{}
	out.Body.Principal, _ = ctx.Value(principalKey{}).(string)
	return out, nil
}

// authenticator accepts one secret (and, for HTTP Basic, one user) and
// grants the scopes given; "unavailable" stands for an identity provider
// that cannot be reached.
func authenticator(secret, user string, scopes ...string) framework.Authenticator {
	return func(ctx context.Context, c framework.Credentials) (context.Context, []string, error) {
		switch {
		case c.Secret == "unavailable":
			return nil, nil, huma.Error503ServiceUnavailable("the identity provider cannot be reached")
		case c.Secret != secret || c.User != user:
			return nil, nil, errors.New("unknown credentials " + c.Secret)
		}
		return context.WithValue(ctx, principalKey{}, c.Scheme+":"+c.User+c.Secret), scopes, nil
	}
}

func securedApp(t *testing.T) *framework.App {
	return framework.New(framework.Config{
		Title: "Secured", Version: "1.0.0", Logger: discardLogger(),
		SecuritySchemes: map[string]*huma.SecurityScheme{
			"bearer":    {Type: "http", Scheme: "bearer"},
			"basic":     {Type: "http", Scheme: "basic"},
			"headerKey": {Type: "apiKey", In: "header", Name: "X-API-Key"},
			"queryKey":  {Type: "apiKey", In: "query", Name: "key"},
			"cookieKey": {Type: "apiKey", In: "cookie", Name: "key"},
		},
		Security: []map[string][]string{{"bearer": {}}},
		Authenticators: map[string]framework.Authenticator{
			"bearer":    authenticator("t1", "", "items:read"),
			"basic":     authenticator("s3cret", "alice"),
			"headerKey": authenticator("k1", ""),
			"queryKey":  authenticator("k2", ""),
			"cookieKey": authenticator("k3", ""),
		},
	})
}

// TestSecurityIsEnforcedAsDocumented registers secured operations through
// each registration path and checks each answer on the wire against the
// document (serve checks every response).
func TestSecurityIsEnforcedAsDocumented(t *testing.T) {
	security := func(alternatives ...map[string][]string) []map[string][]string {
		return append([]map[string][]string{}, alternatives...) // never nil: nil means the App's default
	}
	operations := []struct {
		path     string
		security []map[string][]string // nil: the App's default, bearer
	}{
		{"/default", nil},
		{"/public", security()},
		{"/writers", security(map[string][]string{"bearer": {"items:write"}})},
		{"/readers", security(map[string][]string{"bearer": {"items:read"}})},
		{"/basic", security(map[string][]string{"basic": {}})},
		{"/header-key", security(map[string][]string{"headerKey": {}})},
		{"/query-key", security(map[string][]string{"queryKey": {}})},
		{"/cookie-key", security(map[string][]string{"cookieKey": {}})},
		{"/either", security(map[string][]string{"bearer": {}}, map[string][]string{"headerKey": {}})},
		{"/both", security(map[string][]string{"bearer": {}, "headerKey": {}})},
		{"/bearer-or-basic", security(map[string][]string{"bearer": {}}, map[string][]string{"basic": {}})},
		{"/optional", security(map[string][]string{"bearer": {}}, map[string][]string{})},
	}
	requests := []struct {
		path      string
		header    map[string]string
		status    int
		principal string
		challenge string // the WWW-Authenticate values, joined, when not empty
	}{
		{"/default", nil, 401, "", `Bearer realm="Secured"`},
		{"/default", map[string]string{"Authorization": "Bearer t1"}, 200, "bearer:t1", ""},
		{"/default", map[string]string{"Authorization": "bearer t1"}, 200, "bearer:t1", ""},
		{"/default", map[string]string{"Authorization": "Bearer wrong-" + marker}, 401, "", `Bearer realm="Secured", error="invalid_token"`},
		{"/default", map[string]string{"Authorization": "Basic YWxpY2U6czNjcmV0"}, 401, "", ""},
		{"/default", map[string]string{"Authorization": "Bearer unavailable"}, 503, "", ""},
		{"/public", nil, 200, "", ""},
		{"/writers", map[string]string{"Authorization": "Bearer t1"}, 403, "", ""},
		{"/writers", nil, 401, "", ""},
		{"/readers", map[string]string{"Authorization": "Bearer t1"}, 200, "bearer:t1", ""},
		{"/basic", map[string]string{"Authorization": "Basic YWxpY2U6czNjcmV0"}, 200, "basic:alices3cret", ""},
		{"/basic", map[string]string{"Authorization": "Basic Ym9iOnMzY3JldA=="}, 401, "", `Basic realm="Secured", charset="UTF-8"`},
		{"/header-key", map[string]string{"X-API-Key": "k1"}, 200, "headerKey:k1", ""},
		{"/header-key", nil, 401, "", `APIKey realm="Secured", in="header", name="X-API-Key"`},
		{"/query-key?key=k2", nil, 200, "queryKey:k2", ""},
		{"/cookie-key", map[string]string{"Cookie": "key=k3"}, 200, "cookieKey:k3", ""},
		{"/either", map[string]string{"X-API-Key": "k1"}, 200, "headerKey:k1", ""},
		{"/either", map[string]string{"Authorization": "Bearer t1"}, 200, "bearer:t1", ""},
		{"/both", map[string]string{"X-API-Key": "k1"}, 401, "", ""},
		{"/both", map[string]string{"X-API-Key": "k1", "Authorization": "Bearer t1"}, 200, "headerKey:k1", ""},
		{"/optional", nil, 200, "", ""},
		{"/optional", map[string]string{"Authorization": "Bearer t1"}, 200, "bearer:t1", ""},
		{"/optional", map[string]string{"Authorization": "Bearer expired"}, 401, "", `Bearer realm="Secured", error="invalid_token"`},
		// Refused Basic credentials: the bearer challenge says nothing of a
		// token, since none was sent.
		{"/bearer-or-basic", map[string]string{"Authorization": "Basic Ym9iOnMzY3JldA=="}, 401, "", `Bearer realm="Secured", Basic realm="Secured", charset="UTF-8"`},
		{"/bearer-or-basic", map[string]string{"Authorization": "Bearer expired"}, 401, "", `Bearer realm="Secured", error="invalid_token", Basic realm="Secured", charset="UTF-8"`},
	}
	for _, path := range registrationPaths {
		t.Run(path.name, func(t *testing.T) {
			app := securedApp(t)
			for _, op := range operations {
				registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: op.path, Security: op.security,
					Errors: []int{http.StatusServiceUnavailable}}, whoAmI)
			}
			srv := serve(t, app)
			for _, rq := range requests {
				r := roundTrip(t, srv, "GET", path.groupPrefix+rq.path, rq.header, "")
				if r.Status != rq.status {
					t.Errorf("GET %s %v: %d, want %d\n%s", rq.path, rq.header, r.Status, rq.status, r.Raw)
					continue
				}
				if rq.principal != "" && !strings.Contains(r.Body, `"principal":"`+rq.principal+`"`) {
					t.Errorf("GET %s %v: the handler saw %s, want principal %q", rq.path, rq.header, r.Body, rq.principal)
				}
				if rq.challenge != "" && strings.Join(r.Header.Values("WWW-Authenticate"), ", ") != rq.challenge {
					t.Errorf("GET %s: WWW-Authenticate %q, want %q", rq.path, r.Header.Values("WWW-Authenticate"), rq.challenge)
				}
				if strings.Contains(r.Raw, marker) {
					t.Errorf("GET %s: the response repeats the credentials:\n%s", rq.path, r.Raw)
				}
			}
			doc := app.OpenAPI().Paths
			for _, op := range operations {
				responses := doc[path.groupPrefix+op.path].Get.Responses
				secured := op.path != "/public"
				if _, ok := responses["401"]; ok != secured {
					t.Errorf("%s: 401 documented %v, want %v", op.path, ok, secured)
				}
				if _, ok := responses["403"]; ok != (op.path == "/writers" || op.path == "/readers") {
					t.Errorf("%s: 403 documented %v", op.path, ok)
				}
			}
		})
	}
}

// TestSecurityThatCannotBeEnforcedIsRefused: the document must not promise
// a check that nothing makes.
func TestSecurityThatCannotBeEnforcedIsRefused(t *testing.T) {
	cases := []struct {
		name     string
		schemes  map[string]*huma.SecurityScheme
		security []map[string][]string
		problem  string
	}{
		{"an undeclared scheme", nil, []map[string][]string{{"bearer": {}}},
			`its security names the scheme "bearer", which the document does not declare`},
		{"a scheme without an authenticator", map[string]*huma.SecurityScheme{"partner": {Type: "http", Scheme: "bearer"}},
			[]map[string][]string{{"partner": {}}}, `the scheme "partner", which has no authenticator`},
		{"a scheme Signet cannot read", map[string]*huma.SecurityScheme{"mtls": {Type: "mutualTLS"}},
			[]map[string][]string{{"mtls": {}}}, `the scheme "mtls" (type "mutualTLS"), which Signet cannot check`},
	}
	for _, c := range cases {
		for _, path := range registrationPaths {
			app := framework.New(framework.Config{Title: "T", Version: "1", SecuritySchemes: c.schemes, Logger: discardLogger(),
				Authenticators: map[string]framework.Authenticator{"mtls": authenticator("x", "")}})
			err := refusal(t, func() {
				registerVia(path.name, app, huma.Operation{Method: http.MethodGet, Path: "/x", Security: c.security}, whoAmI)
			})
			if !strings.Contains(err.Problem, c.problem) {
				t.Errorf("%s via %s: problem %q lacks %q", c.name, path.name, err.Problem, c.problem)
			}
			if app.OpenAPI().Paths[path.groupPrefix+"/x"] != nil {
				t.Errorf("%s via %s: the refused operation is in the document", c.name, path.name)
			}
		}
	}
}

// TestDocumentLevelConfig: Config.Servers, SecuritySchemes and Security
// are the document's, and the schemes map can be added to.
func TestDocumentLevelConfig(t *testing.T) {
	app := securedApp(t)
	app.OpenAPI().Components.SecuritySchemes["extra"] = &huma.SecurityScheme{Type: "http", Scheme: "bearer"}
	plain := framework.New(framework.Config{Title: "Plain", Version: "1", Servers: []*huma.Server{{URL: "https://api.example.com"}}})
	plain.OpenAPI().Components.SecuritySchemes["late"] = &huma.SecurityScheme{Type: "apiKey", In: "header", Name: "K"}
	rec := recorded(plain, "GET", "/openapi.json")
	for _, want := range []string{`"servers":[{"url":"https://api.example.com"}]`, `"late":{"type":"apiKey"`} {
		if !strings.Contains(strings.Join(strings.Fields(rec.Body.String()), ""), want) {
			t.Errorf("the document lacks %s", want)
		}
	}
	rec = recorded(app, "GET", "/openapi.json")
	for _, want := range []string{`"security":[{"bearer":[]}]`, `"bearer":{"type":"http","scheme":"bearer"}`} {
		if !strings.Contains(strings.Join(strings.Fields(rec.Body.String()), ""), want) {
			t.Errorf("the document lacks %s", want)
		}
	}
}
