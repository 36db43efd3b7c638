package docsuibrowser_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/signet-go/signet/docsui"
)

// TestOAuth2AuthorizeInBrowser runs Swagger UI's OAuth2 implicit flow
// against a stand-in authorization server on 127.0.0.1: "Authorize" opens
// the server's page in a popup, the server redirects to
// /docs/oauth2-redirect with a token, the redirect page (under the docs'
// CSP) hands the token to the docs page, and "Try it out" sends it.
func TestOAuth2AuthorizeInBrowser(t *testing.T) {
	chromium := findChromium(t)
	const token = "token-from-the-stand-in-server"
	var mu sync.Mutex
	var redirectURIs []string

	docs, err := docsui.New("/docs", "/openapi.json", docsui.Config{})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/docs", docs)
	mux.Handle("/docs/", docs)
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"openapi": "3.1.0", "info": {"title": "OAuth2 check", "version": "1"},
			"components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {"implicit": {
				"authorizationUrl": "http://%s/authorize", "scopes": {"read": "read"}}}}}},
			"security": [{"oauth": ["read"]}],
			"paths": {"/me": {"get": {"operationId": "me", "responses": {"200": {"description": "the Authorization header received",
				"content": {"application/json": {"schema": {"type": "object"}}}}}}}}}`, r.Host)
	})
	mux.HandleFunc("GET /authorize", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		mu.Lock()
		redirectURIs = append(redirectURIs, q.Get("redirect_uri"))
		mu.Unlock()
		if q.Get("response_type") != "token" || q.Get("state") == "" {
			http.Error(w, "want response_type=token and a state", http.StatusBadRequest)
			return
		}
		fragment := url.Values{"access_token": {token}, "token_type": {"bearer"}, "state": {q.Get("state")}}
		http.Redirect(w, r, q.Get("redirect_uri")+"#"+fragment.Encode(), http.StatusFound)
	})
	mux.HandleFunc("GET /me", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"authorization": r.Header.Get("Authorization")})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	b := openBrowser(t, chromium)
	b.do(t, chromedp.Navigate(srv.URL+"/docs"))
	b.poll(t, `document.querySelector('.auth-wrapper .btn.authorize')`)
	// Trusted clicks, as a person's: a popup needs a user gesture.
	b.do(t, chromedp.Click(chromedp.CSS(".auth-wrapper .btn.authorize")))
	b.poll(t, `document.querySelector('#client_id_implicit')`)
	b.do(t,
		chromedp.SendKeys(chromedp.CSS("#client_id_implicit"), "docs-test"),
		chromedp.Click(chromedp.CSS(".dialog-ux .auth-btn-wrapper .btn.modal-btn.auth.authorize")),
	)
	b.poll(t, `document.querySelector('.dialog-ux button[aria-label="Remove authorization"]')`)

	mu.Lock()
	uris := redirectURIs
	mu.Unlock()
	if len(uris) != 1 || uris[0] != srv.URL+"/docs/oauth2-redirect" {
		t.Errorf("the authorization server was sent redirect_uri %q, want [%s/docs/oauth2-redirect]", uris, srv.URL)
	}

	b.do(t, chromedp.Click(chromedp.CSS(".dialog-ux .btn-done")))
	me := operation{"GET", "/me"}
	status, body := b.tryItOut(t, me)
	if want := `"Bearer ` + token + `"`; status != "200" || !strings.Contains(body, want) {
		t.Errorf("Try it out after Authorize: status %s, body %s; want 200 with %s", status, body, want)
	}
	b.checkQuiet(t)
}
