package framework_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestProblemsAreBounded: what an error response costs does not grow with
// the request. A problem lists at most 10 errors and counts the rest, cuts
// each location (which names a member of the request) to 64 bytes, never
// repeats a Content-Type, and is never larger than 4 KiB.
func TestProblemsAreBounded(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/things", func(context.Context, *struct{ Body itemBody }) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "ok"}}, nil
	})
	srv := serve(t, app)
	var members strings.Builder
	members.WriteString(`{"name":"a"`)
	for i := range 20000 {
		fmt.Fprintf(&members, `,"unknown%d":1`, i)
	}
	members.WriteString("}")
	long := strings.Repeat("L", 1000)
	tests := []struct {
		name        string
		contentType string
		body        string
		status      int
		errors      int    // errors listed
		detail      string // in the detail
	}{
		{"20,000 unknown members", "application/json", members.String(), 422, 10, "(19990 more errors not listed)"},
		{"a member name of 1,000 bytes", "application/json", `{"name":"a","` + long + `":1}`, 422, 1, ""},
		{"a Content-Type of 60 KB", "application/" + strings.Repeat("x", 60<<10), `{"name":"a"}`, 415, 0, "send one of"},
	}
	for _, tt := range tests {
		r := roundTrip(t, srv, "POST", "/things", map[string]string{"Content-Type": tt.contentType}, tt.body)
		if r.Status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, r.Status, tt.status)
			continue
		}
		if len(r.Body) > 4<<10 {
			t.Errorf("%s: the problem is %d bytes, more than 4 KiB", tt.name, len(r.Body))
		}
		var problem struct {
			Detail string `json:"detail"`
			Errors []struct {
				Location string `json:"location"`
			} `json:"errors"`
		}
		if err := json.Unmarshal([]byte(r.Body), &problem); err != nil {
			t.Fatalf("%s: not a problem: %v", tt.name, err)
		}
		if len(problem.Errors) != tt.errors || !strings.Contains(problem.Detail, tt.detail) {
			t.Errorf("%s: %d errors and detail %q, want %d errors and a detail with %q", tt.name, len(problem.Errors), problem.Detail, tt.errors, tt.detail)
		}
		for _, e := range problem.Errors {
			if len(e.Location) > 64 {
				t.Errorf("%s: a location of %d bytes: %q", tt.name, len(e.Location), e.Location)
			}
		}
		if strings.Contains(r.Raw, "xxxxxxxx") || strings.Contains(r.Raw, long[:100]) {
			t.Errorf("%s: the problem repeats the request", tt.name)
		}
	}
	if r := roundTrip(t, srv, "POST", "/things", map[string]string{"Content-Type": "application/json"}, members.String()); r.Status == http.StatusOK {
		t.Error("the unknown members were accepted")
	}
}
