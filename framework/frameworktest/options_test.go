package frameworktest_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// received is what the echo handler saw of a request's credentials.
type received struct {
	Authorization string `json:"authorization"`
	Key           string `json:"key"`    // the X-Key header
	Query         string `json:"query"`  // the raw query
	Cookies       string `json:"cookie"` // the Cookie header
	Tenant        string `json:"tenant"` // the X-Tenant header
}

func echoCredentials(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(received{
		Authorization: r.Header.Get("Authorization"), Key: r.Header.Get("X-Key"),
		Query: r.URL.RawQuery, Cookies: r.Header.Get("Cookie"), Tenant: r.Header.Get("X-Tenant"),
	})
}

func newEchoApp() *framework.App {
	app := newTestApp()
	app.Router().Get("/echo", echoCredentials)
	return app
}

func echoed(t *testing.T, resp *http.Response) received {
	t.Helper()
	var got received
	decode(t, resp, &got)
	return got
}

func TestCredentialsAndHeaders(t *testing.T) {
	r := newRecorder(t)
	c := frameworktest.New(r, newEchoApp(),
		frameworktest.Bearer("t0ken"),
		frameworktest.APIKey("header", "X-Key", "k1"),
		frameworktest.APIKey("query", "api_key", "k 2"),
		frameworktest.APIKey("cookie", "session", "k3"),
		frameworktest.Header("X-Tenant", "acme"),
	)
	cases := []struct {
		name string
		got  received
		want received
	}{
		{"every default", echoed(t, c.Get("/echo")),
			received{"Bearer t0ken", "k1", "api_key=k+2", "session=k3", "acme"}},
		{"a request's own header, query and cookie win", echoed(t, c.Get("/echo?api_key=mine&x=1", "Authorization: Bearer other", "Cookie: session=mine", "X-Tenant: beta")),
			received{"Bearer other", "k1", "api_key=mine&x=1", "session=mine", "beta"}},
		{"a query is kept as written, the key appended", echoed(t, c.Get("/echo?b=2&a=1")),
			received{"Bearer t0ken", "k1", "b=2&a=1&api_key=k+2", "session=k3", "acme"}},
		{"no credentials, the other headers stay", echoed(t, c.With(frameworktest.NoCredentials()).Get("/echo")),
			received{Tenant: "acme"}},
		{"other credentials replace those of the same place and name", echoed(t, c.With(frameworktest.BasicAuth("ada", "pw"), frameworktest.APIKey("cookie", "other", "k4")).Get("/echo")),
			received{"Basic YWRhOnB3", "k1", "api_key=k+2", "session=k3; other=k4", "acme"}},
		{"With leaves the client it was made from as it was", echoed(t, c.Get("/echo")),
			received{"Bearer t0ken", "k1", "api_key=k+2", "session=k3", "acme"}},
		{"credentials set after NoCredentials are sent", echoed(t, c.With(frameworktest.NoCredentials(), frameworktest.Bearer("new")).Get("/echo")),
			received{Authorization: "Bearer new", Tenant: "acme"}},
	}
	for _, tc := range cases {
		if tc.got != tc.want {
			t.Errorf("%s: the App received %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}

	// Requests by Do: to the App, with or without its address; nowhere else.
	req := httptest.NewRequest(http.MethodGet, "/echo", nil)
	if got := echoed(t, c.Do(req)); got.Authorization != "Bearer t0ken" {
		t.Errorf("Do without a host: %+v", got)
	}
	if req.Header.Get("Authorization") != "" {
		t.Errorf("Do changed the caller's request: %v", req.Header)
	}
	req, _ = http.NewRequest(http.MethodGet, c.URL()+"/echo", nil)
	if got := echoed(t, c.Do(req)); got.Authorization != "Bearer t0ken" {
		t.Errorf("Do to URL(): %+v", got)
	}
	elsewhere := httptest.NewServer(http.HandlerFunc(echoCredentials))
	defer elsewhere.Close()
	req, _ = http.NewRequest(http.MethodGet, elsewhere.URL+"/echo", nil)
	if got := echoed(t, c.Do(req)); got != (received{}) {
		t.Errorf("another server received the client's credentials: %+v", got)
	}
	expectReports(t, r)
}

func TestAMisusedOptionStopsTheTest(t *testing.T) {
	for _, tc := range []struct {
		option frameworktest.Option
		want   string
	}{
		{frameworktest.APIKey("body", "key", "k"), `frameworktest: APIKey("body", "key", ...): in must be "header", "query" or "cookie", as OpenAPI's apiKey scheme says`},
		{frameworktest.APIKey("query", "", "k"), `frameworktest: APIKey("query", "", ...): name the query parameter that carries the key`},
		{frameworktest.Header("X-Key:", "k"), `frameworktest: Header("X-Key:", ...): "X-Key:" is not a header name`},
	} {
		option, want := tc.option, tc.want
		r := newRecorder(t)
		if msg := catchFatal(func() { frameworktest.New(r, newEchoApp(), option) }); msg != want {
			t.Errorf("Fatalf(%q), want %q", msg, want)
		}
		c := frameworktest.New(r, newEchoApp())
		if msg := catchFatal(func() { c.With(option) }); msg != want {
			t.Errorf("With: Fatalf(%q), want %q", msg, want)
		}
	}
}
