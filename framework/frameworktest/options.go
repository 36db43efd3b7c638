package frameworktest

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Option sets what every request of a Client carries unless the request
// sets it itself: credentials (Bearer, BasicAuth, APIKey) and other headers
// (Header). New, Client.With and CheckGeneratedRequests take them; later
// options replace earlier ones that set the same header, query parameter
// or cookie.
type Option struct{ apply func(*settings) error }

// settings are what the options set.
type settings struct {
	defaults        []part
	mayNeverSucceed []string
}

// part is one header, query parameter or cookie a request carries by default.
type part struct {
	in          string // "header", "query" or "cookie", as OpenAPI names them
	name, value string
	credential  bool
}

func (s *settings) set(p part) {
	if p.in == "header" {
		p.name = http.CanonicalHeaderKey(p.name)
	}
	s.defaults = slices.DeleteFunc(s.defaults, func(q part) bool { return q.in == p.in && q.name == p.name })
	s.defaults = append(s.defaults, p)
}

func (s *settings) apply(options []Option) error {
	for _, option := range options {
		if option.apply == nil {
			continue // the zero Option sets nothing
		}
		if err := option.apply(s); err != nil {
			return err
		}
	}
	return nil
}

// Bearer sends token in an Authorization header (RFC 6750), as an HTTP
// bearer security scheme expects.
func Bearer(token string) Option {
	return Option{func(s *settings) error {
		s.set(part{in: "header", name: "Authorization", value: "Bearer " + token, credential: true})
		return nil
	}}
}

// BasicAuth sends a username and password in an Authorization header (RFC
// 7617), as an HTTP basic security scheme expects.
func BasicAuth(username, password string) Option {
	return Option{func(s *settings) error {
		encoded := base64.StdEncoding.EncodeToString([]byte(username + ":" + password))
		s.set(part{in: "header", name: "Authorization", value: "Basic " + encoded, credential: true})
		return nil
	}}
}

// APIKey sends key as an apiKey security scheme describes it: in is
// "header", "query" or "cookie", and name is the header's, the query
// parameter's or the cookie's name.
func APIKey(in, name, key string) Option {
	return Option{func(s *settings) error {
		switch in {
		case "header", "query", "cookie":
		default:
			return fmt.Errorf(`APIKey(%q, %q, ...): in must be "header", "query" or "cookie", as OpenAPI's apiKey scheme says`, in, name)
		}
		if name == "" {
			return fmt.Errorf("APIKey(%q, \"\", ...): name the %s that carries the key", in, map[string]string{
				"header": "header", "query": "query parameter", "cookie": "cookie"}[in])
		}
		s.set(part{in: in, name: name, value: key, credential: true})
		return nil
	}}
}

// Header sends a header with every request, such as Accept-Language or a
// tenant's ID. A request that sets the header itself sends its own.
func Header(name, value string) Option {
	return Option{func(s *settings) error {
		if name == "" || strings.ContainsAny(name, ": \t\r\n") {
			return fmt.Errorf("Header(%q, ...): %q is not a header name", name, name)
		}
		s.set(part{in: "header", name: name, value: value})
		return nil
	}}
}

// NoCredentials drops the credentials set before it, for requests that
// must be sent without them:
//
//	anonymous := c.With(frameworktest.NoCredentials())
//	anonymous.Get("/v1/books/1") // answered 401
func NoCredentials() Option {
	return Option{func(s *settings) error {
		s.defaults = slices.DeleteFunc(s.defaults, func(p part) bool { return p.credential })
		return nil
	}}
}

// MayNeverSucceed names operations, by operationId or as "METHOD /path"
// the document spells it, that CheckGeneratedRequests may find answering
// no generated request with a 2xx, such as one that needs credentials
// other than those the check was given. New and Client.With ignore it.
func MayNeverSucceed(operations ...string) Option {
	return Option{func(s *settings) error {
		s.mayNeverSucceed = append(s.mayNeverSucceed, operations...)
		return nil
	}}
}

// addDefaults adds to req each default it does not set itself.
func (s *settings) addDefaults(req *http.Request) {
	var query []string
	for _, p := range s.defaults {
		switch p.in {
		case "header":
			if len(req.Header.Values(p.name)) == 0 {
				req.Header.Set(p.name, p.value)
			}
		case "query":
			if !req.URL.Query().Has(p.name) {
				query = append(query, url.QueryEscape(p.name)+"="+url.QueryEscape(p.value))
			}
		case "cookie":
			if _, err := req.Cookie(p.name); err != nil {
				req.AddCookie(&http.Cookie{Name: p.name, Value: p.value})
			}
		}
	}
	if len(query) > 0 {
		// Appended, so that the test's own query is sent as it wrote it.
		req.URL.RawQuery = strings.TrimPrefix(req.URL.RawQuery+"&"+strings.Join(query, "&"), "&")
	}
}

// supplies reports whether the defaults send a parameter, so that generated
// requests leave it to them.
func (s *settings) supplies(in, name string) bool {
	if in == "header" {
		name = http.CanonicalHeaderKey(name)
	}
	return slices.ContainsFunc(s.defaults, func(p part) bool { return p.in == in && p.name == name })
}
