package docsui

import (
	"fmt"
	"net/url"
	"strings"
)

// contentSecurityPolicy returns the page's policy: everything from the page's
// own origin ('self') and nothing inline, so neither 'unsafe-inline' nor
// 'unsafe-eval' is needed. extraConnect are origins added to connect-src.
//
// img-src also allows data: because Swagger UI's own stylesheet
// (swagger-ui.css) draws a few small icons, such as the arrow of every
// <select>, as data: URIs; blocking them reports a violation on every page
// load. A data: URI is part of the stylesheet it appears in, served from
// 'self', and cannot reach another host.
func contentSecurityPolicy(extraConnect []string) string {
	connect := append([]string{"'self'"}, extraConnect...)
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src " + strings.Join(connect, " "),
		"form-action 'self'",
		"base-uri 'none'",
		"frame-ancestors 'self'",
	}, "; ")
}

// connectOrigins returns the CSP sources for the configured ConnectSources
// and, when the document URL is absolute, the document's origin.
func connectOrigins(documentURL string, sources []string) ([]string, error) {
	var origins []string
	if u, err := url.Parse(documentURL); err != nil {
		return nil, fmt.Errorf("docsui: document URL %q: %w", documentURL, err)
	} else if u.IsAbs() {
		origin, err := origin(documentURL)
		if err != nil {
			return nil, fmt.Errorf("docsui: document URL: %w", err)
		}
		origins = append(origins, origin)
	}
	for _, s := range sources {
		origin, err := origin(s)
		if err != nil {
			return nil, fmt.Errorf("docsui: ConnectSources: %w", err)
		}
		origins = append(origins, origin)
	}
	return origins, nil
}

// origin returns scheme://host[:port] of an absolute http(s) or ws(s) URL.
func origin(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	switch u.Scheme {
	case "http", "https", "ws", "wss":
	default:
		return "", fmt.Errorf("%q: give an origin such as https://auth.example.com", raw)
	}
	if u.Host == "" || strings.ContainsAny(u.Host, " ;,'") {
		return "", fmt.Errorf("%q: give an origin such as https://auth.example.com", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}
