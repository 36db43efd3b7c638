package framework_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

type statusQuery struct {
	Status int `query:"status"`
}

// dynamicOut has a dynamic status, a body and every header a 304 keeps.
type dynamicOut struct {
	Status          int
	ETag            string `header:"ETag"`
	LastModified    string `header:"Last-Modified"`
	CacheControl    string `header:"Cache-Control"`
	Expires         string `header:"Expires"`
	Vary            string `header:"Vary"`
	ContentLocation string `header:"Content-Location"`
	Link            string `header:"Link"`
	Body            itemBody
}

type bytesOut struct {
	Status int
	Body   []byte
}

type streamOut struct {
	Body func(huma.Context)
}

// wireApp registers operations that answer with the status asked in the query.
func wireApp(t *testing.T) (*testServer, *testkit.Buffer) {
	app, logs := newApp(t)
	framework.Get(app, "/dynamic", func(_ context.Context, in *statusQuery) (*dynamicOut, error) {
		return &dynamicOut{
			Status: in.Status, ETag: `"v1"`, LastModified: "Wed, 21 Oct 2015 07:28:00 GMT",
			CacheControl: "max-age=60", Expires: "Wed, 21 Oct 2015 08:28:00 GMT", Vary: "Accept",
			ContentLocation: "/dynamic", Link: `</next>; rel="next"`,
			Body: itemBody{Name: "teapot"},
		}, nil
	})
	framework.Get(app, "/bytes", func(_ context.Context, in *statusQuery) (*bytesOut, error) {
		return &bytesOut{Status: in.Status, Body: []byte("raw bytes")}, nil
	})
	framework.Get(app, "/stream", func(_ context.Context, in *statusQuery) (*streamOut, error) {
		return &streamOut{Body: func(ctx huma.Context) {
			ctx.SetHeader("Content-Type", "text/plain")
			if in.Status != 0 {
				ctx.SetStatus(in.Status)
			}
			_, _ = io.WriteString(ctx.BodyWriter(), "streamed")
		}}, nil
	})
	framework.Get(app, "/error", func(_ context.Context, in *statusQuery) (*dynamicOut, error) {
		return nil, huma.NewError(in.Status, "the handler said so")
	})
	framework.Delete(app, "/things/{id}", func(context.Context, *struct {
		ID string `path:"id"`
	}) (*withoutBody, error) {
		return &withoutBody{ETag: `"gone"`}, nil
	})
	framework.Post(app, "/created", func(context.Context, *noInput) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "new"}}, nil
	}, func(op *framework.Operation) { op.DefaultStatus = http.StatusCreated })
	framework.Post(app, "/created-nil", func(context.Context, *noInput) (*withBody, error) {
		return nil, nil
	}, func(op *framework.Operation) { op.DefaultStatus = http.StatusCreated })
	// The dynamic statuses these operations send are not in the document: a
	// dynamic Status cannot be documented from the type. So these tests read
	// the wire unchecked; the document rules have tests of their own.
	return serveUnchecked(t, app), logs
}

// kept304 are the headers RFC 9110 15.4.5 has a 304 carry as a 200 would.
var kept304 = []string{"ETag", "Last-Modified", "Cache-Control", "Expires", "Vary", "Content-Location", "Date"}

func TestWireStatusRules(t *testing.T) {
	srv, logs := wireApp(t)
	tests := []struct {
		method, target string
		status         int
		body           string   // exact body bytes; "*" means any non-empty body
		present        []string // headers that must be there
		absent         []string // headers that must not be there
		contentLength  string   // exact Content-Length, if not ""
		log            string   // what the log must say, if not ""
	}{
		{"GET", "/dynamic", 200, `{"name":"teapot"}` + "\n", []string{"Content-Type", "Link", "ETag"}, nil, "", ""},
		{"GET", "/dynamic?status=201", 201, `{"name":"teapot"}` + "\n", []string{"Content-Type"}, nil, "", ""},
		{"GET", "/dynamic?status=204", 204, "", []string{"ETag", "Cache-Control"}, []string{"Content-Type", "Link", "Content-Length", "Transfer-Encoding"}, "", ""},
		{"GET", "/dynamic?status=205", 205, "", nil, []string{"Content-Type", "Link", "Transfer-Encoding"}, "0", ""},
		{"GET", "/dynamic?status=304", 304, "", kept304, []string{"Content-Type", "Link", "Content-Length", "Transfer-Encoding"}, "", ""},
		{"GET", "/dynamic?status=600", 500, `{"title":"Internal Server Error","status":500}`, []string{"Content-Type"}, []string{"Link"}, "", "status=600"},
		{"GET", "/dynamic?status=99", 500, `{"title":"Internal Server Error","status":500}`, nil, nil, "", "status=99"},
		{"GET", "/dynamic?status=103", 500, `{"title":"Internal Server Error","status":500}`, nil, nil, "", "status=103"},
		{"GET", "/dynamic?status=100", 500, `{"title":"Internal Server Error","status":500}`, nil, nil, "", "status=100"},
		{"HEAD", "/dynamic", 200, "", []string{"Content-Type", "ETag"}, nil, "18", ""},
		{"HEAD", "/dynamic?status=204", 204, "", []string{"ETag"}, []string{"Content-Type", "Link", "Content-Length"}, "", ""},
		{"HEAD", "/dynamic?status=304", 304, "", kept304, []string{"Content-Type", "Link", "Content-Length"}, "", ""},
		{"GET", "/bytes?status=200", 200, "raw bytes", nil, nil, "9", ""},
		{"GET", "/bytes?status=204", 204, "", nil, []string{"Content-Type", "Content-Length"}, "", ""},
		{"GET", "/bytes?status=205", 205, "", nil, []string{"Content-Type"}, "0", ""},
		{"GET", "/bytes?status=0", 200, "raw bytes", nil, nil, "", ""},
		{"GET", "/stream", 200, "streamed", []string{"Content-Type"}, nil, "", ""},
		{"GET", "/stream?status=304", 304, "", nil, []string{"Content-Type", "Content-Length"}, "", ""},
		{"GET", "/stream?status=700", 500, `{"title":"Internal Server Error","status":500}`, nil, nil, "", "status=700"},
		{"GET", "/error?status=404", 404, `{"title":"Not Found","status":404,"detail":"the handler said so"}` + "\n", []string{"Content-Type"}, nil, "", ""},
		{"GET", "/error?status=204", 204, "", nil, []string{"Content-Type", "Content-Length"}, "", ""},
		{"DELETE", "/things/1", 204, "", []string{"ETag"}, []string{"Content-Type", "Content-Length", "Link"}, "", ""},
		{"POST", "/created", 201, `{"name":"new"}` + "\n", []string{"Content-Type"}, nil, "", ""},
		{"POST", "/created-nil", 201, "", nil, nil, "0", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			r := roundTrip(t, srv, tt.method, tt.target, nil, "")
			if r.Status != tt.status {
				t.Fatalf("status %d, want %d\n%s", r.Status, tt.status, r.Raw)
			}
			if tt.body != r.Body {
				t.Errorf("body %q, want %q\n%s", r.Body, tt.body, r.Raw)
			}
			for _, name := range tt.present {
				if r.Header.Get(name) == "" {
					t.Errorf("no %s header\n%s", name, r.Raw)
				}
			}
			for _, name := range tt.absent {
				if v, ok := r.Header[name]; ok {
					t.Errorf("%s: %q must not be sent\n%s", name, v, r.Raw)
				}
			}
			if tt.contentLength != "" && r.Header.Get("Content-Length") != tt.contentLength {
				t.Errorf("Content-Length %q, want %q\n%s", r.Header.Get("Content-Length"), tt.contentLength, r.Raw)
			}
			if tt.status == 500 && r.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("Content-Type %q, want application/problem+json", r.Header.Get("Content-Type"))
			}
			if tt.log != "" && !strings.Contains(logs.String(), tt.log) {
				t.Errorf("the log does not mention %q:\n%s", tt.log, logs)
			}
		})
	}
}

// TestHEADMatchesGET checks that HEAD answers with GET's status and headers
// and no body, for operations and for the document routes.
func TestHEADMatchesGET(t *testing.T) {
	srv, _ := wireApp(t)
	for _, target := range []string{"/dynamic", "/dynamic?status=201", "/dynamic?status=304", "/bytes", "/openapi.json", "/openapi.yaml", "/openapi-3.0.json", "/openapi-3.0.yaml", "/error?status=404"} {
		get := roundTrip(t, srv, "GET", target, nil, "")
		head := roundTrip(t, srv, "HEAD", target, nil, "")
		if head.Status != get.Status {
			t.Errorf("HEAD %s: status %d, GET says %d", target, head.Status, get.Status)
		}
		if head.Body != "" {
			t.Errorf("HEAD %s: sent a body %q", target, head.Body)
		}
		for name := range get.Header {
			if name == "Date" {
				continue
			}
			if fmt.Sprint(head.Header[name]) != fmt.Sprint(get.Header[name]) {
				t.Errorf("HEAD %s: %s is %q, GET sends %q", target, name, head.Header[name], get.Header[name])
			}
		}
	}
}
