package framework_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

type secretInput struct {
	Body struct {
		User     string `json:"user" minLength:"3"`
		Password string `json:"password" minLength:"8"`
		Age      int    `json:"age,omitempty" minimum:"0"`
	}
}

func errorsApp(t *testing.T) (*testServer, *testkit.Buffer) {
	app, logs := newApp(t)
	framework.Get(app, "/fails", func(context.Context, *noInput) (*withBody, error) {
		return nil, errors.New("pq: connection to 10.0.0.7:5432 refused; password authentication failed for user admin")
	})
	framework.Get(app, "/panics", func(context.Context, *noInput) (*withBody, error) {
		var m map[string]int
		m["boom"]++ // a nil map write: a real runtime panic
		return nil, nil
	})
	framework.Get(app, "/ok", func(context.Context, *noInput) (*withBody, error) {
		return &withBody{Body: itemBody{Name: "fine"}}, nil
	})
	framework.Post(app, "/login", func(_ context.Context, in *secretInput) (*withBody, error) {
		return &withBody{Body: itemBody{Name: in.Body.User}}, nil
	})
	return serve(t, app), logs
}

func TestHandlerErrorIsA500ThatRevealsNothing(t *testing.T) {
	srv, logs := errorsApp(t)
	r := roundTrip(t, srv, "GET", "/fails", nil, "")
	if r.Status != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500\n%s", r.Status, r.Raw)
	}
	if want := `{"title":"Internal Server Error","status":500,"detail":"unexpected error occurred"}` + "\n"; r.Body != want {
		t.Errorf("body %q, want %q", r.Body, want)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	for _, secret := range []string{"pq:", "10.0.0.7", "password", "admin"} {
		if strings.Contains(r.Raw, secret) {
			t.Errorf("the response reveals %q:\n%s", secret, r.Raw)
		}
	}
	log := logs.String()
	for _, want := range []string{"method=GET", "path=/fails", "password authentication failed for user admin"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}

func TestPanicIsA500AndTheServerKeepsServing(t *testing.T) {
	srv, logs := errorsApp(t)
	for range 3 {
		r := roundTrip(t, srv, "GET", "/panics", nil, "")
		if r.Status != http.StatusInternalServerError || r.Body != `{"title":"Internal Server Error","status":500}` {
			t.Fatalf("got %d %q, want a bare 500 problem\n%s", r.Status, r.Body, r.Raw)
		}
		if strings.Contains(r.Raw, "nil map") || strings.Contains(r.Raw, "goroutine") {
			t.Errorf("the response reveals the panic:\n%s", r.Raw)
		}
		if ok := roundTrip(t, srv, "GET", "/ok", nil, ""); ok.Status != http.StatusOK {
			t.Fatalf("after a panic, GET /ok answered %d", ok.Status)
		}
	}
	log := logs.String()
	for _, want := range []string{"handler panicked", "assignment to entry in nil map", "path=/panics", "errors_test.go"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q (the panic and its stack):\n%s", want, log)
		}
	}
}

func TestMalformedJSONIsA400ThatDoesNotEchoTheBody(t *testing.T) {
	srv, _ := errorsApp(t)
	json := map[string]string{"Content-Type": "application/json"}
	for _, body := range []string{
		`{"user":"alice","password":"hunter2-secret"`,
		`{"user":"alice","password":"hunter2-secret"}}`,
		`not json hunter2-secret`,
	} {
		r := roundTrip(t, srv, "POST", "/login", json, body)
		if r.Status != http.StatusBadRequest {
			t.Errorf("%q: status %d, want 400\n%s", body, r.Status, r.Raw)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
			t.Errorf("%q: Content-Type %q, want application/problem+json", body, ct)
		}
		if strings.Contains(r.Body, "hunter2") || strings.Contains(r.Body, "alice") {
			t.Errorf("%q: the response echoes the request body:\n%s", body, r.Body)
		}
	}
}

func TestValidationFailureIsA422WithLocations(t *testing.T) {
	srv, _ := errorsApp(t)
	r := roundTrip(t, srv, "POST", "/login", map[string]string{"Content-Type": "application/json"},
		`{"user":"al","password":"short-pw","age":-1}`)
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422\n%s", r.Status, r.Raw)
	}
	for _, location := range []string{`"location":"body.user"`, `"location":"body.age"`} {
		if !strings.Contains(r.Body, location) {
			t.Errorf("the problem lacks %s:\n%s", location, r.Body)
		}
	}
	if strings.Contains(r.Body, `"location":"body.password"`) {
		t.Errorf("a valid field is reported:\n%s", r.Body)
	}
	if strings.Contains(r.Body, "short-pw") || strings.Contains(r.Body, `"al"`) {
		t.Errorf("the problem echoes input values:\n%s", r.Body)
	}
}

func TestNoSchemaLinkByDefault(t *testing.T) {
	for _, links := range []bool{false, true} {
		app := framework.New(framework.Config{Title: "T", Version: "1", SchemaLinks: links})
		framework.Get(app, "/ok", func(context.Context, *noInput) (*withBody, error) {
			return &withBody{Body: itemBody{Name: "fine"}}, nil
		})
		r := roundTrip(t, serve(t, app), "GET", "/ok", nil, "")
		if has := strings.Contains(r.Body, `"$schema"`); has != links {
			t.Errorf("SchemaLinks=%v: body %q has $schema: %v", links, r.Body, has)
		}
		if has := strings.Contains(strings.ToLower(r.Header.Get("Link")), "describedby"); has != links {
			t.Errorf("SchemaLinks=%v: Link %q has describedby: %v", links, r.Header.Get("Link"), has)
		}
	}
}
