package conditional_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"

	"github.com/signet-go/signet/internal/wiretest"
)

// lastModified is the modification date of the test resources; its
// fraction of a second is dropped by Last-Modified and by comparisons.
var lastModified = time.Date(2024, time.March, 10, 12, 0, 0, 500_000_000, time.UTC)

// resources are what the test server serves at /{name}. The server does
// not change them: a PUT or DELETE that proceeds answers 204 and leaves
// them as they are, so that every case sees the same state.
var resources = map[string]conditional.Validators{
	"strong":   {ETag: conditional.StrongETag("v2"), LastModified: lastModified},
	"weak":     {ETag: conditional.WeakETag("v2"), LastModified: lastModified},
	"comma":    {ETag: conditional.StrongETag("a,b"), LastModified: lastModified},
	"dateonly": {LastModified: lastModified},
	"tagonly":  {ETag: conditional.StrongETag("v2")},
	// "absent" has no representation: GET and DELETE answer 404, PUT
	// creates it.
}

type resourceInput struct {
	Name string `path:"name"`
	conditional.Params
}

type resourceOutput struct {
	Status          int
	ETag            string    `header:"ETag"`
	LastModified    time.Time `header:"Last-Modified"`
	CacheControl    string    `header:"Cache-Control"`
	Expires         string    `header:"Expires"`
	Vary            string    `header:"Vary"`
	ContentLocation string    `header:"Content-Location"`
	ContentLanguage string    `header:"Content-Language"`
	Body            struct {
		Name string `json:"name"`
	}
}

type changeOutput struct{}

// newServer starts, on 127.0.0.1, an App that serves the resources with
// conditional GET (and its implicit HEAD), PUT, POST and DELETE.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	app := framework.New(framework.Config{
		Title: "Conditional", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	framework.Get(app, "/{name}", getResource, conditional.Document)
	framework.Put(app, "/{name}", changeResource(http.MethodPut), conditional.Document)
	framework.Post(app, "/{name}", changeResource(http.MethodPost), conditional.Document)
	framework.Delete(app, "/{name}", changeResource(http.MethodDelete), conditional.Document)
	srv := httptest.NewServer(app)
	t.Cleanup(srv.Close)
	return srv
}

func getResource(_ context.Context, in *resourceInput) (*resourceOutput, error) {
	current, ok := resources[in.Name]
	if !ok {
		return nil, huma.Error404NotFound("no resource " + in.Name)
	}
	out := &resourceOutput{
		ETag:            current.ETag.String(),
		LastModified:    current.LastModified,
		CacheControl:    "max-age=60",
		Expires:         "Sun, 10 Mar 2024 12:01:00 GMT",
		Vary:            "Accept-Encoding",
		ContentLocation: "/" + in.Name,
		ContentLanguage: "en",
	}
	switch in.Evaluate(http.MethodGet, current) {
	case conditional.NotModified:
		out.Status = http.StatusNotModified
		return out, nil
	case conditional.PreconditionFailed:
		return nil, huma.Error412PreconditionFailed("the resource does not match the preconditions")
	}
	out.Body.Name = in.Name
	return out, nil
}

// changeResource handles a state-changing method: a missing resource can
// be created by PUT only; DELETE and POST on it answer 404 without looking
// at preconditions (RFC 9110 section 13.2.1).
func changeResource(method string) func(context.Context, *resourceInput) (*changeOutput, error) {
	return func(_ context.Context, in *resourceInput) (*changeOutput, error) {
		current, ok := resources[in.Name]
		if !ok && method != http.MethodPut {
			return nil, huma.Error404NotFound("no resource " + in.Name)
		}
		current.Absent = !ok
		if in.Evaluate(method, current) != conditional.Proceed {
			return nil, huma.Error412PreconditionFailed("the resource does not match the preconditions")
		}
		return &changeOutput{}, nil
	}
}

// roundTrip sends one raw request to srv (see package wiretest).
func roundTrip(t *testing.T, srv *httptest.Server, method, target string, header [][2]string) wiretest.Response {
	t.Helper()
	lines := make([]string, len(header))
	for i, h := range header {
		lines[i] = h[0] + ": " + h[1]
	}
	return wiretest.RoundTrip(t, srv.Listener.Addr().String(), method, target, "", lines...)
}

func decodeJSON(r io.Reader, v any) error {
	return json.NewDecoder(r).Decode(v)
}
