package exporttest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/signet-go/signet/checks/internal/oascheck"
	"github.com/signet-go/signet/framework/cli"
	"github.com/signet-go/signet/internal/kitchensink"
	"github.com/signet-go/signet/internal/testkit"
)

// document is one exported document and where it came from.
type document struct {
	name string // e.g. "items 3.0 yaml"
	data []byte
	// warnings is what the command wrote on stderr.
	warnings string
}

// variants are the flag sets of the openapi command, with the name
// suffix and the App route that serves the same document.
var variants = []struct {
	suffix string
	args   []string
	route  string
}{
	{"3.1 json", []string{"--spec-version", "3.1", "--format", "json"}, "/openapi.json"},
	{"3.1 yaml", []string{"--spec-version", "3.1", "--format", "yaml"}, "/openapi.yaml"},
	{"3.0 json", []string{"--spec-version", "3.0", "--format", "json"}, "/openapi-3.0.json"},
	{"3.0 yaml", []string{"--spec-version", "3.0", "--format", "yaml"}, "/openapi-3.0.yaml"},
}

// exampleDocuments exports every example's document in every variant by
// running its binary.
func exampleDocuments(t *testing.T) []document {
	var docs []document
	for _, name := range examples(t) {
		bin := binary(t, name)
		for _, v := range variants {
			r := run(t, bin, append([]string{"openapi"}, v.args...)...)
			if r.code != 0 {
				t.Fatalf("%s openapi %q: exit %d\n%s", name, v.args, r.code, r.stderr)
			}
			docs = append(docs, document{name + " " + v.suffix, r.stdout, string(r.stderr)})
		}
	}
	return docs
}

// kitchenSinkDocuments exports the kitchen sink's document in every variant
// through cli.Execute, the function behind cli.Run.
func kitchenSinkDocuments(t *testing.T) []document {
	var docs []document
	for _, v := range variants {
		var stdout, stderr bytes.Buffer
		code := cli.Execute(context.Background(), kitchensink.New(), append([]string{"openapi"}, v.args...), &stdout, &stderr)
		if code != 0 {
			t.Fatalf("kitchen sink openapi %q: exit %d\n%s", v.args, code, stderr.Bytes())
		}
		docs = append(docs, document{"kitchen sink " + v.suffix, stdout.Bytes(), stderr.String()})
	}
	return docs
}

// allDocuments is every example's and the kitchen sink's documents,
// exported once per test run.
func allDocuments(t *testing.T) []document {
	t.Helper()
	documentCache.Lock()
	defer documentCache.Unlock()
	if documentCache.docs == nil {
		documentCache.docs = append(exampleDocuments(t), kitchenSinkDocuments(t)...)
	}
	return documentCache.docs
}

var documentCache struct {
	sync.Mutex
	docs []document
}

func TestDocumentsAreValidForKinOpenAPI(t *testing.T) {
	for _, doc := range allDocuments(t) {
		if err := oascheck.KinOpenAPI(doc.data); err != nil {
			t.Errorf("%s: %v", doc.name, err)
		}
	}
}

func TestDocumentsAreValidAgainstTheOfficialSchemas(t *testing.T) {
	schemas, err := oascheck.LoadOfficialSchemas(oascheck.Require(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range allDocuments(t) {
		if err := schemas.Validate(doc.data); err != nil {
			t.Errorf("%s: %v", doc.name, err)
		}
	}
}

// The 3.0 downgrade reports on stderr what it drops, and only then.
func TestDowngradeWarningsOnStderr(t *testing.T) {
	for _, doc := range allDocuments(t) {
		is30 := strings.Contains(doc.name, "3.0")
		switch {
		case strings.HasPrefix(doc.name, "kitchen sink") && is30:
			for _, want := range []string{
				`openapi 3.0: dropped webhook "widgetChanged" at #/webhooks: `,
				`openapi 3.0: dropped identifier at #/info/license: `,
				`openapi 3.0: dropped schema keyword "dependentRequired" at #/components/schemas/Widget: `,
			} {
				if !strings.Contains(doc.warnings, want) {
					t.Errorf("%s: stderr lacks %q:\n%s", doc.name, want, doc.warnings)
				}
			}
		case !is30 && doc.warnings != "":
			t.Errorf("%s: a 3.1 export wrote on stderr:\n%s", doc.name, doc.warnings)
		}
	}
}

// The App serves at its /openapi* routes the bytes the command exports.
func TestServedDocumentsAreTheExportedOnes(t *testing.T) {
	server := httptest.NewServer(kitchensink.New())
	defer server.Close()
	exported := kitchenSinkDocuments(t)
	for i, v := range variants {
		served := get(t, server.URL+v.route)
		if !bytes.Equal(served, exported[i].data) {
			t.Errorf("GET %s differs from `openapi %s`", v.route, strings.Join(v.args, " "))
		}
	}
}

func get(t *testing.T, url string) []byte {
	t.Helper()
	resp, body := testkit.Get(t, url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return body
}
