package framework_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type event struct {
	Title string    `json:"title"`
	Day   time.Time `json:"day" timeFormat:"2006-01-02"`
}

type schedule struct {
	Slots []time.Time `json:"slots" format:"time"`
}

// TestTimeMembersInOtherFormatsAreRefused: Huma's timeFormat and format
// tags choose a parameter's layout, and reach a body's schema too, where
// encoding/json writes and reads RFC 3339 date-times whatever the tag: the
// document would say "2026-12-02" where "2026-12-02T00:00:00Z" is sent.
// Such an operation is refused, whoever registers it; a date-time body
// field and a date query parameter are accepted.
func TestTimeMembersInOtherFormatsAreRefused(t *testing.T) {
	tests := []struct {
		name     string
		register func(app *framework.App)
		want     []string
	}{
		{"timeFormat in a request body", func(app *framework.App) {
			framework.Post(app, "/events", func(context.Context, *struct{ Body event }) (*struct{}, error) { return nil, nil })
		}, []string{"POST /events", `the request application/json body documents the time.Time field Day of framework_test.event as format "date"`, "drop the timeFormat or format tag from Day"}},
		{"format in a response body's slice, through huma.Register", func(app *framework.App) {
			huma.Register(app.API(), huma.Operation{Method: http.MethodGet, Path: "/schedule", OperationID: "schedule"},
				func(context.Context, *struct{}) (*struct{ Body schedule }, error) { return nil, nil })
		}, []string{"GET /schedule", `the time.Time field Slots of framework_test.schedule as format "time"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(t)
			mustRefuse(t, func() { tt.register(app) }, tt.want...)
		})
	}
	app, _ := newApp(t)
	type dayQuery struct {
		Day time.Time `query:"day" timeFormat:"2006-01-02"`
	}
	type stamped struct {
		At time.Time `json:"at"`
	}
	framework.Get(app, "/days", func(_ context.Context, in *dayQuery) (*struct{ Body stamped }, error) {
		return &struct{ Body stamped }{Body: stamped{At: in.Day}}, nil
	})
	srv := serve(t, app)
	if r := roundTrip(t, srv, "GET", "/days?day=2026-12-02", nil, ""); r.Status != 200 || !strings.Contains(r.Body, `"at":"2026-12-02T00:00:00Z"`) {
		t.Errorf("a date parameter and a date-time body: %d %s, want 200", r.Status, r.Body)
	}
}
