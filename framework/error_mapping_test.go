package framework_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

var errTeapot = errors.New("the store is a teapot")

func mappingApp(t *testing.T) (*framework.App, *testkit.Buffer) {
	logs := &testkit.Buffer{}
	app := framework.New(framework.Config{
		Title: "Mapped", Version: "1.0.0", Logger: slogTo(logs),
		ErrorMapping: framework.ErrorMapping{
			Statuses: []int{http.StatusNotFound, http.StatusConflict},
			Map: func(_ context.Context, err error) huma.StatusError {
				switch {
				case errors.Is(err, sql.ErrNoRows):
					return huma.Error404NotFound("no such item")
				case errors.Is(err, errTeapot):
					return huma.NewError(http.StatusTeapot, "undeclared")
				}
				return nil
			},
		},
	})
	return app, logs
}

type failInput struct {
	Fail string `query:"fail"`
}

func failing(ctx context.Context, in *failInput) (*withBody, error) {
	switch in.Fail {
	case "no-rows":
		return nil, fmt.Errorf("loading item 7: %w", sql.ErrNoRows)
	case "teapot":
		return nil, errTeapot
	case "deadline":
		ctx, cancel := context.WithTimeout(ctx, time.Millisecond)
		defer cancel()
		<-ctx.Done()
		return nil, fmt.Errorf("calling the warehouse: %w", ctx.Err())
	case "chosen":
		return nil, huma.Error409Conflict("taken")
	case "other":
		return nil, errors.New("disk full at /var/lib/items")
	}
	return &withBody{Body: itemBody{Name: "ok"}}, nil
}

// TestErrorMappingInOnePlace: errors handlers return are mapped by the
// App's one ErrorMapping, and a deadline becomes 504; each status is
// documented on the operations the mapping applies to.
func TestErrorMappingInOnePlace(t *testing.T) {
	app, logs := mappingApp(t)
	framework.Get(app, "/items", failing)
	srv := serve(t, app)
	tests := []struct {
		fail   string
		status int
		detail string
	}{
		{"no-rows", 404, "no such item"},
		{"deadline", 504, "the answer took longer than its deadline"},
		{"chosen", 409, "taken"},
		{"other", 500, "unexpected error occurred"},
		{"teapot", 500, "unexpected error occurred"}, // Map answered a status it does not declare
		{"", 200, ""},
	}
	for _, tt := range tests {
		r := roundTrip(t, srv, "GET", "/items?fail="+tt.fail, nil, "")
		if r.Status != tt.status || !strings.Contains(r.Body, tt.detail) {
			t.Errorf("fail=%s: %d %s, want %d with %q", tt.fail, r.Status, r.Body, tt.status, tt.detail)
		}
		for _, secret := range []string{"/var/lib", "warehouse", "item 7"} {
			if strings.Contains(r.Raw, secret) {
				t.Errorf("fail=%s: the response reveals %q", tt.fail, secret)
			}
		}
	}
	if !strings.Contains(logs.String(), "Config.ErrorMapping.Map answered a status its Statuses do not list") {
		t.Errorf("the undeclared 418 was not logged:\n%s", logs)
	}
	responses := app.OpenAPI().Paths["/items"].Get.Responses
	for _, status := range []string{"404", "409", "504"} {
		if responses[status] == nil {
			t.Errorf("%s is not documented", status)
		}
	}
}

// TestErrorMappingAppliesWhereHandlersErrorsAreSeen: huma.Register hands a
// handler's error to Huma, which makes it a 500 before any hook sees it, so
// the mapping cannot apply there, and its statuses are not documented there.
func TestErrorMappingAppliesWhereHandlersErrorsAreSeen(t *testing.T) {
	app, _ := mappingApp(t)
	huma.Get(app.API(), "/items", failing)
	if r := recorded(app, "GET", "/items?fail=no-rows"); r.Code != http.StatusInternalServerError {
		t.Errorf("huma.Register: %d, want Huma's 500", r.Code)
	}
	if app.OpenAPI().Paths["/items"].Get.Responses["404"] != nil {
		t.Error("huma.Register: the mapping's 404 is documented on an operation it cannot apply to")
	}
}

func TestErrorMappingStatusesMustBeErrors(t *testing.T) {
	v := mustPanic(t, func() {
		framework.New(framework.Config{ErrorMapping: framework.ErrorMapping{Statuses: []int{302}}})
	})
	if !strings.Contains(fmt.Sprint(v), "Config.ErrorMapping.Statuses lists 302") {
		t.Errorf("panicked with %v", v)
	}
}

// TestAClientThatWentAwayIsNotAServerFailure: a handler that returns its
// request's canceled context error, after the client left, is logged at
// level Info, not Error.
func TestAClientThatWentAwayIsNotAServerFailure(t *testing.T) {
	logs := &testkit.Buffer{}
	app := framework.New(framework.Config{Title: "T", Version: "1", Logger: slogTo(logs)})
	started := make(chan struct{})
	returned := make(chan struct{})
	framework.Get(app, "/slow", func(ctx context.Context, _ *noInput) (*withBody, error) {
		defer close(returned)
		close(started)
		<-ctx.Done()
		return nil, ctx.Err()
	})
	srv := serveUnchecked(t, app)
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/slow", nil)
	go func() { <-started; cancel() }()
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Fatal("the request was not canceled")
	}
	<-returned
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logs.String(), "the client went away") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if log := logs.String(); !strings.Contains(log, "level=INFO msg=\"signet: the client went away") || strings.Contains(log, "level=ERROR") {
		t.Errorf("want one Info record of the client going away, no Error:\n%s", log)
	}
}
