package framework_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

// The hostile-input suite sends malformed, oversized and malicious requests
// as raw bytes to an App served by App.Serve with its default limits, and
// checks each answer on the wire: the status, a problem+json body (unless
// net/http itself answers before the App sees the request), nothing of the
// input or of the implementation echoed, X-Content-Type-Options: nosniff,
// and the server still serving afterwards. The security guide,
// docs/security.md, lists every case with its expected and observed result.

// marker is in every hostile value; a response that contains it echoes
// the request.
const marker = "SIGNETMARK"

// leaks are what a response must never contain: the request echoed, or
// the implementation (Go types, file names, stacks, libraries).
var leaks = []string{
	strings.ToLower(marker), "go struct", "go value", "goroutine", ".go:", "runtime.", "reflect.",
	"huma", "encoding/json", "signet-go", "int32", "int64", "float64", "hostiledraft", "unmarshal",
}

type hostileDraft struct {
	Name  string       `json:"name" minLength:"1" maxLength:"100"`
	Count int32        `json:"count,omitempty" minimum:"0"`
	Price float64      `json:"price,omitempty"`
	Tags  []string     `json:"tags,omitempty" maxItems:"10"`
	Notes string       `json:"notes,omitempty"`
	Child *hostileNote `json:"child,omitempty"`
}

type hostileNote struct {
	Label string `json:"label"`
}

type createdOut struct {
	Body struct {
		ID int `json:"id"`
	}
}

type thingInput struct {
	ID      int64    `path:"id" minimum:"1"`
	Q       string   `query:"q" maxLength:"50"`
	N       int32    `query:"n"`
	Tags    []string `query:"tags" maxItems:"10"`
	Trace   string   `header:"X-Trace"`
	Session string   `cookie:"session"`
	Count   int32    `header:"X-Count"`
	Cookie  int32    `cookie:"count"`
}

type okOut struct {
	Body struct {
		OK bool `json:"ok"`
	}
}

type echoOut struct {
	Echo string `header:"X-Echo"`
	Body struct {
		OK bool `json:"ok"`
	}
}

// hostileTitle and hostileDescription are shown by the docs page.
const (
	hostileTitle       = `</title><script>alert("` + marker + `")</script>`
	hostileDescription = `<img src=x onerror="alert('` + marker + `')"> **bold**`
)

// hostileApp is the App under attack: a JSON body, parameters of every
// kind, a handler that copies input into a response header, and the docs.
func hostileApp(t *testing.T) (*framework.App, *testkit.Buffer) {
	logs := &testkit.Buffer{}
	app := framework.New(framework.Config{
		Title: hostileTitle, Version: "1.0.0", Description: hostileDescription,
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	})
	framework.Post(app, "/things", func(context.Context, *struct{ Body hostileDraft }) (*createdOut, error) {
		out := &createdOut{}
		out.Body.ID = 1
		return out, nil
	}, func(op *framework.Operation) { op.DefaultStatus = http.StatusCreated })
	framework.Get(app, "/things/{id}", func(context.Context, *thingInput) (*okOut, error) {
		out := &okOut{}
		out.Body.OK = true
		return out, nil
	})
	framework.Get(app, "/echo-header", func(_ context.Context, in *struct {
		V string `query:"v"`
	}) (*echoOut, error) {
		out := &echoOut{Echo: in.V}
		out.Body.OK = true
		return out, nil
	})
	framework.Get(app, "/health", func(context.Context, *struct{}) (*okOut, error) {
		out := &okOut{}
		out.Body.OK = true
		return out, nil
	})
	return app, logs
}

// startServe runs app.Serve on a free loopback port until the test ends,
// and checks then that it shut down cleanly.
func startServe(t testing.TB, app *framework.App) string {
	t.Helper()
	addr := testkit.FreeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- app.Serve(ctx, addr) }()
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	testkit.WaitListening(t, addr)
	return addr
}

// wireResponse is a response as read off the wire.
type wireResponse struct {
	raw    string
	status int
	header http.Header
	body   string
}

// exchange sends raw over a new connection, writing while it reads (the
// server may answer before the request is complete), and returns the first
// response. It fails when the server closes without answering.
func exchange(t testing.TB, addr, raw string) wireResponse {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
	go func() { _, _ = io.WriteString(conn, raw) }()
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("no response: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the body: %v", err)
	}
	var head strings.Builder
	_ = resp.Header.Write(&head)
	return wireResponse{raw: resp.Status + "\r\n" + head.String() + "\r\n" + string(body), status: resp.StatusCode, header: resp.Header, body: string(body)}
}

// request builds a raw HTTP/1.1 request. Each header is "Name: value";
// a body gets a Content-Length unless a header sets Transfer-Encoding or
// Content-Length itself.
func request(method, target, body string, headers ...string) string {
	var b strings.Builder
	b.WriteString(method + " " + target + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n")
	framed := false
	for _, h := range headers {
		b.WriteString(h + "\r\n")
		name := strings.ToLower(h[:max(strings.IndexByte(h, ':'), 0)])
		framed = framed || name == "transfer-encoding" || name == "content-length"
	}
	if body != "" && !framed {
		b.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	return b.String() + "\r\n" + body
}

const jsonType = "Content-Type: application/json"

// postThing posts body to /things as JSON.
func postThing(body string, headers ...string) string {
	return request("POST", "/things", body, append([]string{jsonType}, headers...)...)
}

// sized returns a valid draft of exactly n bytes.
func sized(n int) string {
	const head, tail = `{"name":"a","notes":"`, `"}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

func nested(open, close string, depth int, inner string) string {
	return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
}

type hostileCase struct {
	name   string
	req    string
	status int
	// byNetHTTP: net/http answers before the App sees the request, in
	// text/plain; there is no problem+json and no App header.
	byNetHTTP bool
	// check, if set, replaces the default check that nothing is echoed.
	check func(t *testing.T, r wireResponse)
}

const mib = 1 << 20

func hostileCases() []hostileCase {
	cookie := func(v string) string { return "Cookie: session=" + v }
	manyHeaders := make([]string, 2000)
	for i := range manyHeaders {
		manyHeaders[i] = fmt.Sprintf("X-Filler-%d: %s", i, strings.Repeat("v", 30))
	}
	return []hostileCase{
		// Malformed JSON.
		{name: "json truncated", req: postThing(`{"name":"` + marker), status: 400},
		{name: "json bare word", req: postThing(`{"name": ` + marker + `}`), status: 400},
		{name: "json not json", req: postThing(marker), status: 400},
		{name: "json empty body", req: request("POST", "/things", "", jsonType, "Content-Length: 0"), status: 400},
		{name: "json trailing garbage", req: postThing(`{"name":"a"} ` + marker), status: 400},
		{name: "json trailing comma", req: postThing(`{"name":"` + marker + `",}`), status: 400},
		{name: "json single quotes", req: postThing(`{'name':'` + marker + `'}`), status: 400},
		{name: "json comment", req: postThing(`{"name":"a" /* ` + marker + ` */}`), status: 400},
		{name: "json NaN", req: postThing(`{"name":"a","price":NaN}`), status: 400},
		{name: "json two documents", req: postThing(`{"name":"a"}{"name":"` + marker + `"}`), status: 400},
		{name: "json array instead of object", req: postThing(`["` + marker + `"]`), status: 422},
		{name: "json null", req: postThing(`null`), status: 422},
		{name: "json wrong member type", req: postThing(`{"name":["` + marker + `"]}`), status: 422},
		{name: "json missing required member", req: postThing(`{"notes":"` + marker + `"}`), status: 422},
		{name: "json string too long", req: postThing(`{"name":"` + strings.Repeat(marker, 20) + `"}`), status: 422},

		// Content-Type.
		{name: "content-type text/plain", req: request("POST", "/things", `{"name":"`+marker+`"}`, "Content-Type: text/plain"), status: 415},
		{name: "content-type missing", req: request("POST", "/things", `{"name":"`+marker+`"}`), status: 415},
		{name: "content-type xml", req: request("POST", "/things", `<name>`+marker+`</name>`, "Content-Type: application/xml"), status: 415},
		{name: "content-type form", req: request("POST", "/things", `name=`+marker, "Content-Type: application/x-www-form-urlencoded"), status: 415},
		{name: "content-type multipart", req: request("POST", "/things", "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"+marker+"\r\n--b--\r\n", "Content-Type: multipart/form-data; boundary=b"), status: 415},
		{name: "content-type malformed", req: request("POST", "/things", `{"name":"`+marker+`"}`, "Content-Type: application/json;;=;"), status: 201},
		{name: "content-type json with charset", req: request("POST", "/things", `{"name":"a"}`, "Content-Type: application/json; charset=utf-8"), status: 201},

		// A body on a GET is ignored.
		{name: "body on GET", req: request("GET", "/things/1", `{"name":"`+marker+`"}`, jsonType), status: 200},
		{name: "large body on GET", req: request("GET", "/things/1", strings.Repeat(marker, 2*mib/len(marker)), jsonType), status: 200},

		// Sizes (the default limit, 1 MiB).
		{name: "body one byte under the limit", req: postThing(sized(mib - 1)), status: 201},
		{name: "body exactly at the limit", req: postThing(sized(mib)), status: 201},
		{name: "body one byte over the limit", req: postThing(sized(mib + 1)), status: 413},
		{name: "body of 8 MiB", req: postThing(sized(8 * mib)), status: 413},
		{name: "chunked body over the limit", req: postThing(chunked(sized(mib+1)), "Transfer-Encoding: chunked"), status: 413},
		{name: "content-length of 10 GB announced", req: postThing(`{"name":"a"}`, "Content-Length: 10000000000"), status: 413},

		// Deep nesting.
		{name: "nesting 10001 arrays", req: postThing(nested("[", "]", 10001, "")), status: 400},
		{name: "nesting 100000 objects", req: postThing(nested(`{"a":`, "}", 100000, "1")), status: 400},
		{name: "nesting 1000 arrays in a member", req: postThing(`{"name":"a","tags":` + nested("[", "]", 1000, `"`+marker+`"`) + `}`), status: 422},

		// Numbers that do not fit.
		{name: "int32 overflow in body", req: postThing(`{"name":"a","count":2147483648}`), status: 422},
		{name: "huge integer in body", req: postThing(`{"name":"a","count":99999999999999999999999999}`), status: 422},
		{name: "float64 overflow in body", req: postThing(`{"name":"a","price":1e400}`), status: 400},
		{name: "fraction for an integer", req: postThing(`{"name":"a","count":1.5}`), status: 422},
		{name: "negative below minimum", req: postThing(`{"name":"a","count":-1}`), status: 422},
		{name: "int64 overflow in path", req: request("GET", "/things/99999999999999999999", ""), status: 422},
		{name: "int32 overflow in query", req: request("GET", "/things/1?n=99999999999", ""), status: 422},
		{name: "int32 overflow in query that wraps to a small value", req: request("GET", "/things/1?n=4294967297", ""), status: 422},
		{name: "int32 overflow in header", req: request("GET", "/things/1", "", "X-Count: 2147483648"), status: 422},
		{name: "int32 underflow in cookie", req: request("GET", "/things/1", "", cookie("1; count=-2147483649")), status: 422},
		{name: "exponent in an integer query", req: request("GET", "/things/1?n=1e3", ""), status: 422},
		{name: "hex in an integer query", req: request("GET", "/things/1?n=0x10", ""), status: 422},

		// Invalid UTF-8 and NUL bytes.
		{name: "invalid UTF-8 in body", req: postThing("{\"name\":\"\xff\xfe" + marker + "\"}"), status: 400},
		{name: "overlong UTF-8 in body", req: postThing("{\"name\":\"\xc0\xaf" + marker + "\"}"), status: 400},
		{name: "lone surrogate escape in body", req: postThing(`{"name":"\ud800"}`), status: 201},
		{name: "invalid UTF-8 in query", req: request("GET", "/things/1?q=%FF%FE"+marker, ""), status: 200},
		{name: "invalid UTF-8 in header", req: request("GET", "/things/1", "", "X-Trace: \xff\xfe"+marker), status: 200},
		{name: "invalid UTF-8 in cookie", req: request("GET", "/things/1", "", cookie("%FF"+marker)), status: 200},
		{name: "invalid UTF-8 in path", req: request("GET", "/things/%FF", ""), status: 422},
		{name: "escaped NUL in body", req: postThing(`{"name":"a\u0000` + marker + `"}`), status: 201},
		{name: "raw NUL in body", req: postThing("{\"name\":\"a\x00" + marker + "\"}"), status: 400},
		{name: "NUL in query", req: request("GET", "/things/1?q=%00"+marker, ""), status: 200},
		{name: "NUL in path", req: request("GET", "/things/%00", ""), status: 422},
		{name: "raw NUL in header", req: request("GET", "/things/1", "", "X-Trace: a\x00"+marker), status: 400, byNetHTTP: true},
		{name: "raw NUL in request target", req: request("GET", "/things/1?q=\x00", ""), status: 400, byNetHTTP: true},

		// Duplicate and unknown members.
		{name: "duplicate member", req: postThing(`{"name":"a","name":"` + marker + `"}`), status: 400},
		{name: "duplicate member nested", req: postThing(`{"name":"a","child":{"label":"a","label":"` + marker + `"}}`), status: 400},
		{name: "duplicate member after others", req: postThing(`{"name":"a","tags":[],"child":{"label":"x"},"notes":"n","price":1,"count":1,"tags":["` + marker + `"]}`), status: 400},
		{name: "duplicate member in an array element", req: postThing(`{"name":"a","tags":[{"x":1,"x":"` + marker + `"}]}`), status: 400},
		{name: "member twice, differing in case", req: postThing(`{"name":"a","NAME":"` + marker + `"}`), status: 400},
		{name: "member twice, differing in case, to bypass validation", req: postThing(`{"name":"a","NAME":""}`), status: 400},
		{name: "member twice, long s for s", req: postThing(`{"name":"a","tags":[],"tagſ":["` + marker + `"]}`), status: 400},
		{name: "member named in another case, once", req: postThing(`{"NAME":"a"}`), status: 201},
		{name: "unknown member", req: postThing(`{"name":"a","admin":true}`), status: 422},
		{name: "unknown __proto__ member", req: postThing(`{"name":"a","__proto__":{"admin":true}}`), status: 422},

		// Query strings.
		{name: "array query over maxItems", req: request("GET", "/things/1?tags="+strings.Repeat(marker+",", 3000), ""), status: 422},
		{name: "repeated array query (first value counts)", req: request("GET", "/things/1?"+strings.Repeat("tags="+marker+"&", 3000), ""), status: 200},
		{name: "repeated scalar query", req: request("GET", "/things/1?q=a&q="+marker, ""), status: 200},
		{name: "huge query value", req: request("GET", "/things/1?q="+strings.Repeat(marker, 5000), ""), status: 422},
		{name: "3000 distinct query parameters", req: request("GET", "/things/1?"+distinctParams(3000), ""), status: 200},
		{name: "query over the header limit", req: request("GET", "/things/1?q="+strings.Repeat("a", 70<<10), ""), status: 431, byNetHTTP: true},
		{name: "malformed percent-encoding in query", req: request("GET", "/things/1?q=%zz"+marker, ""), status: 200},

		// Headers.
		{name: "one header of 100 KiB", req: request("GET", "/things/1", "", "X-Trace: "+strings.Repeat("a", 100<<10)), status: 431, byNetHTTP: true},
		{name: "2000 headers", req: request("GET", "/things/1", "", manyHeaders...), status: 431, byNetHTTP: true},
		{name: "bare CR in a header value", req: request("GET", "/things/1", "", "X-Trace: a\rInjected: "+marker), status: 400, byNetHTTP: true},
		{name: "obsolete line folding", req: request("GET", "/things/1", "", "X-Trace: a\r\n "+marker), status: 200},
		{name: "Content-Length and Transfer-Encoding", req: request("POST", "/things", "c\r\n{\"name\":\"a\"}\r\n0\r\n\r\n", jsonType, "Content-Length: 5", "Transfer-Encoding: chunked"), status: 201},
		{name: "two different Content-Lengths", req: request("POST", "/things", `{"name":"a"}`, jsonType, "Content-Length: 12", "Content-Length: 13"), status: 400, byNetHTTP: true},
		{name: "negative Content-Length", req: request("POST", "/things", `{"name":"a"}`, jsonType, "Content-Length: -1"), status: 400, byNetHTTP: true},
		{name: "malformed chunked body", req: postThing("zz\r\n"+marker+"\r\n0\r\n\r\n", "Transfer-Encoding: chunked"), status: 400},
		{name: "missing Host", req: "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", status: 400, byNetHTTP: true},
		{name: "unknown method", req: request("FROB", "/things/1", ""), status: 405},
		{name: "TRACE", req: request("TRACE", "/things/1", "", "X-Trace: "+marker), status: 405},

		// Paths: encoded slashes and dot segments, in the API and the docs.
		{name: "dot segments", req: request("GET", "/things/../../etc/passwd", ""), status: 404},
		{name: "encoded slashes and dots", req: request("GET", "/things/..%2F..%2Fetc%2Fpasswd", ""), status: 422},
		{name: "encoded dot segments", req: request("GET", "/%2e%2e/%2e%2e/etc/passwd", ""), status: 404},
		{name: "double slash", req: request("GET", "//things/1", ""), status: 404},
		{name: "docs dot segments", req: request("GET", "/docs/../go.mod", ""), status: 404},
		{name: "docs encoded dot segments", req: request("GET", "/docs/%2e%2e/%2e%2e/framework/app.go", ""), status: 404},
		{name: "docs encoded slashes", req: request("GET", "/docs/..%2f..%2fgo.mod", ""), status: 404},
		{name: "docs asset with NUL", req: request("GET", "/docs/index.css%00.js", ""), status: 404},
		{name: "document path with a suffix", req: request("GET", "/openapi.json/..%2f..%2fgo.mod", ""), status: 404},

		// CR/LF in values that a handler copies into a response header.
		{name: "CRLF into a response header", req: request("GET", "/echo-header?v=a%0D%0ASet-Cookie:%20"+marker+"=1", ""), status: 200, check: noInjectedHeader},
		{name: "LF into a response header", req: request("GET", "/echo-header?v=a%0ASet-Cookie:%20"+marker+"=1", ""), status: 200, check: noInjectedHeader},
		{name: "CRLFCRLF into a response header", req: request("GET", "/echo-header?v=a%0D%0A%0D%0A<script>"+marker+"</script>", ""), status: 200, check: noInjectedHeader},

		// HTML in the title and description shown by the docs page.
		{name: "docs page escapes the title", req: request("GET", "/docs", ""), status: 200, check: docsPageEscaped},
		{name: "document served as JSON, not HTML", req: request("GET", "/openapi.json", ""), status: 200, check: documentIsJSON},
	}
}

func chunked(body string) string {
	var b strings.Builder
	for len(body) > 0 {
		n := min(len(body), 64<<10)
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
		body = body[n:]
	}
	return b.String() + "0\r\n\r\n"
}

func distinctParams(n int) string {
	params := make([]string, n)
	for i := range params {
		params[i] = fmt.Sprintf("p%d=%s", i, marker)
	}
	return strings.Join(params, "&")
}

// noInjectedHeader checks that a value with CR/LF stayed inside its header.
func noInjectedHeader(t *testing.T, r wireResponse) {
	if r.header.Get("Set-Cookie") != "" || strings.Contains(r.raw, "\r\nSet-Cookie") {
		t.Errorf("a header was injected:\n%s", r.raw)
	}
	if strings.Contains(r.body, "<script>") {
		t.Errorf("the body was injected:\n%s", r.raw)
	}
	if strings.ContainsAny(r.header.Get("X-Echo"), "\r\n") {
		t.Errorf("X-Echo carries CR or LF: %q", r.header.Get("X-Echo"))
	}
}

func docsPageEscaped(t *testing.T, r wireResponse) {
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Errorf("Content-Type %q, want text/html", r.header.Get("Content-Type"))
	}
	for _, raw := range []string{"<script>alert", "</title><script>", "<img src=x"} {
		if strings.Contains(r.body, raw) {
			t.Errorf("the docs page contains %q unescaped:\n%s", raw, r.body)
		}
	}
}

func documentIsJSON(t *testing.T, r wireResponse) {
	if r.header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type %q, want application/json", r.header.Get("Content-Type"))
	}
}

func TestHostileInput(t *testing.T) {
	app, logs := hostileApp(t)
	addr := startServe(t, app)
	cases := hostileCases()
	if len(cases) < 50 {
		t.Fatalf("%d cases; the suite promises at least 50", len(cases))
	}
	var table strings.Builder
	table.WriteString("| # | case | request (abridged) | expected | observed |\n|---|---|---|---|---|\n")
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := exchange(t, addr, tc.req)
			fmt.Fprintf(&table, "| %d | %s | %s | %s | %s |\n", i+1, tc.name, abridge(tc.req), describeExpected(tc), describeObserved(r))
			if r.status != tc.status {
				t.Errorf("status %d, want %d\n%s", r.status, tc.status, clip(r.raw))
			}
			checkHostileResponse(t, tc, r)
			if health := exchange(t, addr, request("GET", "/health", "")); health.status != http.StatusOK {
				t.Fatalf("the server stopped serving: /health answered %d", health.status)
			}
		})
	}
	if path := os.Getenv("SIGNET_HOSTILE_TABLE"); path != "" {
		if err := os.WriteFile(path, []byte(table.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []string{"panicked", "level=ERROR"} {
		if strings.Contains(logs.String(), bad) {
			t.Errorf("the log has %q:\n%s", bad, logs)
		}
	}
}

func checkHostileResponse(t *testing.T, tc hostileCase, r wireResponse) {
	t.Helper()
	if server := r.header.Get("Server"); server != "" {
		t.Errorf("Server header %q reveals the implementation", server)
	}
	if r.header.Get("X-Powered-By") != "" {
		t.Error("X-Powered-By reveals the implementation")
	}
	if !tc.byNetHTTP && r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("X-Content-Type-Options %q, want nosniff", r.header.Get("X-Content-Type-Options"))
	}
	if r.status >= 400 && !tc.byNetHTTP {
		if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("Content-Type %q, want application/problem+json", ct)
		}
		if !strings.Contains(r.body, `"status":`+strconv.Itoa(r.status)) {
			t.Errorf("the problem does not state status %d: %s", r.status, clip(r.body))
		}
	}
	if tc.check != nil {
		tc.check(t, r)
		return
	}
	lower := strings.ToLower(r.raw)
	for _, leak := range leaks {
		if strings.Contains(lower, leak) {
			t.Errorf("the response contains %q:\n%s", leak, clip(r.raw))
		}
	}
}

// securityGuide is the guide whose hostile-input table lists every case.
const securityGuide = "../docs/security.md"

// TestSecurityGuideListsEveryCase keeps the security guide's table in step
// with the suite: regenerate the table with
//
//	SIGNET_HOSTILE_TABLE=/tmp/table.md go test ./framework -run TestHostileInput
func TestSecurityGuideListsEveryCase(t *testing.T) {
	doc, err := os.ReadFile(securityGuide)
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range hostileCases() {
		if row := fmt.Sprintf("| %d | %s | %s | %s |", i+1, tc.name, abridge(tc.req), describeExpected(tc)); !strings.Contains(string(doc), row) {
			t.Errorf("%s lacks the row %q", securityGuide, row)
		}
	}
}

// abridge shows a raw request in a table cell: the request line, the
// headers that matter, and the start of the body, quoted.
func abridge(raw string) string {
	head, body, _ := strings.Cut(raw, "\r\n\r\n")
	lines := strings.Split(head, "\r\n")
	parts := []string{shorten(lines[0], 60)}
	for _, line := range lines[1:] {
		name, _, _ := strings.Cut(line, ":")
		switch strings.ToLower(name) {
		case "host", "connection":
			continue
		case "content-length":
			if !strings.Contains(raw, "Transfer-Encoding") && !strings.Contains(line, "10000000000") && strings.Count(raw, "Content-Length") == 1 {
				continue
			}
		}
		parts = append(parts, shorten(line, 40))
	}
	if len(parts) > 4 {
		parts = append(parts[:3], fmt.Sprintf("... %d more headers", len(parts)-3))
	}
	if body != "" {
		parts = append(parts, fmt.Sprintf("body (%d bytes) %s", len(body), shorten(body, 40)))
	}
	cell := strings.ReplaceAll(strings.Join(parts, "; "), "|", "\\|")
	return "<code>" + strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(cell) + "</code>"
}

// shorten quotes s, cut to n bytes.
func shorten(s string, n int) string {
	if len(s) > n {
		return strconv.Quote(s[:n]) + fmt.Sprintf("+%d bytes", len(s)-n)
	}
	return strconv.Quote(s)
}

func describeExpected(tc hostileCase) string {
	switch {
	case tc.byNetHTTP:
		return fmt.Sprintf("%d from net/http (text/plain)", tc.status)
	case tc.status >= 400:
		return fmt.Sprintf("%d problem+json", tc.status)
	default:
		return strconv.Itoa(tc.status)
	}
}

func describeObserved(r wireResponse) string {
	ct, _, _ := strings.Cut(r.header.Get("Content-Type"), ";")
	return fmt.Sprintf("%d %s", r.status, ct)
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}
