package frameworktest_test

import (
	"context"
	"errors"
	"flag"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

func TestGeneratedRequestsOnAConformingApp(t *testing.T) {
	frameworktest.CheckGeneratedRequests(t, newNotesApp)
}

// plantedBugFlags stops rapid from saving the planted failures below under
// testdata/rapid, and bounds the time it spends shrinking them.
func plantedBugFlags(t *testing.T) {
	t.Helper()
	setFlag(t, "rapid.nofailfile", "true")
	setFlag(t, "rapid.shrinktime", "2s")
}

// setFlag sets a command-line flag for the rest of the test.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	previous := flag.Lookup(name).Value.String()
	if err := flag.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = flag.Set(name, previous) })
}

type priced struct {
	Name  string  `json:"name" minLength:"1" maxLength:"20"`
	Price float64 `json:"price" minimum:"0" maximum:"1000"`
}

func TestGeneratedRequestsFindAServerError(t *testing.T) {
	plantedBugFlags(t)
	newApp := func() *framework.App {
		app := newTestApp()
		framework.Post(app, "/prices", func(ctx context.Context, in *struct{ Body priced }) (*struct{ Body priced }, error) {
			if in.Body.Price > 700 {
				return nil, errors.New("planted bug: prices above 700 overflow the till")
			}
			return &struct{ Body priced }{in.Body}, nil
		})
		return app
	}
	r := newRecorder(t)
	catchFatal(func() { frameworktest.CheckGeneratedRequests(r, newApp) })
	reports := strings.Join(r.reported(), "\n")
	if !strings.Contains(reports, "[rapid] failed after") ||
		!strings.Contains(reports, "frameworktest: POST /prices answered 500 Internal Server Error: a request must never cause a server error") {
		t.Errorf("the planted server error was not found; reported:\n%s", reports)
	}
}

type colored struct {
	ID    int64  `json:"id"`
	Color string `json:"color" enum:"red,green"`
}

func TestGeneratedRequestsFindAnUndocumentedValue(t *testing.T) {
	plantedBugFlags(t)
	newApp := func() *framework.App {
		app := newTestApp()
		framework.Get(app, "/colors/{id}", func(ctx context.Context, in *struct {
			ID int64 `path:"id" minimum:"1" maximum:"50"`
		}) (*struct{ Body colored }, error) {
			color := "red"
			if in.ID%2 == 0 {
				color = "blue" // planted bug
			}
			return &struct{ Body colored }{colored{ID: in.ID, Color: color}}, nil
		})
		return app
	}
	r := newRecorder(t)
	catchFatal(func() { frameworktest.CheckGeneratedRequests(r, newApp) })
	reports := strings.Join(r.reported(), "\n")
	want := regexp.MustCompile(`frameworktest: GET /colors/\d*[02468] answered 200 OK: the body does not match the schema at /color: value must be one of 'red', 'green'`)
	if !strings.Contains(reports, "[rapid] failed after") || !want.MatchString(reports) {
		t.Errorf("the planted violation was not found; reported:\n%s\nwant it to match:\n%s", reports, want)
	}
}

func TestGeneratedRequestsSendCookieParameters(t *testing.T) {
	plantedBugFlags(t)
	newApp := func() *framework.App {
		app := newTestApp()
		framework.Get(app, "/theme", func(ctx context.Context, in *struct {
			Theme string `cookie:"theme" enum:"dark,light"`
		}) (*struct{ Body string }, error) {
			if in.Theme == "dark" {
				return nil, errors.New("planted bug: the dark theme is missing")
			}
			return &struct{ Body string }{"ok"}, nil
		})
		return app
	}
	r := newRecorder(t)
	catchFatal(func() { frameworktest.CheckGeneratedRequests(r, newApp) })
	reports := strings.Join(r.reported(), "\n")
	if !strings.Contains(reports, "frameworktest: GET /theme answered 500 Internal Server Error") {
		t.Errorf("the bug only a cookie reaches was not found; reported:\n%s", reports)
	}
}

// TestGeneratedRequestsThatNeverSucceedFail is the API behind a bearer
// token checked without credentials: every request to a secured operation
// is answered 401, and no handler behind it runs.
func TestGeneratedRequestsThatNeverSucceedFail(t *testing.T) {
	r := newRecorder(t)
	catchFatal(func() { frameworktest.CheckGeneratedRequests(r, newSecuredApp) })
	reports := strings.Join(r.reported(), "\n")
	want := regexp.MustCompile(`frameworktest: GET /notes \(list-notes\): none of the (\d+) generated requests was answered with a 2xx, so its handler may never have run
    answered: 401 Unauthorized ×(\d+)
    its security requires bearer: pass credentials as options \(frameworktest.Bearer, BasicAuth, APIKey\); if no generated request can succeed, name the operation in frameworktest.MayNeverSucceed`)
	if m := want.FindStringSubmatch(reports); m == nil || m[1] != m[2] {
		t.Errorf("no report that GET /notes never succeeded; reported:\n%s", reports)
	}
	if !strings.Contains(reports, "frameworktest: POST /notes (post-notes): none of the") {
		t.Errorf("no report that POST /notes never succeeded; reported:\n%s", reports)
	}
	if strings.Contains(reports, "/public") {
		t.Errorf("GET /public, which needs no token, was reported:\n%s", reports)
	}
}

func TestGeneratedRequestsWithCredentials(t *testing.T) {
	r := newRecorder(t)
	frameworktest.CheckGeneratedRequests(r, newSecuredApp, frameworktest.Bearer(secretToken))
	expectReports(t, r)
}

func TestGeneratedRequestsThatMayNeverSucceed(t *testing.T) {
	setFlag(t, "rapid.checks", "30") // enough for what this test asserts
	r := newRecorder(t)
	frameworktest.CheckGeneratedRequests(r, newSecuredApp, frameworktest.MayNeverSucceed("list-notes", "post /notes"))
	expectReports(t, r)

	msg := catchFatal(func() {
		frameworktest.CheckGeneratedRequests(r, newSecuredApp, frameworktest.MayNeverSucceed("GET /notes/{id}"))
	})
	want := `frameworktest: MayNeverSucceed("GET /notes/{id}"): the document has no such operation; it has ` +
		`GET /public (get-public), GET /notes (list-notes), POST /notes (post-notes)`
	if msg != want {
		t.Errorf("Fatalf(%q), want %q", msg, want)
	}
}

// The credentials an API key scheme takes in a query parameter that the
// operation also documents are not replaced by generated values.
func TestGeneratedRequestsLeaveSuppliedParametersAlone(t *testing.T) {
	setFlag(t, "rapid.checks", "30") // enough for what this test asserts
	newApp := func() *framework.App {
		app := newTestApp()
		framework.Get(app, "/reports", func(ctx context.Context, in *struct {
			Key string `query:"api_key" required:"true"`
		}) (*struct{ Body string }, error) {
			if in.Key != "k3y" {
				return nil, huma.Error401Unauthorized("unknown API key")
			}
			return &struct{ Body string }{"report"}, nil
		}, func(op *framework.Operation) { op.Errors = []int{http.StatusUnauthorized} })
		return app
	}
	r := newRecorder(t)
	frameworktest.CheckGeneratedRequests(r, newApp, frameworktest.APIKey("query", "api_key", "k3y"))
	expectReports(t, r)
}

// newCountdownApp streams three ticks counting up from ?from= and keeps the
// stream open; from 6 up, a planted bug sends a tick the document forbids
// when bug is set.
func newCountdownApp(bug bool) func() *framework.App {
	return func() *framework.App {
		app := newTestApp()
		sse.Register(app.API(), huma.Operation{OperationID: "countdown", Method: http.MethodGet, Path: "/countdown"},
			map[string]any{"tick": tick{}},
			func(ctx context.Context, in *struct {
				From int `query:"from" minimum:"0" maximum:"9"`
			}, send sse.Sender) {
				for n := in.From; n < in.From+3; n++ {
					sent := n
					if bug && n > 5 {
						sent = -1
					}
					if send.Data(tick{N: sent}) != nil {
						return
					}
				}
				<-ctx.Done()
			})
		return app
	}
}

func TestGeneratedRequestsReadStreams(t *testing.T) {
	setFlag(t, "rapid.checks", "30") // enough for what this test asserts
	r := newRecorder(t)
	frameworktest.CheckGeneratedRequests(r, newCountdownApp(false))
	expectReports(t, r)
}

func TestGeneratedRequestsCheckStreamedEvents(t *testing.T) {
	plantedBugFlags(t)
	r := newRecorder(t)
	catchFatal(func() { frameworktest.CheckGeneratedRequests(r, newCountdownApp(true)) })
	reports := strings.Join(r.reported(), "\n")
	want := regexp.MustCompile(`frameworktest: GET /countdown\?from=[4-9] answered 200 OK: the "tick" event does not match the schema at /data/n: minimum: got -1, want 0`)
	if !strings.Contains(reports, "[rapid] failed after") || !want.MatchString(reports) {
		t.Errorf("the planted event was not found; reported:\n%s", reports)
	}
}

// A stream that sends no head until its first event, and no event, cannot
// be told from an App that never answers: it is reported, in bounded time.
func TestGeneratedRequestsReportAStreamThatNeverAnswers(t *testing.T) {
	setFlag(t, "rapid.checks", "20")
	setFlag(t, "test.short", "false")
	newApp := func() *framework.App {
		app := newCountdownApp(false)()
		sse.Register(app.API(), huma.Operation{OperationID: "quiet", Method: http.MethodGet, Path: "/quiet"},
			map[string]any{"tick": tick{}}, func(ctx context.Context, _ *struct{}, _ sse.Sender) { <-ctx.Done() })
		return app
	}
	r := newRecorder(t)
	start := time.Now()
	frameworktest.CheckGeneratedRequests(r, newApp)
	reports := strings.Join(r.reported(), "\n")
	want := regexp.MustCompile(`^frameworktest: GET /quiet \(quiet\): none of the \d+ generated requests was answered with a 2xx, so its handler may never have run
    answered: no response in time ×\d+
`)
	if !want.MatchString(reports) || strings.Contains(reports, "countdown") {
		t.Errorf("reported:\n%s", reports)
	}
	if took := time.Since(start); took > 15*time.Second {
		t.Errorf("the check took %v", took)
	}
}

// Under -short, rapid runs a fifth of the cases: an operation that succeeds
// only after others may be missed, and is only logged; one refused every
// time still fails the test.
func TestGeneratedRequestsUnderShort(t *testing.T) {
	setFlag(t, "test.short", "true")
	newApp := func() *framework.App {
		app := newSecuredApp()
		framework.Get(app, "/rare/{code}", func(ctx context.Context, in *struct {
			Code int `path:"code" minimum:"0" maximum:"1000000"`
		}) (*struct{ Body string }, error) {
			if in.Code != 424242 {
				return nil, huma.Error404NotFound("no such code")
			}
			return &struct{ Body string }{"found"}, nil
		})
		return app
	}
	r := newRecorder(t)
	frameworktest.CheckGeneratedRequests(r, newApp)
	reports := strings.Join(r.reported(), "\n")
	if strings.Contains(reports, "/rare/") || !strings.Contains(reports, "frameworktest: GET /notes (list-notes): none of the") {
		t.Errorf("reported:\n%s", reports)
	}
}

// An operation whose security lets anonymous requests through ({} among
// its requirements) is not said to require credentials.
func TestGeneratedRequestsAdviceForOptionalSecurity(t *testing.T) {
	setFlag(t, "rapid.checks", "10")
	newApp := func() *framework.App {
		app := newSecuredApp()
		framework.Get(app, "/maybe", func(ctx context.Context, _ *struct{}) (*struct{ Body string }, error) {
			return nil, huma.Error404NotFound("nothing here")
		}, func(op *framework.Operation) { op.Security = []map[string][]string{{}, {"bearer": {}}} })
		return app
	}
	r := newRecorder(t)
	frameworktest.CheckGeneratedRequests(r, newApp, frameworktest.Bearer(secretToken))
	want := regexp.MustCompile(`^frameworktest: GET /maybe \(get-maybe\): none of the \d+ generated requests was answered with a 2xx, so its handler may never have run
    answered: 404 Not Found ×\d+
    if the operation needs credentials or headers, pass them as options \(frameworktest.Bearer, BasicAuth, APIKey, Header\); if no generated request can succeed, name the operation in frameworktest.MayNeverSucceed$`)
	if reports := strings.Join(r.reported(), "\n---\n"); !want.MatchString(reports) {
		t.Errorf("reported:\n%s", reports)
	}
}
