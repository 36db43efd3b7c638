package docsuibrowser_test

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// findChromium returns the path of Chromium. Without one the test fails
// when CI=true and is skipped otherwise.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	const how = "install it with `apt-get install -y chromium` (Debian)"
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but no Chromium is installed; .ci/run must " + how)
	}
	t.Skip("skipping the browser test: no Chromium found; " + how + " to run it")
	return ""
}

// browser is one headless Chromium tab that records what the page reports.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	allowed  []string                  // requests to the loopback
	blocked  []string                  // requests to hosts other than the loopback
	messages []chromedp.ConsoleMessage // console messages, exceptions and browser log entries
}

// cspRecorder runs in every document before the page's scripts and keeps
// the page's CSP violations, which the test reads at the end.
const cspRecorder = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
	window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));`

// openBrowser starts Chromium with a fresh profile and makes every request
// to a host other than the loopback fail: the page's through the Fetch
// domain, which also records them, and the browser's own through a proxy
// that does not exist (loopback addresses bypass a proxy).
func openBrowser(t *testing.T, chromium string) *browser {
	t.Helper()
	profile := t.TempDir()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(t.Context(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() }) // runs before profile's removal
	b := &browser{ctx: ctx}

	paused := chromedp.Events(ctx, fetch.RequestPaused) // starts the browser
	go b.allowOnlyLoopback(paused)
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.messages = append(b.messages, m)
			b.mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatalf("start Chromium (%s): %v", chromium, err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) allowOnlyLoopback(paused iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		if isLoopback(ev.Request.URL) {
			b.mu.Lock()
			b.allowed = append(b.allowed, ev.Request.URL)
			b.mu.Unlock()
			chromedp.Call(b.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
			continue
		}
		b.mu.Lock()
		b.blocked = append(b.blocked, ev.Request.URL)
		b.mu.Unlock()
		chromedp.Call(b.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
	}
}

func isLoopback(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	if u.Hostname() == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

func (b *browser) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// poll waits up to 30 seconds (CI machines are busy) for a JavaScript
// expression to be truthy. It polls on a timer, not on animation frames,
// which a page behind a popup does not get, and the wait is also bounded on
// the Go side.
func (b *browser) poll(t *testing.T, expression string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 35*time.Second)
	defer cancel()
	wait := chromedp.Poll[bool]("!!("+expression+")",
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))
	if _, err := chromedp.Run(ctx, wait); err != nil {
		t.Fatalf("waiting for %s: %v", expression, err)
	}
}

// pollText waits for the element an expression finds to have text, and
// returns the text.
func (b *browser) pollText(t *testing.T, element string) string {
	t.Helper()
	b.poll(t, fmt.Sprintf(`(%s)?.textContent.trim()`, element))
	return b.eval(t, fmt.Sprintf(`(%s).textContent`, element))
}

// eval returns the value of a JavaScript expression as a string.
func (b *browser) eval(t *testing.T, expression string) string {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`String(`+expression+`)`))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expression, err)
	}
	return v
}

// evalInto decodes the JSON value of a JavaScript expression into v.
func (b *browser) evalInto(t *testing.T, expression string, v any) {
	t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](expression))
	if err == nil {
		err = json.Unmarshal(raw, v)
	}
	if err != nil {
		t.Fatalf("evaluate %s: %v", expression, err)
	}
}

// has reports whether the element an expression finds contains an element
// that matches a CSS selector.
func (b *browser) has(t *testing.T, element, selector string) bool {
	t.Helper()
	return b.eval(t, fmt.Sprintf(`(%s).querySelector(%q) !== null`, element, selector)) == "true"
}

// open expands an operation and waits for its body.
func (b *browser) open(t *testing.T, op operation) {
	t.Helper()
	block := op.block()
	b.eval(t, fmt.Sprintf(`(b => b.classList.contains('is-open') || b.querySelector('.opblock-summary-control').click())(%s)`, block))
	b.poll(t, fmt.Sprintf(`(%s).querySelector('.opblock-body .responses-table')`, block))
}

// openResponse expands an operation and returns a JavaScript expression for
// the row of one response status.
func (b *browser) openResponse(t *testing.T, op operation, status string) string {
	t.Helper()
	b.open(t, op)
	row := fmt.Sprintf(`(%s).querySelector('.responses-wrapper tr.response[data-code="%s"]')`, op.block(), status)
	b.poll(t, row)
	return row
}

// tryItOut presses "Try it out" and "Execute" on an operation, with the
// values Swagger UI fills in from the document, and returns the status and
// body the page shows for the server's response.
func (b *browser) tryItOut(t *testing.T, op operation) (status, body string) {
	t.Helper()
	b.open(t, op)
	block := op.block()
	b.eval(t, fmt.Sprintf(`(%s).querySelector('button.try-out__btn').click()`, block))
	b.poll(t, fmt.Sprintf(`(%s).querySelector('button.execute')`, block))
	b.eval(t, fmt.Sprintf(`(%s).querySelector('button.execute').click()`, block))
	response := fmt.Sprintf(`(%s).querySelector('.live-responses-table tr.response')`, block)
	status = strings.TrimSpace(b.pollText(t, response+`?.querySelector('.response-col_status')`))
	body = b.eval(t, response+`.querySelector('.response-col_description .highlight-code pre')?.textContent ?? ''`)
	return status, body
}

// screenshot saves a PNG of the page under the test's temporary directory,
// of the whole page or of the window only, logs its path and returns it.
func (b *browser) screenshot(t *testing.T, name string, wholePage bool) string {
	t.Helper()
	shot := chromedp.CaptureScreenshot()
	if wholePage {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(b.ctx, shot)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
	return path
}

// checkQuiet fails the test for every console error, uncaught exception,
// browser log error, CSP violation and blocked request so far, but the
// errors expected: each is the text of one message that must have come,
// such as the browser's note of a 401 the test caused on purpose.
func (b *browser) checkQuiet(t *testing.T, expected ...string) {
	t.Helper()
	// Console keeps the order of messages: once this one is in, every
	// earlier one is too.
	const marker = "docsui browser test: end"
	b.eval(t, fmt.Sprintf(`console.info(%q)`, marker))
	deadline := time.Now().Add(5 * time.Second)
	for !b.sawMessage(marker) {
		if time.Now().After(deadline) {
			t.Fatal("the console marker did not arrive within 5s")
		}
		time.Sleep(20 * time.Millisecond)
	}

	var violations []string
	b.evalInto(t, `window.__cspViolations`, &violations)
	for _, v := range violations {
		t.Errorf("CSP violation: %s", v)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.messages {
		if i := slices.Index(expected, m.Text); i >= 0 && m.Type == chromedp.ConsoleError {
			expected = slices.Delete(expected, i, i+1)
			continue
		}
		if m.Type == chromedp.ConsoleError || m.IsException() || m.Source == "security" {
			t.Errorf("page console %s (%s:%d)", m, m.URL, m.Line+1)
		}
	}
	for _, text := range expected {
		t.Errorf("the page console lacks the error the test expected: %q", text)
	}
	for _, u := range b.blocked {
		t.Errorf("the page requested a non-loopback URL: %s", u)
	}
	// The filter saw the page's own requests, so it would have seen others.
	if !slices.ContainsFunc(b.allowed, func(u string) bool { return strings.HasSuffix(u, "/openapi.json") }) {
		t.Errorf("the request filter did not see the document's request; it saw %q", b.allowed)
	}
}

func (b *browser) sawMessage(text string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.messages {
		if m.Text == text {
			return true
		}
	}
	return false
}
