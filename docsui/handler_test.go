package docsui_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/signet-go/signet/docsui"
	"github.com/signet-go/signet/internal/testkit"
)

// serve starts a real server on 127.0.0.1 with the handler at /docs.
func serve(t *testing.T, cfg docsui.Config) (*httptest.Server, *docsui.Handler) {
	t.Helper()
	h, err := docsui.New("/docs", "/openapi.json", cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/docs", h)
	mux.Handle("/docs/", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, h
}

// request sends a request with the given headers and no automatic
// decompression, and returns the response with its body read.
func request(t *testing.T, method, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return testkit.Do(t, &http.Client{Transport: &http.Transport{DisableCompression: true}}, req)
}

func TestRoutes(t *testing.T) {
	srv, h := serve(t, docsui.Config{})
	contentTypes := map[string]string{
		"/docs":                                 "text/html; charset=utf-8",
		"/docs/":                                "text/html; charset=utf-8",
		"/docs/oauth2-redirect":                 "text/html; charset=utf-8",
		"/docs/oauth2-redirect.html":            "text/html; charset=utf-8",
		"/docs/oauth2-redirect.js":              "text/javascript; charset=utf-8",
		"/docs/swagger-initializer.js":          "text/javascript; charset=utf-8",
		"/docs/swagger-ui-bundle.js":            "text/javascript; charset=utf-8",
		"/docs/swagger-ui.css":                  "text/css; charset=utf-8",
		"/docs/favicon-32x32.png":               "image/png",
		"/docs/swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
	}
	paths := h.Paths()
	for path, want := range contentTypes {
		resp, body := request(t, "GET", srv.URL+path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want || len(body) == 0 {
			t.Errorf("GET %s: %d %q, %d bytes; want 200 %q with a body", path, resp.StatusCode, resp.Header.Get("Content-Type"), len(body), want)
		}
		if !contains(paths, path) {
			t.Errorf("Paths() lacks %s: %q", path, paths)
		}
	}
	for _, path := range paths {
		if resp, _ := request(t, "GET", srv.URL+path); resp.StatusCode != 200 {
			t.Errorf("GET %s, one of Paths(): %d", path, resp.StatusCode)
		}
	}
	_, page := request(t, "GET", srv.URL+"/docs")
	_, slashPage := request(t, "GET", srv.URL+"/docs/")
	if !bytes.Equal(page, slashPage) {
		t.Error("/docs and /docs/ serve different pages")
	}
	for _, path := range []string{"/docs/nope.js", "/docs/index.html", "/docs/embed.go", "/docs/swagger-ui.css.gz", "/docsx"} {
		if resp, _ := request(t, "GET", srv.URL+path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, resp.StatusCode)
		}
	}
	for _, method := range []string{"POST", "PUT", "DELETE", "OPTIONS"} {
		resp, _ := request(t, method, srv.URL+"/docs/swagger-ui.css")
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d Allow %q, want 405 Allow \"GET, HEAD\"", method, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// assetRefs finds the src and href attributes of the page.
var assetRefs = regexp.MustCompile(`(?:src|href)="([^"]*)"`)

func TestPageLoadsOnlyItsOwnAssets(t *testing.T) {
	srv, _ := serve(t, docsui.Config{})
	_, page := request(t, "GET", srv.URL+"/docs")
	refs := assetRefs.FindAllSubmatch(page, -1)
	if len(refs) < 4 { // stylesheet, two icons, two scripts
		t.Fatalf("the page references %d assets:\n%s", len(refs), page)
	}
	for _, ref := range refs {
		url := strings.ReplaceAll(string(ref[1]), "&amp;", "&")
		if !strings.HasPrefix(url, "/docs/") || strings.HasPrefix(url, "//") {
			t.Errorf("the page loads %q, not an asset of its own", url)
			continue
		}
		resp, _ := request(t, "GET", srv.URL+url)
		if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
			t.Errorf("GET %s: %d Cache-Control %q, want 200 immutable", url, resp.StatusCode, resp.Header.Get("Cache-Control"))
		}
	}
}

func TestNothingServedNamesACDN(t *testing.T) {
	srv, h := serve(t, docsui.Config{})
	cdns := []string{"unpkg.com", "jsdelivr.net", "cdnjs.cloudflare.com", "googleapis.com", "swagger.io/validator"}
	for _, path := range h.Paths() {
		_, body := request(t, "GET", srv.URL+path)
		for _, cdn := range cdns {
			if bytes.Contains(body, []byte(cdn)) && !(cdn == "swagger.io/validator" && strings.HasSuffix(path, ".js")) {
				t.Errorf("%s names %s", path, cdn)
			}
		}
	}
	// Swagger UI's bundle knows the validator's address; the initializer
	// switches it off.
	_, init := request(t, "GET", srv.URL+"/docs/swagger-initializer.js")
	if !bytes.Contains(init, []byte(`"validatorUrl":null`)) {
		t.Errorf("the initializer does not set validatorUrl to null:\n%s", init)
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	srv, _ := serve(t, docsui.Config{ConnectSources: []string{"https://auth.example.com/oauth/token"}})
	resp, page := request(t, "GET", srv.URL+"/docs")
	policy := directives(resp.Header.Get("Content-Security-Policy"))
	want := map[string]string{
		"default-src": "'none'",
		"script-src":  "'self'",
		"style-src":   "'self'",
		"img-src":     "'self' data:",
		"connect-src": "'self' https://auth.example.com",
	}
	for name, value := range want {
		if policy[name] != value {
			t.Errorf("%s is %q, want %q (policy %q)", name, policy[name], value, resp.Header.Get("Content-Security-Policy"))
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe") {
		t.Errorf("the policy allows something unsafe: %q", csp)
	}
	// Nothing inline that the policy would block.
	for _, inline := range []string{"<style", "style=", "onload=", "onclick=", "javascript:"} {
		if bytes.Contains(page, []byte(inline)) {
			t.Errorf("the page has inline %q:\n%s", inline, page)
		}
	}
	for _, script := range regexp.MustCompile(`<script[^>]*>([^<]*)</script>`).FindAllSubmatch(page, -1) {
		if len(bytes.TrimSpace(script[1])) > 0 || !bytes.Contains(script[0], []byte(`src="/docs/`)) {
			t.Errorf("the page has an inline script: %s", script[0])
		}
	}
	for _, path := range []string{"/docs/oauth2-redirect", "/docs/swagger-ui.css"} {
		if resp, _ := request(t, "GET", srv.URL+path); resp.Header.Get("Content-Security-Policy") == "" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no CSP or nosniff: %v", path, resp.Header)
		}
	}
	_, redirect := request(t, "GET", srv.URL+"/docs/oauth2-redirect")
	if !bytes.Contains(redirect, []byte(`<script src="oauth2-redirect.js"></script>`)) {
		t.Errorf("the OAuth2 redirect page does not load its script from oauth2-redirect.js:\n%s", redirect)
	}
}

// directives splits a Content-Security-Policy into its directives.
func directives(policy string) map[string]string {
	m := map[string]string{}
	for _, d := range strings.Split(policy, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		m[name] = value
	}
	return m
}

func TestTitleIsEscaped(t *testing.T) {
	srv, _ := serve(t, docsui.Config{Title: `Items </title><script>alert("x")</script> & co`})
	_, page := request(t, "GET", srv.URL+"/docs")
	want := `<title>Items &lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</title>`
	if !bytes.Contains(page, []byte(want)) || bytes.Contains(page, []byte(`<script>alert`)) {
		t.Errorf("the title is not escaped as %s:\n%s", want, page)
	}
}

func TestHEAD(t *testing.T) {
	srv, _ := serve(t, docsui.Config{})
	for _, path := range []string{"/docs", "/docs/", "/docs/swagger-ui-bundle.js", "/docs/favicon-16x16.png", "/docs/oauth2-redirect"} {
		for _, encoding := range []string{"", "gzip"} {
			get, body := request(t, "GET", srv.URL+path, "Accept-Encoding", encoding)
			head, headBody := request(t, "HEAD", srv.URL+path, "Accept-Encoding", encoding)
			if head.StatusCode != 200 || len(headBody) != 0 {
				t.Errorf("HEAD %s (%q): %d with %d bytes of body", path, encoding, head.StatusCode, len(headBody))
			}
			for _, field := range []string{"Content-Type", "Content-Encoding", "ETag", "Cache-Control", "Content-Security-Policy"} {
				if head.Header.Get(field) != get.Header.Get(field) {
					t.Errorf("HEAD %s (%q): %s %q, GET has %q", path, encoding, field, head.Header.Get(field), get.Header.Get(field))
				}
			}
			if encoding == "" && head.ContentLength != int64(len(body)) {
				t.Errorf("HEAD %s: Content-Length %d, GET sends %d bytes", path, head.ContentLength, len(body))
			}
		}
	}
}

func TestCompression(t *testing.T) {
	srv, _ := serve(t, docsui.Config{})
	for _, path := range []string{"/docs", "/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "/docs/oauth2-redirect.js"} {
		plain, identity := request(t, "GET", srv.URL+path)
		if plain.Header.Get("Content-Encoding") != "" || plain.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("GET %s with no Accept-Encoding: Content-Encoding %q Vary %q", path, plain.Header.Get("Content-Encoding"), plain.Header.Get("Vary"))
		}
		for _, accept := range []string{"gzip", "br, gzip;q=0.5", "*", "deflate, GZIP"} {
			resp, body := request(t, "GET", srv.URL+path, "Accept-Encoding", accept)
			if resp.Header.Get("Content-Encoding") != "gzip" {
				t.Errorf("GET %s, Accept-Encoding %q: Content-Encoding %q, want gzip", path, accept, resp.Header.Get("Content-Encoding"))
				continue
			}
			if got := gunzip(t, body); !bytes.Equal(got, identity) {
				t.Errorf("GET %s: the gzip body decodes to %d bytes, the identity body has %d", path, len(got), len(identity))
			}
			if len(body) >= len(identity) {
				t.Errorf("GET %s: gzip %d bytes is not smaller than %d", path, len(body), len(identity))
			}
			if resp.Header.Get("ETag") == plain.Header.Get("ETag") {
				t.Errorf("GET %s: the gzip and identity encodings share the ETag %s", path, plain.Header.Get("ETag"))
			}
		}
		for _, accept := range []string{"br", "gzip;q=0", "gzip; q=0.000, *", "identity"} {
			resp, body := request(t, "GET", srv.URL+path, "Accept-Encoding", accept)
			if resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, identity) {
				t.Errorf("GET %s, Accept-Encoding %q: Content-Encoding %q, want none", path, accept, resp.Header.Get("Content-Encoding"))
			}
		}
	}
}

func gunzip(t *testing.T, body []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCaching(t *testing.T) {
	srv, _ := serve(t, docsui.Config{})
	for _, path := range []string{"/docs", "/docs/swagger-ui.css", "/docs/oauth2-redirect"} {
		for _, encoding := range []string{"", "gzip"} {
			resp, _ := request(t, "GET", srv.URL+path, "Accept-Encoding", encoding)
			etag := resp.Header.Get("ETag")
			if !regexp.MustCompile(`^"[0-9a-f]{24}(-gzip)?"$`).MatchString(etag) || resp.Header.Get("Cache-Control") != "no-cache" {
				t.Errorf("GET %s (%q): ETag %q Cache-Control %q; want a strong ETag and no-cache", path, encoding, etag, resp.Header.Get("Cache-Control"))
			}
			again, body := request(t, "GET", srv.URL+path, "Accept-Encoding", encoding, "If-None-Match", etag)
			if again.StatusCode != http.StatusNotModified || len(body) != 0 || again.Header.Get("ETag") != etag {
				t.Errorf("GET %s with If-None-Match %s: %d, %d bytes, ETag %q; want 304", path, etag, again.StatusCode, len(body), again.Header.Get("ETag"))
			}
			stale, _ := request(t, "GET", srv.URL+path, "Accept-Encoding", encoding, "If-None-Match", `"stale"`)
			if stale.StatusCode != 200 {
				t.Errorf("GET %s with a stale If-None-Match: %d, want 200", path, stale.StatusCode)
			}
		}
	}
	// An asset URL with an outdated version is still served, but must be
	// revalidated.
	resp, _ := request(t, "GET", srv.URL+"/docs/swagger-ui.css?v=outdated")
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("GET an outdated version: %d Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
}

// initializerOptions returns the options swagger-initializer.js passes to
// Swagger UI.
func initializerOptions(t *testing.T, srvURL string) map[string]any {
	t.Helper()
	_, script := request(t, "GET", srvURL+"/docs/swagger-initializer.js")
	m := regexp.MustCompile(`var options = (.*);\n`).FindSubmatch(script)
	if m == nil {
		t.Fatalf("no options in swagger-initializer.js:\n%s", script)
	}
	var options map[string]any
	if err := json.Unmarshal(m[1], &options); err != nil {
		t.Fatalf("the options are not JSON: %v\n%s", err, m[1])
	}
	return options
}

func TestSwaggerUIOptions(t *testing.T) {
	srv, _ := serve(t, docsui.Config{})
	got := initializerOptions(t, srv.URL)
	want := map[string]any{"dom_id": "#swagger-ui", "url": "/openapi.json", "validatorUrl": nil}
	if len(got) != len(want) || got["dom_id"] != want["dom_id"] || got["url"] != want["url"] || got["validatorUrl"] != nil {
		t.Errorf("default options %v, want %v", got, want)
	}

	srv, _ = serve(t, docsui.Config{
		DeepLinking:            true,
		PersistAuthorization:   true,
		TryItOutEnabled:        true,
		DisplayRequestDuration: true,
		DocExpansion:           "none",
		SyntaxHighlightTheme:   "monokai",
		Parameters: map[string]any{
			"filter":                   true,
			"defaultModelsExpandDepth": -1,
			"deepLinking":              false, // Parameters win
			"requestSnippets":          map[string]any{"generators": map[string]any{"curl_bash": map[string]any{"title": "cURL </script>"}}},
		},
	})
	got = initializerOptions(t, srv.URL)
	checks := map[string]any{
		"persistAuthorization":     true,
		"tryItOutEnabled":          true,
		"displayRequestDuration":   true,
		"docExpansion":             "none",
		"filter":                   true,
		"defaultModelsExpandDepth": float64(-1),
		"deepLinking":              false,
	}
	for key, value := range checks {
		if got[key] != value {
			t.Errorf("option %s = %v, want %v", key, got[key], value)
		}
	}
	if theme, _ := got["syntaxHighlight"].(map[string]any); theme["theme"] != "monokai" || theme["activated"] != true {
		t.Errorf("syntaxHighlight = %v", got["syntaxHighlight"])
	}
	_, script := request(t, "GET", srv.URL+"/docs/swagger-initializer.js")
	if bytes.Contains(script, []byte("</script>")) {
		t.Errorf("the initializer carries </script> unescaped:\n%s", script)
	}
	if !bytes.Contains(script, []byte(`options.oauth2RedirectUrl = window.location.origin + "/docs/oauth2-redirect"`)) {
		t.Errorf("the initializer does not point OAuth2 at /docs/oauth2-redirect:\n%s", script)
	}

	srv, _ = serve(t, docsui.Config{NoSyntaxHighlight: true})
	if got := initializerOptions(t, srv.URL); got["syntaxHighlight"] != false {
		t.Errorf("NoSyntaxHighlight: syntaxHighlight = %v", got["syntaxHighlight"])
	}
}

func TestNewRefusesWhatCannotWork(t *testing.T) {
	cases := []struct {
		name, path, documentURL string
		cfg                     docsui.Config
		wantErr                 string
	}{
		{"relative path", "docs", "/openapi.json", docsui.Config{}, "must start with /"},
		{"trailing slash", "/docs/", "/openapi.json", docsui.Config{}, "not end with /"},
		{"no document", "/docs", "", docsui.Config{}, "document URL is empty"},
		{"doc expansion", "/docs", "/openapi.json", docsui.Config{DocExpansion: "all"}, `"list" "full" "none"`},
		{"theme", "/docs", "/openapi.json", docsui.Config{SyntaxHighlightTheme: "dracula"}, "agate"},
		{"reserved", "/docs", "/openapi.json", docsui.Config{Parameters: map[string]any{"url": "/other.json"}}, `Parameters["url"]`},
		{"not JSON", "/docs", "/openapi.json", docsui.Config{Parameters: map[string]any{"onComplete": func() {}}}, "cannot be marshalled to JSON"},
		{"connect source", "/docs", "/openapi.json", docsui.Config{ConnectSources: []string{"auth.example.com"}}, "give an origin"},
		{"connect source injection", "/docs", "/openapi.json", docsui.Config{ConnectSources: []string{"https://a.example; script-src *"}}, "ConnectSources"},
	}
	for _, c := range cases {
		_, err := docsui.New(c.path, c.documentURL, c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.wantErr)
		}
	}
}

func TestAbsoluteDocumentURLMayBeFetched(t *testing.T) {
	h, err := docsui.New("/docs", "https://api.example.com/openapi.json", docsui.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/docs", nil))
	if got := directives(rec.Header().Get("Content-Security-Policy"))["connect-src"]; got != "'self' https://api.example.com" {
		t.Errorf("connect-src %q, want the document's origin added", got)
	}
}
