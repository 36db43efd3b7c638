package docsuibrowser_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBearerAuthorizeInBrowser opens /docs of examples/bookstore in
// headless Chromium and uses Swagger UI as a person would with an API
// behind a bearer token: "Try it out" on POST /v1/books is answered 401
// before authorizing; the Authorize dialog takes the token; then the same
// request is answered 201 and the book is in the store. The page must log
// no error and no CSP violation but the browser's own note of the 401.
func TestBearerAuthorizeInBrowser(t *testing.T) {
	chromium := findChromium(t)
	const token = "browser-test-token-7c1e"
	base := startBookstore(t, token)
	b := openBrowser(t, chromium)
	b.do(t, chromedp.Navigate(base+"/docs"))
	b.poll(t, `document.querySelectorAll('.opblock').length > 0`)

	create := operation{"POST", "/v1/books"}
	status, body := b.tryItOut(t, create)
	if status != "401" || !strings.Contains(body, "requires valid credentials") {
		t.Fatalf("Try it out before Authorize: status %s, body %s; want 401", status, body)
	}

	// Authorize: the dialog lists the bearer scheme; type the token.
	b.do(t, chromedp.Click(chromedp.CSS(".auth-wrapper .btn.authorize")))
	b.poll(t, `document.querySelector('.dialog-ux #auth-bearer-value')`)
	if text := b.eval(t, `document.querySelector('.dialog-ux .auth-container').textContent`); !strings.Contains(text, "bearer") ||
		!strings.Contains(text, "BOOKSTORE_TOKEN") {
		t.Errorf("the Authorize dialog does not show the bearer scheme and its description: %q", text)
	}
	b.do(t,
		chromedp.SendKeys(chromedp.CSS(".dialog-ux #auth-bearer-value"), token),
		chromedp.Click(chromedp.CSS(".dialog-ux .auth-btn-wrapper .btn.modal-btn.auth.authorize")),
	)
	b.poll(t, `document.querySelector('.dialog-ux button[aria-label="Remove authorization"]')`)
	b.do(t, chromedp.Click(chromedp.CSS(".dialog-ux .btn-done")))
	b.poll(t, `!document.querySelector('.dialog-ux')`)

	// The same operation again: clear the last answer, execute.
	block := create.block()
	b.eval(t, fmt.Sprintf(`(%s).querySelector('button.btn-clear').click()`, block))
	b.poll(t, fmt.Sprintf(`!(%s).querySelector('.live-responses-table')`, block))
	b.eval(t, fmt.Sprintf(`(%s).querySelector('button.execute').click()`, block))
	response := fmt.Sprintf(`(%s).querySelector('.live-responses-table tr.response')`, block)
	status = strings.TrimSpace(b.pollText(t, response+`?.querySelector('.response-col_status')`))
	body = b.eval(t, response+`.querySelector('.response-col_description .highlight-code pre')?.textContent ?? ''`)
	curl := b.eval(t, fmt.Sprintf(`(%s).querySelector('.curl-command')?.textContent ?? ''`, block))
	if !strings.Contains(curl, "Authorization: Bearer "+token) {
		t.Errorf("the request the page shows does not carry the token: %s", curl)
	}
	var created struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(body), &created); status != "201" || err != nil || created.ID != 1 {
		t.Fatalf("Try it out after Authorize: status %s, body %s; want 201 with book 1", status, body)
	}
	book, ok := getJSON(t, fmt.Sprintf("%s/v1/books/%d", base, created.ID)).(map[string]any)
	if !ok || book["title"] != created.Title {
		t.Errorf("GET /v1/books/1 answers %v; want the book created from the page, titled %q", book, created.Title)
	}

	b.screenshot(t, "bookstore-after-authorize.png", true)
	b.checkQuiet(t, "Failed to load resource: the server responded with a status of 401 (Unauthorized)")
}
