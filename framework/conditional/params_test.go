package conditional_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"
	"github.com/signet-go/signet/internal/wiretest"
)

// TestResolveReadsEveryLineWhateverTheContext checks that Params hold the
// same values whether the operation sees Signet's own context (Resolve
// reads the request's header directly) or a context wrapped by a Huma
// middleware (Resolve walks EachHeader): headers sent over several lines,
// an empty line, a name in lower case, the four headers together.
func TestResolveReadsEveryLineWhateverTheContext(t *testing.T) {
	const date, date2 = "Sun, 10 Mar 2024 12:00:00 GMT", "Mon, 11 Mar 2024 12:00:00 GMT"
	cases := []struct {
		header []string
		want   echoedParams
	}{
		{nil, echoedParams{}},
		{[]string{`If-None-Match: "a"`}, echoedParams{IfNoneMatch: `"a"`}},
		{[]string{`If-None-Match: "a"`, `If-None-Match: W/"b"`}, echoedParams{IfNoneMatch: `"a", W/"b"`}},
		{[]string{`If-None-Match:`, `If-None-Match: "b"`}, echoedParams{IfNoneMatch: `, "b"`}},
		{[]string{`if-none-match: "lower"`, `Accept: application/json`}, echoedParams{IfNoneMatch: `"lower"`}},
		{[]string{`If-Match: "x"`, `If-None-Match: *`, `If-Modified-Since: ` + date, `If-Unmodified-Since: ` + date, `If-Match: "y"`},
			echoedParams{IfMatch: `"x", "y"`, IfNoneMatch: "*", IfModifiedSince: date, IfUnmodifiedSince: date}},
		{[]string{`If-Modified-Since: ` + date, `If-Modified-Since: ` + date2}, echoedParams{IfModifiedSince: date + ", " + date2}},
	}
	for _, wrap := range []bool{false, true} {
		srv := echoParams(t, wrap)
		for _, c := range cases {
			resp := wiretest.RoundTrip(t, srv.Listener.Addr().String(), "GET", "/", "", c.header...)
			var got echoedParams
			if err := json.Unmarshal([]byte(resp.Body), &got); err != nil {
				t.Fatalf("%v: %d %s: %v", c.header, resp.Status, resp.Body, err)
			}
			if got != c.want {
				t.Errorf("%v (context wrapped: %v): Params = %+v, want %+v", c.header, wrap, got, c.want)
			}
		}
	}
}

// TestResolveJoinsNamesThatDifferInCase checks, on requests built by hand
// (net/http's server canonicalizes names), that lines under names that
// differ only in case are all read, with or without a wrapped context.
func TestResolveJoinsNamesThatDifferInCase(t *testing.T) {
	for _, wrap := range []bool{false, true} {
		srv := echoParams(t, wrap)
		r := httptest.NewRequest("GET", "/", nil)
		r.Header = http.Header{"If-None-Match": {`"a"`, `"b"`}, "if-none-match": {`"c"`}}
		w := httptest.NewRecorder()
		srv.Config.Handler.ServeHTTP(w, r)
		var got echoedParams
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatalf("%d %s: %v", w.Code, w.Body, err)
		}
		// The order of the names is the map's.
		if got.IfNoneMatch != `"a", "b", "c"` && got.IfNoneMatch != `"c", "a", "b"` {
			t.Errorf("context wrapped: %v: IfNoneMatch = %q, want the three lines", wrap, got.IfNoneMatch)
		}
	}
}

type echoInput struct{ conditional.Params }

// echoedParams are the Params an operation was given, as it sends them.
type echoedParams struct {
	IfMatch, IfNoneMatch, IfModifiedSince, IfUnmodifiedSince string
}

type echoOutput struct{ Body echoedParams }

// echoParams starts an App whose operation GET / answers with the Params
// it was given; with wrap, a Huma middleware wraps its context first.
func echoParams(t *testing.T, wrap bool) *httptest.Server {
	t.Helper()
	app := framework.New(framework.Config{
		Title: "Params", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if wrap {
		type key struct{}
		app.API().UseMiddleware(func(ctx huma.Context, next func(huma.Context)) {
			next(huma.WithValue(ctx, key{}, true))
		})
	}
	framework.Get(app, "/", func(_ context.Context, in *echoInput) (*echoOutput, error) {
		p := in.Params
		return &echoOutput{Body: echoedParams{p.IfMatch, p.IfNoneMatch, p.IfModifiedSince, p.IfUnmodifiedSince}}, nil
	})
	srv := httptest.NewServer(app)
	t.Cleanup(srv.Close)
	return srv
}
