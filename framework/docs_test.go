package framework_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/signet-go/signet/docsui"
	"github.com/signet-go/signet/framework"
)

// docsRequest returns the status and body of method target on a new App.
func docsRequest(t *testing.T, cfg framework.Config, method, target string) (int, string) {
	t.Helper()
	srv := httptest.NewServer(framework.New(cfg))
	defer srv.Close()
	req, _ := http.NewRequest(method, srv.URL+target, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestDocsAreMountedByDefault(t *testing.T) {
	cfg := framework.Config{Title: "Items <API>", Version: "1.0.0"}
	for _, target := range []string{"/docs", "/docs/", "/docs/oauth2-redirect", "/docs/swagger-ui-bundle.js", "/docs/swagger-initializer.js"} {
		for _, method := range []string{"GET", "HEAD"} {
			if status, _ := docsRequest(t, cfg, method, target); status != http.StatusOK {
				t.Errorf("%s %s: %d, want 200", method, target, status)
			}
		}
	}
	_, page := docsRequest(t, cfg, "GET", "/docs")
	if !strings.Contains(page, "<title>Items &lt;API&gt; - API documentation</title>") {
		t.Errorf("the page's title is not the App's, escaped:\n%s", page)
	}
	_, init := docsRequest(t, cfg, "GET", "/docs/swagger-initializer.js")
	if !strings.Contains(init, `"url":"/openapi.json"`) {
		t.Errorf("the page does not load /openapi.json:\n%s", init)
	}
	if status, _ := docsRequest(t, cfg, "GET", "/docs/nope.js"); status != http.StatusNotFound {
		t.Errorf("GET /docs/nope.js: %d, want the App's 404", status)
	}
	if status, _ := docsRequest(t, cfg, "POST", "/docs"); status != http.StatusMethodNotAllowed {
		t.Errorf("POST /docs: %d, want 405", status)
	}
}

func TestDocsPathAndConfig(t *testing.T) {
	cfg := framework.Config{
		Title:           "Items",
		DocsPath:        "/api/docs",
		OpenAPIJSONPath: framework.Disabled,
		DocsUI:          docsui.Config{Title: "Items reference", DeepLinking: true},
	}
	if status, _ := docsRequest(t, cfg, "GET", "/docs"); status != http.StatusNotFound {
		t.Errorf("GET /docs with DocsPath /api/docs: %d, want 404", status)
	}
	if _, page := docsRequest(t, cfg, "GET", "/api/docs/"); !strings.Contains(page, "<title>Items reference</title>") {
		t.Errorf("GET /api/docs/: no DocsUI title:\n%s", page)
	}
	_, init := docsRequest(t, cfg, "GET", "/api/docs/swagger-initializer.js")
	for _, want := range []string{`"url":"/openapi.yaml"`, `"deepLinking":true`, `"/api/docs/oauth2-redirect"`} {
		if !strings.Contains(init, want) {
			t.Errorf("the initializer lacks %s:\n%s", want, init)
		}
	}
}

func TestDocsDisabled(t *testing.T) {
	cfg := framework.Config{Title: "Items", DocsPath: framework.Disabled}
	for _, target := range []string{"/docs", "/docs/", "/docs/swagger-ui.css"} {
		if status, _ := docsRequest(t, cfg, "GET", target); status != http.StatusNotFound {
			t.Errorf("GET %s with the docs Disabled: %d, want 404", target, status)
		}
	}
}

func TestDocsConfigThatCannotWorkPanics(t *testing.T) {
	for name, cfg := range map[string]framework.Config{
		"bad DocExpansion": {DocsUI: docsui.Config{DocExpansion: "everything"}},
		"bad DocsPath":     {DocsPath: "docs/"},
		"no document": {OpenAPIJSONPath: framework.Disabled, OpenAPIYAMLPath: framework.Disabled,
			OpenAPI30JSONPath: framework.Disabled, OpenAPI30YAMLPath: framework.Disabled},
	} {
		func() {
			defer func() {
				if v := recover(); v == nil || !strings.Contains(v.(string), "signet: Config.DocsPath") {
					t.Errorf("%s: New panicked with %v, want a message naming Config.DocsPath", name, v)
				}
			}()
			framework.New(cfg)
		}()
	}
}

// Configure the docs page like FastAPI's swagger_ui_parameters, or move it
// with DocsPath (framework.Disabled switches it off).
func ExampleConfig_docsUI() {
	app := framework.New(framework.Config{
		Title:   "Items API",
		Version: "1.0.0",
		DocsUI: docsui.Config{
			DeepLinking:          true,
			PersistAuthorization: true,
			TryItOutEnabled:      true,
			DocExpansion:         "none",
			Parameters:           map[string]any{"filter": true, "defaultModelsExpandDepth": -1},
		},
	})

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/docs/swagger-initializer.js", nil))
	for line := range strings.Lines(rec.Body.String()) {
		if strings.Contains(line, "var options") {
			fmt.Print(strings.TrimSpace(line))
		}
	}
	// Output:
	// var options = {"deepLinking":true,"defaultModelsExpandDepth":-1,"docExpansion":"none","dom_id":"#swagger-ui","filter":true,"persistAuthorization":true,"tryItOutEnabled":true,"url":"/openapi.json","validatorUrl":null};
}
