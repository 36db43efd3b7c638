package framework

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// An Authenticator checks the credentials a request carries for one
// security scheme of the App (Config.Authenticators), as FastAPI's Security
// dependencies do. It returns the context the handler will see, with the
// principal in it, and the scopes the credentials grant; the request's
// context when there is nothing to add.
//
// It returns an error when the credentials are not valid: the request is
// answered 401 Unauthorized with a WWW-Authenticate challenge, and the
// error is not shown to the client. A huma.StatusError keeps its own status
// (a 503 when the identity provider cannot be reached, say; document it in
// the operation's Errors). Scopes are Signet's to compare: when the
// credentials do not grant every scope the operation requires under the
// scheme, the request is answered 403 Forbidden.
type Authenticator func(ctx context.Context, credentials Credentials) (context.Context, []string, error)

// Credentials are what a request presents for one security scheme.
type Credentials struct {
	// Scheme is the scheme's name, as in Config.SecuritySchemes.
	Scheme string
	// Secret is the bearer token, the API key, or HTTP Basic's password.
	Secret string
	// User is HTTP Basic's user ID; empty for other schemes.
	User string
	// Scopes are the scopes the operation requires under the scheme.
	Scopes []string
}

// securityGuard enforces one operation's security requirements: any one
// of its alternatives, with every scheme of it satisfied.
type securityGuard struct {
	alternatives [][]schemeCheck
	// anonymous is set when an alternative is empty: a request without
	// credentials is let through, though one with invalid credentials is not.
	anonymous bool
	// challenges are the WWW-Authenticate values of a 401, one per scheme.
	challenges []schemeChallenge
}

// schemeChallenge is the WWW-Authenticate value of a 401 for one scheme:
// plain, or rejected when the request's credentials for that scheme were
// presented and refused, where a bearer challenge says
// error="invalid_token" (RFC 6750 section 3.1).
type schemeChallenge struct {
	scheme          string
	plain, rejected string
}

// schemeCheck is one scheme of an alternative.
type schemeCheck struct {
	name         string
	scheme       *huma.SecurityScheme
	scopes       []string
	authenticate Authenticator
}

// effectiveSecurity is what op requires: its own Security when it has one
// (an empty one: nothing), else the document's.
func effectiveSecurity(doc *huma.OpenAPI, op *huma.Operation) []map[string][]string {
	if op.Security != nil {
		return op.Security
	}
	return doc.Security
}

// securityGuard returns the guard of op, nil for a public operation, or a
// refusal when op requires a scheme Signet cannot enforce.
func (a *App) securityGuard(op *huma.Operation) (*securityGuard, *RegistrationError) {
	requirements := effectiveSecurity(a.api.OpenAPI(), op)
	if len(requirements) == 0 {
		return nil, nil
	}
	declared := a.api.OpenAPI().Components.SecuritySchemes
	g := &securityGuard{}
	challenged := map[string]bool{}
	for _, requirement := range requirements {
		if len(requirement) == 0 {
			g.anonymous = true
			continue
		}
		var alternative []schemeCheck
		for _, name := range slices.Sorted(maps.Keys(requirement)) {
			refuse := func(problem, fix string) *RegistrationError {
				return &RegistrationError{Method: op.Method, Path: op.Path, Status: op.DefaultStatus, Problem: problem, Fix: fix}
			}
			scheme := declared[name]
			if scheme == nil {
				return nil, refuse(fmt.Sprintf("its security names the scheme %q, which the document does not declare", name),
					fmt.Sprintf("declare it in Config.SecuritySchemes[%q], or correct the name", name))
			}
			if !checkable(scheme) {
				return nil, refuse(fmt.Sprintf("its security names the scheme %q (type %q), which Signet cannot check", name, describeScheme(scheme)),
					"use an HTTP bearer or Basic scheme, an API key in a header, query parameter or cookie, OAuth 2 or OpenID Connect, or check it in middleware and leave it out of the operation's Security")
			}
			authenticate := a.config.Authenticators[name]
			if authenticate == nil {
				return nil, refuse(fmt.Sprintf("its security names the scheme %q, which has no authenticator, so the document would promise a check that nothing makes", name),
					fmt.Sprintf("give Config.Authenticators[%q] a function that checks the credentials", name))
			}
			alternative = append(alternative, schemeCheck{name: name, scheme: scheme, scopes: requirement[name], authenticate: authenticate})
			if !challenged[name] {
				challenged[name] = true
				g.challenges = append(g.challenges, schemeChallenge{scheme: name,
					plain: challenge(scheme, a.config.Title, false), rejected: challenge(scheme, a.config.Title, true)})
			}
		}
		g.alternatives = append(g.alternatives, alternative)
	}
	if len(g.alternatives) == 0 {
		return nil, nil // only anonymous alternatives: nothing to check
	}
	return g, nil
}

// requiresScopes reports whether an alternative of requirements names
// scopes: then credentials may be valid and still not enough (403).
func requiresScopes(requirements []map[string][]string) bool {
	for _, requirement := range requirements {
		for _, scopes := range requirement {
			if len(scopes) > 0 {
				return true
			}
		}
	}
	return false
}

// errNoCredentials and errNotGranted say why an alternative failed.
var (
	errNoCredentials = errors.New("no credentials")
	errNotGranted    = errors.New("the credentials do not grant the scopes required")
)

// securityRefusal is a request the guard refuses: the status, a detail
// that reveals nothing of the credentials, and the challenges of a 401.
type securityRefusal struct {
	status     int
	detail     string
	challenges []string
}

// check returns the context the handler sees, or a refusal: 403 when some
// alternative had valid credentials without the scopes it requires, else
// 401; a huma.StatusError an authenticator returned keeps its status.
func (g *securityGuard) check(r *http.Request) (context.Context, *securityRefusal) {
	forbidden, presented := false, false
	var refused []string // the schemes whose credentials were presented and refused
	for _, alternative := range g.alternatives {
		ctx, failed, err := satisfy(r, alternative)
		if err == nil {
			return ctx, nil
		}
		var statusErr huma.StatusError
		switch {
		case errors.As(err, &statusErr):
			return nil, &securityRefusal{status: statusErr.GetStatus(), detail: statusErr.Error()}
		case errors.Is(err, errNotGranted):
			forbidden = true
		}
		if !errors.Is(err, errNoCredentials) {
			presented = true
			if !errors.Is(err, errNotGranted) {
				refused = append(refused, failed)
			}
		}
	}
	if g.anonymous && !presented {
		return r.Context(), nil
	}
	if forbidden {
		return nil, &securityRefusal{status: http.StatusForbidden,
			detail: "the credentials do not grant the scopes this operation requires"}
	}
	challenges := make([]string, len(g.challenges))
	for i, c := range g.challenges {
		challenges[i] = c.plain
		if slices.Contains(refused, c.scheme) {
			challenges[i] = c.rejected
		}
	}
	return nil, &securityRefusal{status: http.StatusUnauthorized,
		detail: "this operation requires valid credentials", challenges: challenges}
}

// satisfy checks every scheme of an alternative, each authenticator
// receiving the context the one before returned. When the alternative
// fails, failed names the scheme it failed at.
func satisfy(r *http.Request, alternative []schemeCheck) (ctx context.Context, failed string, err error) {
	ctx = r.Context()
	for _, s := range alternative {
		credentials, ok := present(r, s.scheme)
		if !ok {
			return nil, s.name, errNoCredentials
		}
		credentials.Scheme, credentials.Scopes = s.name, s.scopes
		next, granted, err := s.authenticate(ctx, credentials)
		if err != nil {
			return nil, s.name, err
		}
		for _, scope := range s.scopes {
			if !slices.Contains(granted, scope) {
				return nil, s.name, errNotGranted
			}
		}
		if next != nil {
			ctx = next
		}
	}
	return ctx, "", nil
}

// present reads the credentials a request carries for scheme.
func present(r *http.Request, scheme *huma.SecurityScheme) (Credentials, bool) {
	switch {
	case isBearer(scheme):
		authType, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		token = strings.TrimSpace(token)
		return Credentials{Secret: token}, strings.EqualFold(authType, "Bearer") && token != ""
	case isHTTP(scheme, "basic"):
		user, password, ok := r.BasicAuth()
		return Credentials{User: user, Secret: password}, ok
	case scheme.Type == "apiKey":
		var key string
		switch scheme.In {
		case "header":
			key = r.Header.Get(scheme.Name)
		case "query":
			key = r.URL.Query().Get(scheme.Name)
		case "cookie":
			if c, err := r.Cookie(scheme.Name); err == nil {
				key = c.Value
			}
		}
		return Credentials{Secret: key}, key != ""
	}
	return Credentials{}, false
}

// checkable reports whether Signet can read a scheme's credentials.
func checkable(scheme *huma.SecurityScheme) bool {
	switch {
	case isBearer(scheme), isHTTP(scheme, "basic"):
		return true
	case scheme.Type == "apiKey":
		return scheme.Name != "" && (scheme.In == "header" || scheme.In == "query" || scheme.In == "cookie")
	}
	return false
}

// isBearer reports whether scheme's credentials are a bearer token: HTTP
// bearer, and the access tokens of OAuth 2 and OpenID Connect.
func isBearer(scheme *huma.SecurityScheme) bool {
	return isHTTP(scheme, "bearer") || scheme.Type == "oauth2" || scheme.Type == "openIdConnect"
}

// isHTTP reports whether scheme is the HTTP authentication scheme named
// (case-insensitive, RFC 9110 section 11.1).
func isHTTP(scheme *huma.SecurityScheme, name string) bool {
	return scheme.Type == "http" && strings.EqualFold(scheme.Scheme, name)
}

func describeScheme(scheme *huma.SecurityScheme) string {
	if scheme.Type == "http" {
		return "http " + scheme.Scheme
	}
	return scheme.Type
}

// challenge is the WWW-Authenticate value of a 401 for scheme (RFC 9110
// section 11.6.1), with the API's title as the realm. A bearer challenge
// to a token that was presented and refused says so, as RFC 6750 section
// 3.1 asks; one to a request without a token has no error code.
func challenge(scheme *huma.SecurityScheme, realm string, rejected bool) string {
	quoted := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(realm) + `"`
	switch {
	case isBearer(scheme) && rejected:
		return "Bearer realm=" + quoted + `, error="invalid_token"`
	case isBearer(scheme):
		return "Bearer realm=" + quoted
	case isHTTP(scheme, "basic"):
		return "Basic realm=" + quoted + `, charset="UTF-8"`
	default: // an API key: no registered scheme, so one that names where it goes
		return fmt.Sprintf(`APIKey realm=%s, in="%s", name="%s"`, quoted, scheme.In, scheme.Name)
	}
}
