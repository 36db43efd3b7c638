package framework_test

import (
	"context"
	"strings"
	"testing"

	"github.com/signet-go/signet/framework"
)

// listedStatusOut lists the statuses its dynamic Status may take.
type listedStatusOut struct {
	Status int    `enum:"201,304,205"`
	ETag   string `header:"ETag"`
	Body   itemBody
}

type badListedStatusOut struct {
	Status int `enum:"200,103"`
	Body   itemBody
}

func TestDynamicStatusesAreDocumented(t *testing.T) {
	app, _ := newApp(t)
	framework.Get(app, "/things", func(_ context.Context, in *statusQuery) (*listedStatusOut, error) {
		return &listedStatusOut{Status: in.Status, ETag: `"v1"`, Body: itemBody{Name: "thing"}}, nil
	})
	srv := serve(t, app) // every response below is checked against the document
	for _, tt := range []struct {
		target string
		status int
		body   bool
	}{
		{"/things", 200, true},
		{"/things?status=201", 201, true},
		{"/things?status=304", 304, false},
		{"/things?status=205", 205, false},
	} {
		r := roundTrip(t, srv, "GET", tt.target, nil, "")
		if r.Status != tt.status || (r.Body != "") != tt.body || r.Header.Get("ETag") != `"v1"` {
			t.Errorf("GET %s: %d, ETag %q, body %q", tt.target, r.Status, r.Header.Get("ETag"), r.Body)
		}
	}

	doc := fetchDocument(t, app, "/openapi.json")
	responses := responsesOf(t, doc, "/things", "get")
	for key, wantContent := range map[string]bool{"200": true, "201": true, "304": false, "205": false} {
		r, ok := responses[key]
		if !ok {
			t.Errorf("%s is not documented: %v", key, responses)
			continue
		}
		if _, has := r["content"]; has != wantContent {
			t.Errorf("%s has content = %v, want %v", key, has, wantContent)
		}
		if _, has := r["headers"].(map[string]any)["ETag"]; !has {
			t.Errorf("%s does not document the ETag header: %v", key, r)
		}
	}
}

func TestDynamicStatusesMustBeFinal(t *testing.T) {
	app, _ := newApp(t)
	v := mustPanic(t, func() {
		framework.Get(app, "/things", func(context.Context, *noInput) (*badListedStatusOut, error) { return nil, nil })
	})
	msg := v.(error).Error()
	for _, want := range []string{"GET /things", `the enum tag of framework_test.badListedStatusOut.Status lists "103", which is not a final status`, `Fix: list final statuses from 200 to 599`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}
