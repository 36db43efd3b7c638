package framework_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2/queryparam"
	"github.com/signet-go/signet/framework"
)

// Fuzz targets: parameter binding, JSON bodies and the status rules, each
// served in process by an App. Seeds are below and in testdata/fuzz; run
// one for a while with, for example,
//
//	go test ./framework -run '^$' -fuzz '^FuzzParams$' -fuzztime 30s
//
// .ci/fuzz runs every target for a short bounded time. A crasher that the
// fuzzer writes to testdata/fuzz becomes a regular test case of plain
// `go test` from then on.

// fuzzApp is the App the fuzz targets send requests to.
func fuzzApp(t testing.TB) *framework.App {
	app := framework.New(framework.Config{
		Title: "Fuzz", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	framework.Get(app, "/p/{id}", func(_ context.Context, in *fuzzParams) (*struct{ Body fuzzParams }, error) {
		return &struct{ Body fuzzParams }{Body: *in}, nil
	})
	framework.Post(app, "/things", func(_ context.Context, in *struct{ Body hostileDraft }) (*struct{ Body hostileDraft }, error) {
		return &struct{ Body hostileDraft }{Body: in.Body}, nil
	}, func(op *framework.Operation) { op.DefaultStatus = http.StatusCreated })
	framework.Get(app, "/dynamic", func(_ context.Context, in *statusQuery) (*dynamicOut, error) {
		return &dynamicOut{Status: in.Status, ETag: `"v1"`, Body: itemBody{Name: "teapot"}}, nil
	})
	framework.Get(app, "/bytes", func(_ context.Context, in *statusQuery) (*bytesOut, error) {
		return &bytesOut{Status: in.Status, Body: []byte("raw bytes")}, nil
	})
	return app
}

type fuzzParams struct {
	ID      int64    `path:"id" minimum:"1" json:"id"`
	Q       string   `query:"q" maxLength:"20" json:"q"`
	N       int32    `query:"n" json:"n"`
	U       uint8    `query:"u" json:"u"`
	Tags    []string `query:"tags" maxItems:"5" json:"tags"`
	Trace   string   `header:"X-Trace" json:"trace"`
	Session string   `cookie:"session" json:"session"`
}

// checkProblem checks an error response: problem+json stating its status,
// nothing of the inputs longer than 15 bytes, nothing of the implementation.
func checkProblem(t *testing.T, rec *httptest.ResponseRecorder, inputs ...string) {
	t.Helper()
	if rec.Code >= 500 {
		t.Fatalf("status %d for client input: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("status %d with Content-Type %q", rec.Code, ct)
	}
	var problem struct{ Status int }
	if err := json.Unmarshal(rec.Body.Bytes(), &problem); err != nil || problem.Status != rec.Code {
		t.Fatalf("status %d with problem %s (%v)", rec.Code, rec.Body, err)
	}
	body := rec.Body.String()
	for _, input := range inputs {
		if len(input) >= 16 && strings.Contains(body, input) {
			t.Fatalf("the problem echoes the input %q: %s", input, body)
		}
	}
	for _, leak := range []string{"Go struct", "Go value", "unmarshal", ".go:", "goroutine"} {
		if strings.Contains(body, leak) {
			t.Fatalf("the problem leaks %q: %s", leak, body)
		}
	}
}

func FuzzParams(f *testing.F) {
	f.Add("1", "q=hello&n=5&u=7&tags=a,b", "trace", "abc")
	f.Add("99999999999999999999", "n=4294967297", "", "")
	f.Add("%2e%2e%2f", "u=256&n=-2147483649", "\xff", "%FF")
	f.Add("1", "tags=a,b,c,d,e,f&q=%00", "a\x00b", "x;y")
	app := fuzzApp(f)
	f.Fuzz(func(t *testing.T, path, query, trace, session string) {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.URL.Path = "/p/" + path
		r.URL.RawPath = ""
		r.URL.RawQuery = query
		r.Header["X-Trace"] = []string{trace}
		r.Header["Cookie"] = []string{"session=" + session}
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			switch rec.Code {
			case http.StatusNotFound, http.StatusMethodNotAllowed:
				return // the path did not match the route
			case http.StatusTemporaryRedirect: // the path has a route with its trailing slash toggled
				if location := rec.Header().Get("Location"); !strings.HasPrefix(location, "/") || strings.HasPrefix(location, "//") {
					t.Fatalf("a redirect to %q, which may leave the origin", location)
				}
				return
			}
			checkProblem(t, rec, path, query, trace, session)
			return
		}
		var got fuzzParams
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("200 with body %s: %v", rec.Body, err)
		}
		if got.ID < 1 {
			t.Fatalf("id %d bound despite minimum 1", got.ID)
		}
		if utf8.RuneCountInString(got.Q) > 20 || len(got.Tags) > 5 {
			t.Fatalf("bound despite maxLength 20 / maxItems 5: %+v", got)
		}
		// Integers reach the handler exactly as sent, never truncated.
		if v := queryparam.Get(query, "n"); v != "" {
			want, err := strconv.ParseInt(v, 10, 32)
			if err != nil || int32(want) != got.N {
				t.Fatalf("n=%q bound as %d", v, got.N)
			}
		}
		if v := queryparam.Get(query, "u"); v != "" {
			want, err := strconv.ParseUint(v, 10, 8)
			if err != nil || uint8(want) != got.U {
				t.Fatalf("u=%q bound as %d", v, got.U)
			}
		}
	})
}

// serveWithin serves r and fails, so that the fuzzer keeps the input, when
// it takes longer than limit: a hang is a denial of service.
func serveWithin(t *testing.T, app http.Handler, r *http.Request, limit time.Duration) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		app.ServeHTTP(rec, r)
	}()
	select {
	case <-done:
		return rec
	case <-time.After(limit):
		t.Fatalf("no answer within %s", limit)
		return nil
	}
}

func FuzzJSONBody(f *testing.F) {
	for _, seed := range []string{
		`{"name":"a"}`, `{"name":"a","count":3,"price":1.5,"tags":["x"],"notes":"n","child":{"label":"l"}}`,
		`{"name":"a","NAME":""}`, `{"name":"a","name":"b"}`, `{"name":"\ud800"}`, `{"name":1e400}`,
		`{"name":"a","count":2147483648}`, `[[[[]]]]`, "{\"name\":\"\xff\"}", `{"name":"a","extra":1}`,
	} {
		f.Add([]byte(seed))
	}
	app := fuzzApp(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest(http.MethodPost, "/things", strings.NewReader(string(body)))
		r.Header.Set("Content-Type", "application/json")
		rec := serveWithin(t, app, r, 2*time.Second)
		if rec.Code != http.StatusCreated {
			checkProblem(t, rec, string(body))
			return
		}
		if !utf8.Valid(body) || !json.Valid(body) {
			t.Fatalf("accepted a body that is not UTF-8 JSON: %q", body)
		}
		var got hostileDraft
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		// What the handler got obeys the schema: validation and decoding
		// saw the same values.
		if n := utf8.RuneCountInString(got.Name); n < 1 || n > 100 || got.Count < 0 || len(got.Tags) > 10 {
			t.Fatalf("the handler got %+v, which the schema forbids, from %q", got, body)
		}
		var members map[string]json.RawMessage
		if json.Unmarshal(body, &members) == nil {
			seen := map[string]bool{}
			for name := range members {
				folded := strings.ToLower(name)
				if seen[folded] {
					t.Fatalf("accepted two members named alike: %q", body)
				}
				seen[folded] = true
			}
		}
	})
}

// FuzzStatus checks the status rules on any status a handler may choose:
// a status outside 200-599 becomes a 500 problem; 204, 205 and 304 carry
// no body and no Content-Type; any other status is sent as chosen, with its
// body.
func FuzzStatus(f *testing.F) {
	for _, s := range []int{0, 99, 100, 103, 199, 200, 201, 204, 205, 206, 304, 404, 599, 600, 1000, -1} {
		f.Add(s, false)
		f.Add(s, true)
	}
	app := fuzzApp(f)
	f.Fuzz(func(t *testing.T, status int, raw bool) {
		path := "/dynamic"
		if raw {
			path = "/bytes"
		}
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path+"?status="+strconv.Itoa(status), nil))
		want := status
		if want == 0 {
			want = http.StatusOK
		}
		if want < 200 || want > 599 {
			if rec.Code != http.StatusInternalServerError || rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("status %d: sent %d %q, want a 500 problem", status, rec.Code, rec.Header().Get("Content-Type"))
			}
			return
		}
		if rec.Code != want {
			t.Fatalf("status %d: sent %d", status, rec.Code)
		}
		bodiless := want == 204 || want == 205 || want == 304
		if bodiless && (rec.Body.Len() > 0 || rec.Header().Get("Content-Type") != "") {
			t.Fatalf("status %d: sent a body %q or Content-Type %q", want, rec.Body, rec.Header().Get("Content-Type"))
		}
		if !bodiless && rec.Body.Len() == 0 {
			t.Fatalf("status %d: the body is missing", want)
		}
	})
}
