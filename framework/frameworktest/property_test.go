package frameworktest_test

import (
	"context"
	"errors"
	"flag"
	"regexp"
	"strings"
	"testing"

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
	for name, value := range map[string]string{"rapid.nofailfile": "true", "rapid.shrinktime": "2s"} {
		previous := flag.Lookup(name).Value.String()
		if err := flag.Set(name, value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = flag.Set(name, previous) })
	}
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
