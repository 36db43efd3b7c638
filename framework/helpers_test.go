package framework_test

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
	"github.com/signet-go/signet/internal/testkit"
	"github.com/signet-go/signet/internal/wiretest"
)

// newApp returns an App that logs into the returned buffer.
func newApp(t testing.TB) (*framework.App, *testkit.Buffer) {
	t.Helper()
	logs := &testkit.Buffer{}
	app := framework.New(framework.Config{
		Title: "Test API", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	})
	return app, logs
}

// testServer is an App served on 127.0.0.1 for the duration of a test.
type testServer struct {
	URL  string
	addr string
	// check, when set, checks each response against the App's document
	// (frameworktest) and reports violations to the test.
	check func(req *http.Request, status int, header http.Header, body []byte)
}

// serve starts app on 127.0.0.1; every response roundTrip reads from it is
// also checked against the App's document.
func serve(t testing.TB, app *framework.App) *testServer {
	t.Helper()
	c := frameworktest.New(t, app)
	u, err := url.Parse(c.URL())
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{URL: c.URL(), addr: u.Host, check: c.Check}
}

// serveUnchecked starts h on 127.0.0.1 without checking its responses
// against a document, for tests that answer with undocumented statuses on
// purpose (a dynamic Status the document cannot list).
func serveUnchecked(t testing.TB, h http.Handler) *testServer {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{URL: srv.URL, addr: srv.Listener.Addr().String()}
}

// roundTrip sends one raw request to srv (see package wiretest) and, when
// srv checks responses, checks what came back against the App's document.
// Each header is given as name and value.
func roundTrip(t testing.TB, srv *testServer, method, target string, header map[string]string, body string) wiretest.Response {
	t.Helper()
	lines := make([]string, 0, len(header))
	for name, value := range header {
		lines = append(lines, name+": "+value)
	}
	r := wiretest.RoundTrip(t, srv.addr, method, target, body, lines...)
	if srv.check != nil {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		for name, value := range header {
			req.Header.Set(name, value)
		}
		srv.check(req, r.Status, r.Header, []byte(r.Body))
	}
	return r
}

// mustPanic runs f and returns the value it panicked with.
func mustPanic(t testing.TB, f func()) (v any) {
	t.Helper()
	defer func() { v = recover() }()
	f()
	t.Fatal("expected a panic, got none")
	return nil
}

// mustRefuse runs register, which must panic with a
// *framework.RegistrationError whose message holds each of want.
func mustRefuse(t testing.TB, register func(), want ...string) {
	t.Helper()
	v := mustPanic(t, register)
	var regErr *framework.RegistrationError
	if err, ok := v.(error); !ok || !errors.As(err, &regErr) {
		t.Fatalf("panicked with %T %v, want a *framework.RegistrationError", v, v)
	}
	for _, fragment := range want {
		if !strings.Contains(regErr.Error(), fragment) {
			t.Errorf("message %q\ndoes not contain %q", regErr.Error(), fragment)
		}
	}
}

// httptestRecorder and httptestRequest are httptest's, for one in-process
// exchange.
func httptestRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func httptestRequest(method, target string) *http.Request {
	return httptest.NewRequest(method, target, nil)
}

// discardLogger logs nowhere.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// slogTo is a text logger writing to w.
func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
