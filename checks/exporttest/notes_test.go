package exporttest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/signet-go/signet/checks/internal/oascheck"
	"github.com/signet-go/signet/framework/frameworktest"
	"github.com/signet-go/signet/internal/notes"
)

// TestNotesDocumentIsValid checks the documents the notes service of the
// root package's end-to-end tests serves with kin-openapi and the official
// OpenAPI JSON Schemas (installed by .ci/run).
func TestNotesDocumentIsValid(t *testing.T) {
	npm := oascheck.Require(t)
	official, err := oascheck.LoadOfficialSchemas(npm)
	if err != nil {
		t.Fatal(err)
	}
	c := frameworktest.New(t, notes.New())
	for _, path := range []string{"/openapi.json", "/openapi-3.0.json", "/openapi.yaml", "/openapi-3.0.yaml"} {
		resp := c.Get(path)
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, resp.Status)
		}
		if strings.HasSuffix(path, ".yaml") {
			if data, err = oascheck.YAMLToJSON(data); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		if err := oascheck.KinOpenAPI(data); err != nil {
			t.Errorf("%s: kin-openapi: %v", path, err)
		}
		if err := official.Validate(data); err != nil {
			t.Errorf("%s: official schema: %v", path, err)
		}
		responses := gjsonResponses(t, data, "/notes/{id}", "get")
		if r, ok := responses["304"]; !ok || r["content"] != nil || r["description"] != "Not Modified" {
			t.Errorf("%s: the 304 of GET /notes/{id} is documented as %v", path, r)
		}
	}
}

func gjsonResponses(t *testing.T, data []byte, path, method string) map[string]map[string]any {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Paths[path][method].Responses
}
