package docsuibrowser_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var screenshotCopy = flag.String("docsui.screenshot", "", "also write the browser test's first screenshot to this `file`, such as ../../docs/docsui.png")

// TestDocsInBrowser opens /docs of examples/items in headless Chromium with
// every request to a host other than the loopback failing, and checks what
// a person would see and do: the API's title and version, every operation
// of the document, the 201 response of create with its schema, the 204 of
// delete with no media type, example or schema, and "Try it out" on a GET
// answered by the server. The page must log no error and no CSP violation.
func TestDocsInBrowser(t *testing.T) {
	chromium := findChromium(t)
	base := startItems(t)
	doc := fetchDocument(t, base+"/openapi.json")
	b := openBrowser(t, chromium)

	b.do(t, chromedp.Navigate(base+"/docs"))
	b.poll(t, `document.querySelectorAll('.opblock').length > 0`)
	overview := b.screenshot(t, "docs-overview.png", false)
	if *screenshotCopy != "" {
		copyFile(t, overview, *screenshotCopy)
	}

	t.Run("title and version", func(t *testing.T) {
		title := b.eval(t, `document.querySelector('.info h2.title').firstChild.textContent`)
		version := b.eval(t, `document.querySelector('.info h2.title .version').textContent`)
		if strings.TrimSpace(title) != doc.Info.Title || strings.TrimSpace(version) != doc.Info.Version {
			t.Errorf("page shows title %q version %q; document has %q %q", title, version, doc.Info.Title, doc.Info.Version)
		}
	})

	t.Run("every operation", func(t *testing.T) {
		var shown []string
		b.evalInto(t, `[...new Set([...document.querySelectorAll('.opblock')].map(b =>
			b.querySelector('.opblock-summary-method').textContent + ' ' +
			b.querySelector('.opblock-summary-path').dataset.path))]`, &shown)
		want := doc.operations()
		slices.Sort(shown)
		if !slices.Equal(shown, want) {
			t.Errorf("page shows operations %q; document has %q", shown, want)
		}
	})

	create := doc.find(t, "POST", "201")
	t.Run("201 of create shows its schema", func(t *testing.T) {
		row := b.openResponse(t, create, "201")
		if text := b.eval(t, row+`.textContent`); !strings.Contains(text, "application/json") {
			t.Errorf("the 201 row names no media type: %q", text)
		}
		for _, selector := range responseContent {
			if selector != schemaTab && !b.has(t, row, selector) {
				t.Errorf("the 201 row has no %s", selector)
			}
		}
		b.eval(t, row+`.querySelector('.model-example button[data-name="model"]').click(), ''`)
		schema := b.pollText(t, row+`.querySelector('.model-example `+schemaTab+`')`)
		for _, property := range doc.responseProperties(t, create, "201") {
			if !strings.Contains(schema, property) {
				t.Errorf("the 201 schema shown lacks the property %q: %q", property, schema)
			}
		}
	})

	remove := doc.find(t, "DELETE", "204")
	t.Run("204 of delete shows no media type, example or schema", func(t *testing.T) {
		row := b.openResponse(t, remove, "204")
		description := doc.Paths[remove.path][strings.ToLower(remove.method)].Responses["204"].Description
		if text := b.eval(t, row+`.textContent`); !strings.Contains(text, description) {
			t.Errorf("the 204 row lacks its description %q: %q", description, text)
		}
		for _, selector := range responseContent {
			if b.has(t, row, selector) {
				t.Errorf("the 204 row has %s", selector)
			}
		}
		if text := b.eval(t, row+`.textContent`); strings.Contains(text, "application/json") {
			t.Errorf("the 204 row names a media type: %q", text)
		}
	})

	t.Run("try it out", func(t *testing.T) {
		// Create an item from the page with the example body Swagger UI
		// builds from the document, so that the list has something in it.
		status, body := b.tryItOut(t, create)
		var created any
		if err := json.Unmarshal([]byte(body), &created); status != "201" || err != nil {
			t.Fatalf("create from the page: status %s, body %s", status, body)
		}
		list := doc.find(t, "GET", "200")
		status, body = b.tryItOut(t, list)
		if status != "200" {
			t.Fatalf("%s from the page: status %s, body %s", list, status, body)
		}
		requestURL := b.eval(t, list.block()+`.querySelector('.request-url pre').textContent`)
		want := getJSON(t, requestURL)
		var got any
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("the page shows a body that is not JSON: %v\n%s", err, body)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the page shows body %v; GET %s answers %v", got, requestURL, want)
		}
		if !holds(got, created) {
			t.Errorf("the page shows %v; want the item created from the page, %v, in it", got, created)
		}
	})

	b.screenshot(t, "docs-after-checks.png", true)
	b.checkQuiet(t)
}

// holds reports whether a JSON value is or contains want.
func holds(v, want any) bool {
	if reflect.DeepEqual(v, want) {
		return true
	}
	switch v := v.(type) {
	case []any:
		return slices.ContainsFunc(v, func(e any) bool { return holds(e, want) })
	case map[string]any:
		for _, e := range v {
			if holds(e, want) {
				return true
			}
		}
	}
	return false
}

// responseContent are the elements of a response row that show a media
// type, an example or a schema; the 201 row of create has each of them,
// schemaTab once its "Schema" tab is chosen.
var responseContent = []string{"select", ".response-control-media-type", ".model-example", ".highlight-code", ".example", schemaTab}

const schemaTab = ".model-box"

// operation names one operation of the document.
type operation struct{ method, path string }

func (o operation) String() string { return o.method + " " + o.path }

// block returns a JavaScript expression for the operation's element.
func (o operation) block() string {
	return fmt.Sprintf(`[...document.querySelectorAll('.opblock')].find(b =>
		b.querySelector('.opblock-summary-method').textContent === %q &&
		b.querySelector('.opblock-summary-path').dataset.path === %q)`, o.method, o.path)
}

// document is the part of an OpenAPI document the test reads.
type document struct {
	Info struct {
		Title   string `json:"title"`
		Version string `json:"version"`
	} `json:"info"`
	Paths map[string]map[string]struct {
		Responses map[string]struct {
			Description string `json:"description"`
			Content     map[string]struct {
				Schema schema `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	} `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type schema struct {
	Ref        string                     `json:"$ref"`
	Properties map[string]json.RawMessage `json:"properties"`
}

var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// operations returns "METHOD /path" for each operation, sorted.
func (d document) operations() []string {
	var ops []string
	for path, item := range d.Paths {
		for method := range item {
			if slices.Contains(methods, method) {
				ops = append(ops, strings.ToUpper(method)+" "+path)
			}
		}
	}
	slices.Sort(ops)
	return ops
}

// find returns the first operation, by path, with this method and status.
func (d document) find(t *testing.T, method, status string) operation {
	t.Helper()
	paths := slices.Sorted(func(yield func(string) bool) {
		for p := range d.Paths {
			if !yield(p) {
				return
			}
		}
	})
	for _, path := range paths {
		if op, ok := d.Paths[path][strings.ToLower(method)]; ok {
			if _, ok := op.Responses[status]; ok {
				return operation{method, path}
			}
		}
	}
	t.Fatalf("the document has no %s operation with a %s response", method, status)
	return operation{}
}

// responseProperties returns the property names of the JSON schema of a
// response, following a $ref to components.
func (d document) responseProperties(t *testing.T, op operation, status string) []string {
	t.Helper()
	s := d.Paths[op.path][strings.ToLower(op.method)].Responses[status].Content["application/json"].Schema
	if name, ok := strings.CutPrefix(s.Ref, "#/components/schemas/"); ok {
		s = d.Components.Schemas[name]
	}
	if len(s.Properties) == 0 {
		t.Fatalf("%s %s: the document's schema has no properties to look for", op, status)
	}
	return slices.Sorted(func(yield func(string) bool) {
		for p := range s.Properties {
			if !yield(p) {
				return
			}
		}
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, data, 0o644)
	}
	if err != nil {
		t.Fatalf("copy the screenshot: %v", err)
	}
	t.Logf("screenshot copied to %s", to)
}

func fetchDocument(t *testing.T, url string) document {
	t.Helper()
	var d document
	raw, _ := json.Marshal(getJSON(t, url))
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return d
}

func getJSON(t *testing.T, url string) any {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	var v any
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d, %v", url, resp.StatusCode, err)
	}
	return v
}
