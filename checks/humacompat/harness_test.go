package humacompat

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
	"github.com/signet-go/signet/framework"
)

// path is how a row's operations reach a server.
type path int

const (
	stockHuma         path = iota // (a) stock Huma, humachi, huma.DefaultConfig, huma.Register
	humaOnSignet                  // (b) a Signet App, huma.Register(app.API(), ...)
	frameworkOnSignet             // (c) a Signet App, framework.Register(app, ...)
)

func (p path) String() string {
	switch p {
	case stockHuma:
		return "stock Huma"
	case humaOnSignet:
		return "huma.Register on a Signet App"
	default:
		return "framework.Register on a Signet App"
	}
}

// row is one feature of Huma: the operations that use it and the requests
// that exercise it, sent alike to every path.
type row struct {
	name string // "area/feature", unique
	// stock sets the huma.Config options the row is about on stock Huma;
	// nil keeps huma.DefaultConfig.
	stock func(*huma.Config)
	// sameConfig gives the Signet paths stock Huma's configuration (with
	// the row's stock options) as Config.Huma, as a program coming from
	// Huma does.
	sameConfig bool
	// signet sets the row's options on Signet's Config, where
	// framework.Config has them. It returns why not when Signet has no way
	// to set them.
	signet func(*framework.Config) (whyNot string)
	// setup registers the row's operations on one path.
	setup    func(r routes)
	requests []request
}

// routes is where a row's setup registers operations on one path.
type routes struct {
	path path
	api  huma.API         // (a), (b): where huma.Register registers: an API or a *huma.Group
	fw   framework.Routes // (c): where framework.Register registers: the App or a Group
	app  *framework.App   // (b), (c): the App; nil on stock Huma
	// whyNot is set by cannot.
	whyNot *string
}

// signet reports whether r is one of the Signet paths.
func (r routes) signet() bool { return r.app != nil }

// humaAPI is the API behind r, whichever the path: for edits of the
// document, and for helpers such as sse.Register and autopatch.AutoPatch
// that take a huma.API on every path.
func (r routes) humaAPI() huma.API {
	if r.app != nil {
		return r.app.API()
	}
	return r.api
}

// cannot records that the row cannot be expressed on this path, and why.
func (r routes) cannot(why string) { *r.whyNot = why }

// with returns r registering on a group: g on stock Huma and by
// huma.Register, fg by framework.Register.
func (r routes) with(g huma.API, fg framework.Routes) routes {
	if r.fw != nil {
		r.fw = fg
	} else {
		r.api = g
	}
	return r
}

type handler[I, O any] = func(context.Context, *I) (*O, error)

// register registers op by huma.Register or framework.Register, as the
// path asks; get, post, put, patch and del do the same with Huma's and
// Signet's shortcuts.
func register[I, O any](r routes, op huma.Operation, h handler[I, O]) {
	if r.fw != nil {
		framework.Register(r.fw, op, h)
		return
	}
	huma.Register(r.api, op, h)
}

func get[I, O any](r routes, p string, h handler[I, O], options ...func(*huma.Operation)) {
	if r.fw != nil {
		framework.Get(r.fw, p, h, options...)
		return
	}
	huma.Get(r.api, p, h, options...)
}

func post[I, O any](r routes, p string, h handler[I, O], options ...func(*huma.Operation)) {
	if r.fw != nil {
		framework.Post(r.fw, p, h, options...)
		return
	}
	huma.Post(r.api, p, h, options...)
}

func put[I, O any](r routes, p string, h handler[I, O], options ...func(*huma.Operation)) {
	if r.fw != nil {
		framework.Put(r.fw, p, h, options...)
		return
	}
	huma.Put(r.api, p, h, options...)
}

func patch[I, O any](r routes, p string, h handler[I, O], options ...func(*huma.Operation)) {
	if r.fw != nil {
		framework.Patch(r.fw, p, h, options...)
		return
	}
	huma.Patch(r.api, p, h, options...)
}

func del[I, O any](r routes, p string, h handler[I, O], options ...func(*huma.Operation)) {
	if r.fw != nil {
		framework.Delete(r.fw, p, h, options...)
		return
	}
	huma.Delete(r.api, p, h, options...)
}

// echo is a handler that answers with its input as the body: what Huma
// bound from the request.
func echo[I any](_ context.Context, in *I) (*struct{ Body *I }, error) {
	return &struct{ Body *I }{in}, nil
}

// request is one request a row sends.
type request struct {
	method, target string
	header         []string // "Name: value"
	body           string
	// view, when set, replaces the body of the answer by what of it the row
	// compares (a document's operations, a page's renderer).
	view func(body []byte) string
}

func GET(target string, header ...string) request {
	return request{method: http.MethodGet, target: target, header: header}
}

func HEAD(target string, header ...string) request {
	return request{method: http.MethodHead, target: target, header: header}
}

func DELETE(target string, header ...string) request {
	return request{method: http.MethodDelete, target: target, header: header}
}

// send is a request with a body; the header lines give its Content-Type,
// if any.
func send(method, target, body string, header ...string) request {
	return request{method: method, target: target, body: body, header: header}
}

// POST, PUT and PATCH send a JSON body with Content-Type application/json.
func POST(target, body string, header ...string) request {
	return send(http.MethodPost, target, body, append([]string{"Content-Type: application/json"}, header...)...)
}

func PUT(target, body string, header ...string) request {
	return send(http.MethodPut, target, body, append([]string{"Content-Type: application/json"}, header...)...)
}

func PATCH(target, body, contentType string, header ...string) request {
	return send(http.MethodPatch, target, body, append([]string{"Content-Type: " + contentType}, header...)...)
}

func (q request) viewed(view func([]byte) string) request {
	q.view = view
	return q
}

func (q request) String() string {
	s := q.method + " " + q.target
	for _, h := range q.header {
		s += " [" + h + "]"
	}
	if q.body != "" {
		s += " " + abbreviate(q.body, 80)
	}
	return s
}

// answer is what a server answered to one request.
type answer struct {
	failed string // the exchange failed on the wire: no complete response
	status int
	header http.Header // less the headers that differ by nature (ignoredHeaders)
	body   string
	json   any // the body parsed, when it is JSON; normalizers edit it
}

// ignoredHeaders differ between any two servers, or follow from the body.
var ignoredHeaders = []string{"Date", "Content-Length"}

func (a *answer) String() string {
	if a.failed != "" {
		return "no response: " + a.failed
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d", a.status)
	for _, name := range slices.Sorted(maps.Keys(a.header)) {
		fmt.Fprintf(&b, "\n%s: %s", name, strings.Join(a.header[name], ", "))
	}
	body := a.body
	if a.json != nil {
		encoded, _ := json.Marshal(a.json) // sorts object members
		body = string(encoded)
	}
	if body != "" {
		b.WriteString("\n" + abbreviate(body, 2000))
	}
	return b.String()
}

func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + fmt.Sprintf("... (%d bytes)", len(s))
}

// result is what one path did with a row.
type result struct {
	path    path
	refused string // the App or an operation was refused: the panic
	whyNot  string // the row cannot be expressed on this path
	answers []*answer
	config  framework.Config // Signet's configuration, on the Signet paths
}

// outcome renders a result for comparison: a refusal compares as a
// refusal, whatever its message.
func (res *result) outcome(requests []request) string {
	switch {
	case res.refused != "":
		return "refused when created or registered"
	case res.whyNot != "":
		return "cannot be expressed: " + res.whyNot
	}
	var b strings.Builder
	for i, a := range res.answers {
		fmt.Fprintf(&b, "%s\n%s\n", requests[i], indent(a.String()))
	}
	return b.String()
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

var discard = slog.New(slog.DiscardHandler)

// run builds the row's server on path p, sends it the row's requests over
// 127.0.0.1 and returns the answers.
func run(t *testing.T, rw row, p path) *result {
	t.Helper()
	res := &result{path: p}
	r := routes{path: p, whyNot: &res.whyNot}
	var handler http.Handler
	func() {
		defer func() {
			if v := recover(); v != nil {
				res.refused = fmt.Sprint(v)
			}
		}()
		if p == stockHuma {
			router := chi.NewMux()
			r.api = humachi.New(router, stockConfig(rw))
			handler = router
		} else {
			cfg := framework.Config{Title: "Parity", Version: "1.0.0", Logger: discard}
			if rw.sameConfig {
				hc := stockConfig(rw)
				cfg.Huma = &hc
			}
			if rw.signet != nil {
				if res.whyNot = rw.signet(&cfg); res.whyNot != "" {
					return
				}
			}
			res.config = cfg
			app := framework.New(cfg)
			r.app = app
			if p == humaOnSignet {
				r.api = app.API()
			} else {
				r.fw = app
			}
			handler = app
		}
		rw.setup(r)
	}()
	if res.refused != "" || res.whyNot != "" {
		return res
	}
	server := httptest.NewUnstartedServer(handler)
	// Stock Huma panics where Signet answers (see not-acceptable-answered):
	// net/http logs each panic with its stack, which the row's diff shows.
	server.Config.ErrorLog = log.New(io.Discard, "", 0)
	server.Start()
	defer server.Close()
	client := &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer client.CloseIdleConnections()
	for _, q := range rw.requests {
		res.answers = append(res.answers, exchange(t, client, server.URL, q))
	}
	return res
}

// stockConfig is stock Huma's configuration for the row:
// huma.DefaultConfig with the row's stock options.
func stockConfig(rw row) huma.Config {
	cfg := huma.DefaultConfig("Parity", "1.0.0")
	if rw.stock != nil {
		rw.stock(&cfg)
	}
	return cfg
}

// serverURL stands for the address of the server in answers.
const serverURL = "http://server"

// exchange sends q and reads the whole answer.
func exchange(t *testing.T, client *http.Client, base string, q request) *answer {
	t.Helper()
	var body io.Reader
	if q.body != "" {
		body = strings.NewReader(q.body)
	}
	req, err := http.NewRequest(q.method, base+q.target, body)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	for _, line := range q.header {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s: header line %q has no colon", q, line)
		}
		req.Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	resp, err := client.Do(req)
	if err != nil {
		return &answer{failed: "the server closed the connection or timed out"}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return &answer{failed: "the body ended early"}
	}
	// The server's address differs by construction: $schema and Link URLs,
	// Location headers.
	raw = bytes.ReplaceAll(raw, []byte(base), []byte(serverURL))
	a := &answer{status: resp.StatusCode, header: resp.Header.Clone(), body: string(raw)}
	for _, name := range ignoredHeaders {
		a.header.Del(name)
	}
	for name, values := range a.header {
		for i, v := range values {
			values[i] = strings.ReplaceAll(v, base, serverURL)
		}
		a.header[name] = values
	}
	switch {
	case q.view != nil:
		a.body = q.view(raw)
	case strings.Contains(resp.Header.Get("Content-Type"), "json") && len(raw) > 0:
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		var v any
		if d.Decode(&v) == nil {
			a.json = v
		}
	}
	return a
}

// clone copies a result deeply enough for normalizers to edit it.
func (res *result) clone() *result {
	c := *res
	c.answers = nil
	for _, a := range res.answers {
		ac := *a
		ac.header = a.header.Clone()
		if a.json != nil {
			ac.json = cloneJSON(a.json)
		}
		c.answers = append(c.answers, &ac)
	}
	return &c
}

func cloneJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(v))
		for k, e := range v {
			c[k] = cloneJSON(e)
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, e := range v {
			c[i] = cloneJSON(e)
		}
		return c
	}
	return v
}
