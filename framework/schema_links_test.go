package framework_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

// Schema links ("$schema" members and Link: rel=describedby headers, as
// Huma adds them), whether Config.SchemaLinks or a Huma configuration asks
// for them: every link resolves, and problems keep Signet's hygiene.

type linkedPet struct {
	Name  string `json:"name" minLength:"3"`
	Kind  string `json:"kind"`
	Owner struct {
		Email string `json:"email" format:"email"`
	} `json:"owner"`
}

type linkedPetIn struct {
	Body linkedPet
}

type linkedPetOut struct {
	Body linkedPet
}

// linkedApps are Apps with schema links on, in each way they can be asked
// for, and the path under which each serves the schemas.
func linkedApps(t *testing.T) map[string]*framework.App {
	withPath := huma.DefaultConfig("Huma API", "1.0.0")
	withPath.SchemasPath = "/json-schemas"
	defaults := huma.DefaultConfig("Huma API", "1.0.0")
	apps := map[string]*framework.App{
		"Config.SchemaLinks":                  framework.New(framework.Config{Title: "T", Version: "1", SchemaLinks: true, Logger: discardLogger()}),
		"huma.DefaultConfig":                  framework.New(framework.Config{Huma: &defaults, Logger: discardLogger()}),
		"huma.DefaultConfig with SchemasPath": framework.New(framework.Config{Huma: &withPath, Logger: discardLogger()}),
	}
	for _, app := range apps {
		framework.Get(app, "/pets/{id}", func(context.Context, *struct {
			ID int `path:"id"`
		}) (*linkedPetOut, error) {
			return &linkedPetOut{Body: linkedPet{Name: "Tom", Kind: "cat"}}, nil
		})
		framework.Get(app, "/pets", func(context.Context, *noInput) (*struct{ Body []linkedPet }, error) {
			return &struct{ Body []linkedPet }{[]linkedPet{{Name: "Tom"}}}, nil
		})
		framework.Post(app, "/pets", func(_ context.Context, in *linkedPetIn) (*linkedPetOut, error) {
			return &linkedPetOut{Body: in.Body}, nil
		})
		framework.Get(app, "/missing", func(context.Context, *noInput) (*linkedPetOut, error) {
			return nil, huma.Error404NotFound("no such pet")
		})
		framework.Get(app, "/fails", func(context.Context, *noInput) (*linkedPetOut, error) {
			return nil, errors.New("open /srv/pets.db: permission denied")
		})
	}
	return apps
}

var jsonBody = map[string]string{"Content-Type": "application/json"}

func TestSchemaLinksResolveAndProblemsStayClean(t *testing.T) {
	schemaMember := regexp.MustCompile(`"\$schema":"([^"]*)"`)
	linkTarget := regexp.MustCompile(`<([^>]*)>;\s*rel="?describedby"?`)
	for name, app := range linkedApps(t) {
		t.Run(name, func(t *testing.T) {
			srv := serve(t, app)
			exchanges := []struct {
				method, target, body string
				status               int
				secrets              []string // what the response must not repeat
			}{
				{"GET", "/pets/1", "", 200, nil},
				{"GET", "/pets", "", 200, nil},
				{"POST", "/pets", `{"name":"Tom","kind":"cat","owner":{"email":"tom@example.com"}}`, 200, nil},
				{"POST", "/pets", `{"name":"T-secret-x","kind":"cat","owner":{"email":"not-an-email-secret"}}`, 422, []string{"not-an-email-secret", `"value"`}},
				{"POST", "/pets", `{"name":"hunter2-secret",`, 400, []string{"hunter2-secret", `"value"`}},
				{"GET", "/missing", "", 404, nil},
				{"GET", "/fails", "", 500, []string{"/srv/pets.db", "permission denied", `"errors"`}},
			}
			links := map[string]bool{}
			for _, ex := range exchanges {
				header := map[string]string{}
				if ex.body != "" {
					header["Content-Type"] = "application/json"
				}
				r := roundTrip(t, srv, ex.method, ex.target, header, ex.body)
				if r.Status != ex.status {
					t.Errorf("%s %s: %d, want %d\n%s", ex.method, ex.target, r.Status, ex.status, r.Raw)
				}
				for _, secret := range ex.secrets {
					if strings.Contains(r.Body, secret) {
						t.Errorf("%s %s: the %d repeats %s:\n%s", ex.method, ex.target, r.Status, secret, r.Body)
					}
				}
				for _, m := range schemaMember.FindAllStringSubmatch(r.Body, -1) {
					links[m[1]] = true
				}
				for _, value := range r.Header.Values("Link") {
					for _, m := range linkTarget.FindAllStringSubmatch(strings.ToLower(value), -1) {
						// The target as sent, not lower-cased: schema names are case-sensitive.
						start := strings.Index(strings.ToLower(value), m[1])
						links[value[start:start+len(m[1])]] = true
					}
				}
			}
			if len(links) < 3 { // the pet, the problem, and the pet's link from the header
				t.Fatalf("too few schema links to check: %v", links)
			}
			for link := range links {
				u, err := url.Parse(link)
				if err != nil {
					t.Errorf("link %q: %v", link, err)
					continue
				}
				resp, body := testkit.Get(t, srv.URL+u.Path)
				var schema map[string]any
				if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &schema) != nil || schema["type"] == nil {
					t.Errorf("link %s: GET %s answers %d %s %q, want 200 and a JSON Schema", link, u.Path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
				}
			}
		})
	}
}

// TestSchemaMemberInRequestBody: a "$schema" member in a request body, as
// clients that send back what they received include it, is accepted and
// ignored, with schema links on or off, and the document declares it in
// the request body's schema, as Huma's does.
func TestSchemaMemberInRequestBody(t *testing.T) {
	defaults := huma.DefaultConfig("Huma API", "1.0.0")
	noLinks := huma.DefaultConfig("Huma API", "1.0.0")
	noLinks.CreateHooks = nil
	for name, config := range map[string]framework.Config{
		"default":                      {Title: "T", Version: "1"},
		"Config.SchemaLinks":           {Title: "T", Version: "1", SchemaLinks: true},
		"huma.DefaultConfig":           {Huma: &defaults},
		"huma.DefaultConfig, no hooks": {Huma: &noLinks},
	} {
		t.Run(name, func(t *testing.T) {
			config.Logger = discardLogger()
			app := framework.New(config)
			framework.Post(app, "/pets", func(_ context.Context, in *linkedPetIn) (*linkedPetOut, error) {
				return &linkedPetOut{Body: in.Body}, nil
			})
			srv := serve(t, app)
			r := roundTrip(t, srv, "POST", "/pets", jsonBody,
				`{"$schema":"https://example.com/schemas/LinkedPet.json","name":"Tom","kind":"cat","owner":{"email":"tom@example.com"}}`)
			if r.Status != http.StatusOK || !strings.Contains(r.Body, `"name":"Tom"`) {
				t.Errorf("a body with $schema: %d, want 200\n%s", r.Status, r.Body)
			}
			if strings.Contains(r.Body, "https://example.com") {
				t.Errorf("the $schema sent reached the handler's output:\n%s", r.Body)
			}
			doc := fetchDocument(t, app, "/openapi.json")
			schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
			property, _ := schemas["LinkedPet"].(map[string]any)["properties"].(map[string]any)["$schema"].(map[string]any)
			if property["type"] != "string" || property["readOnly"] != true {
				t.Errorf("the request body's schema does not declare $schema: %v", property)
			}
		})
	}
}
