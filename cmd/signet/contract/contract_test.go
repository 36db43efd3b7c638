package contract_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/signet-go/signet/cmd/signet/contract"
	"github.com/signet-go/signet/cmd/signet/internal/itemsapi"
	"github.com/signet-go/signet/openapi"
)

func parse(t *testing.T, name string, data []byte) *contract.Document {
	t.Helper()
	doc, err := contract.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func compare(t *testing.T, base, revision []byte) []contract.Change {
	t.Helper()
	changes, err := contract.Compare(parse(t, "base", base), parse(t, "revision", revision))
	if err != nil {
		t.Fatal(err)
	}
	return changes
}

// expected is the change each version of the items API must be reported
// with, compared with the first version.
var expected = []struct {
	version itemsapi.Change
	want    []contract.Change // Comment is not compared
}{
	{itemsapi.AddedOperation, []contract.Change{
		{Level: contract.Info, Operation: "DELETE /items/{id}", Rule: "endpoint-added", Text: "endpoint added"},
	}},
	{itemsapi.RemovedOperation, []contract.Change{
		{Level: contract.Breaking, Operation: "GET /items/{id}", Rule: "api-path-removed-without-deprecation", Text: "API path removed without deprecation"},
		{Level: contract.Info, Rule: "api-version-not-bumped", Text: "a breaking change was detected but the version is still `1.0.0`"},
	}},
	{itemsapi.NewRequiredField, []contract.Change{
		{Level: contract.Breaking, Operation: "POST /items", Rule: "new-required-request-property", Text: "added the new required request property `quantity`"},
		{Level: contract.Info, Rule: "api-version-not-bumped", Text: "a breaking change was detected but the version is still `1.0.0`"},
	}},
	{itemsapi.RemovedResponseField, []contract.Change{
		{Level: contract.Breaking, Operation: "GET /items", Rule: "response-required-property-removed", Text: "removed the required property `items/name` from the response with the `200` status"},
		{Level: contract.Breaking, Operation: "POST /items", Rule: "response-required-property-removed", Text: "removed the required property `name` from the response with the `201` status"},
		{Level: contract.Breaking, Operation: "GET /items/{id}", Rule: "response-required-property-removed", Text: "removed the required property `name` from the response with the `200` status"},
		{Level: contract.Info, Rule: "api-version-not-bumped", Text: "a breaking change was detected but the version is still `1.0.0`"},
	}},
	{itemsapi.NarrowedEnum, []contract.Change{
		{Level: contract.Breaking, Operation: "GET /items", Rule: "request-parameter-enum-value-removed", Text: "removed the enum value `archived` from the `query` request parameter `state`"},
		{Level: contract.Info, Rule: "api-version-not-bumped", Text: "a breaking change was detected but the version is still `1.0.0`"},
	}},
	{itemsapi.RemovedOptionalField, []contract.Change{
		{Level: contract.Warning, Operation: "POST /items", Rule: "request-property-removed", Text: "removed the request property `note`"},
	}},
}

func withoutComments(changes []contract.Change) []contract.Change {
	out := make([]contract.Change, len(changes))
	for i, c := range changes {
		c.Comment = ""
		out[i] = c
	}
	return out
}

func TestCompareReportsEachChange(t *testing.T) {
	first := itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{})
	if got := compare(t, first, first); len(got) != 0 {
		t.Errorf("a document compared with itself: %v, want no changes", got)
	}
	for _, e := range expected {
		t.Run(string(e.version), func(t *testing.T) {
			got := compare(t, first, itemsapi.Document(t, e.version, openapi.Options{}))
			if !reflect.DeepEqual(withoutComments(got), e.want) {
				t.Errorf("got\n%s\nwant\n%s", lines(got), lines(e.want))
			}
		})
	}
}

// The way to remove an operation without breaking clients unawares:
// deprecate it in one release, remove it in a later one.
func TestDeprecateThenRemove(t *testing.T) {
	first := itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{})
	deprecated := itemsapi.Document(t, itemsapi.DeprecatedOperation, openapi.Options{})
	removed := itemsapi.Document(t, itemsapi.RemovedOperation, openapi.Options{})
	steps := []struct {
		name       string
		base, next []byte
		want       []contract.Change
	}{
		{"deprecate", first, deprecated, []contract.Change{
			{Level: contract.Info, Operation: "GET /items/{id}", Rule: "endpoint-deprecated", Text: "endpoint deprecated"},
		}},
		{"remove", deprecated, removed, []contract.Change{
			{Level: contract.Info, Operation: "GET /items/{id}", Rule: "api-path-removed-with-deprecation", Text: "API path removed with deprecation"},
		}},
	}
	for _, s := range steps {
		if got := withoutComments(compare(t, s.base, s.next)); !reflect.DeepEqual(got, s.want) {
			t.Errorf("%s: got\n%s\nwant\n%s", s.name, lines(got), lines(s.want))
		}
	}
}

// A 3.0 document and a 3.1 one, in JSON or YAML, describe the same API in
// different notations (nullable: true against a list of types with "null"):
// only the API's changes are reported.
func TestCompareAcrossVersionsAndEncodings(t *testing.T) {
	v30yaml := openapi.Options{Version: openapi.V30, Format: openapi.YAML}
	v31json := openapi.Options{}
	pairs := []struct {
		name       string
		base, next openapi.Options
	}{
		{"3.0 YAML to 3.1 JSON", v30yaml, v31json},
		{"3.1 JSON to 3.0 YAML", v31json, v30yaml},
		{"3.0 YAML to 3.0 YAML", v30yaml, v30yaml},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			first := itemsapi.Document(t, itemsapi.Unchanged, p.base)
			if got := compare(t, first, itemsapi.Document(t, itemsapi.Unchanged, p.next)); len(got) != 0 {
				t.Errorf("the same API: %s, want no changes", lines(got))
			}
			for _, e := range expected {
				got := compare(t, first, itemsapi.Document(t, e.version, p.next))
				if !reflect.DeepEqual(withoutComments(got), e.want) {
					t.Errorf("%s: got\n%s\nwant\n%s", e.version, lines(got), lines(e.want))
				}
			}
		})
	}
}

// A Document is not changed by a comparison, even one that brings a 3.0
// document to 3.1: it can be compared again, and concurrently (go test
// -race checks).
func TestCompareLeavesDocumentsAsTheyAre(t *testing.T) {
	base := parse(t, "3.0", itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{Version: openapi.V30}))
	revision := parse(t, "3.1", itemsapi.Document(t, itemsapi.NarrowedEnum, openapi.Options{}))
	results := make(chan []contract.Change, 4)
	for range cap(results) {
		go func() {
			changes, err := contract.Compare(base, revision)
			if err != nil {
				t.Error(err)
			}
			results <- changes
		}()
	}
	want := expected[4]
	if want.version != itemsapi.NarrowedEnum {
		t.Fatalf("expected[4] is %q", want.version)
	}
	for range cap(results) {
		if got := withoutComments(<-results); !reflect.DeepEqual(got, want.want) {
			t.Errorf("got\n%s\nwant\n%s", lines(got), lines(want.want))
		}
	}
	// base is still 3.0: compared with another 3.0 document, it is not
	// upgraded, so that one need not be valid.
	if _, err := contract.Compare(base, parse(t, "invalid 3.0", invalid30(t))); err != nil {
		t.Errorf("base, after comparisons with 3.1, against a 3.0 document: %v", err)
	}
}

// invalid30 is a 3.0 document kin-openapi loads but does not validate: an
// integer type is misspelt.
func invalid30(t *testing.T) []byte {
	t.Helper()
	valid := string(itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{Version: openapi.V30}))
	invalid := strings.Replace(valid, `"type": "integer"`, `"type": "integr"`, 1)
	if invalid == valid {
		t.Fatal("no integer type to misspell")
	}
	return []byte(invalid)
}

// Documents of different versions are compared after the 3.0 one is brought
// to 3.1, which kin-openapi defines only for valid documents.
func TestCompareAcrossVersionsNeedsValidDocuments(t *testing.T) {
	invalid := invalid30(t)
	_, err := contract.Compare(parse(t, "old.json", invalid), parse(t, "new.json", itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{})))
	want := "old.json (OpenAPI 3.0.3) cannot be compared with a document of another OpenAPI version because it is not valid: "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "; export both documents with the same version") {
		t.Errorf("error %v, want one starting %q", err, want)
	}
	// Of the same version, it is compared as it is.
	valid := itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{Version: openapi.V30})
	if _, err := contract.Compare(parse(t, "old.json", invalid), parse(t, "new.json", valid)); err != nil {
		t.Errorf("two 3.0 documents: %v", err)
	}
}

func lines(changes []contract.Change) string {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString("\t" + c.String() + "\n")
	}
	return b.String()
}

func TestParseRefuses(t *testing.T) {
	valid := string(itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{}))
	// A $ref to a schema that is not there, and one to another file.
	brokenRef := strings.Replace(valid, `"$ref": "#/components/schemas/Draft"`, `"$ref": "#/components/schemas/Nope"`, 1)
	externalRef := strings.Replace(valid, `"$ref": "#/components/schemas/Draft"`, `"$ref": "draft.json#/Draft"`, 1)
	if brokenRef == valid || externalRef == valid {
		t.Fatal("the document has no $ref to Draft to replace")
	}
	cases := []struct {
		name, data, want string
	}{
		{"empty", " \n", "doc.json is empty"},
		{"not JSON or YAML", "{not a document", "doc.json is not a readable OpenAPI document: "},
		{"no version", `{"info": {"title": "x", "version": "1"}, "paths": {}}`, `doc.json is not an OpenAPI 3 document: it has no "openapi" version field`},
		{"Swagger 2.0", `{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}}`, `doc.json is not an OpenAPI 3 document: it has no "openapi" version field`},
		{"OpenAPI 3.2", `{"openapi": "3.2.0", "info": {"title": "x", "version": "1"}, "paths": {}}`, "doc.json is OpenAPI 3.2.0: only 3.0 and 3.1 documents can be compared"},
		{"broken $ref", brokenRef, `doc.json is not a readable OpenAPI document: failed to resolve "Nope"`},
		{"$ref to a file", externalRef, `doc.json is not a readable OpenAPI document: encountered disallowed external reference: "draft.json#/Draft"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := contract.Parse("doc.json", []byte(c.data))
			if err == nil {
				t.Fatalf("parsed: %v", doc)
			}
			if !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line starting %q", err, c.want)
			}
		})
	}
}

// A $ref to another file is refused even when the file is there: comparing
// documents never reads anything but the documents.
func TestParseReadsNoOtherFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("draft.json", []byte(`{"Draft": {"type": "object"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	valid := string(itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{}))
	externalRef := strings.Replace(valid, `"$ref": "#/components/schemas/Draft"`, `"$ref": "draft.json#/Draft"`, 1)
	if _, err := contract.Parse(filepath.Join(dir, "openapi.json"), []byte(externalRef)); err == nil || !strings.Contains(err.Error(), "disallowed external reference") {
		t.Errorf("a $ref to draft.json next to the document: %v, want it refused", err)
	}
}

func TestLevel(t *testing.T) {
	for _, level := range []contract.Level{contract.Info, contract.Warning, contract.Breaking} {
		parsed, err := contract.ParseLevel(level.String())
		if err != nil || parsed != level {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", level.String(), parsed, err, level)
		}
	}
	if !(contract.Info < contract.Warning && contract.Warning < contract.Breaking) {
		t.Error("levels are not ordered from the least to the most severe")
	}
	if _, err := contract.ParseLevel("error"); err == nil || err.Error() != `unknown level "error": use breaking, warning or info` {
		t.Errorf("ParseLevel(error): %v", err)
	}
	if _, err := contract.Level(0).MarshalText(); err == nil {
		t.Error("the zero Level was encoded")
	}
}

var sample = []contract.Change{
	{Level: contract.Breaking, Operation: "GET /items", Text: "removed the enum value `archived` from the `query` request parameter `state`", Rule: "request-parameter-enum-value-removed"},
	{Level: contract.Warning, Operation: "GET /items", Text: "removed the request parameter `a|b`", Comment: "Some clients may\nfail.", Rule: "request-parameter-removed"},
	{Level: contract.Info, Text: "removed the schema `Draft`", Rule: "api-schema-removed"},
}

func TestWriteText(t *testing.T) {
	var out bytes.Buffer
	if err := contract.Write(&out, sample, contract.Text); err != nil {
		t.Fatal(err)
	}
	want := "1 breaking change, 1 warning, 1 info change\n" +
		"breaking  GET /items  removed the enum value `archived` from the `query` request parameter `state` [request-parameter-enum-value-removed]\n" +
		"warning   GET /items  removed the request parameter `a|b` [request-parameter-removed]\n" +
		"                      Some clients may fail.\n" +
		"info      -           removed the schema `Draft` [api-schema-removed]\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}

	out.Reset()
	if err := contract.Write(&out, nil, contract.Text); err != nil || out.String() != "no changes\n" {
		t.Errorf("no changes: %q, %v", out.String(), err)
	}
}

func TestWriteJSON(t *testing.T) {
	var out bytes.Buffer
	if err := contract.Write(&out, sample, contract.JSON); err != nil {
		t.Fatal(err)
	}
	var decoded struct{ Changes []contract.Change }
	if err := json.Unmarshal(out.Bytes(), &decoded); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !reflect.DeepEqual(decoded.Changes, sample) {
		t.Errorf("decoded %v, want %v", decoded.Changes, sample)
	}
	if !strings.Contains(out.String(), `"level": "breaking"`) {
		t.Errorf("levels are not written by name:\n%s", out.String())
	}

	out.Reset()
	if err := contract.Write(&out, nil, contract.JSON); err != nil || out.String() != "{\n  \"changes\": []\n}\n" {
		t.Errorf("no changes: %q, %v", out.String(), err)
	}
}

func TestWriteMarkdown(t *testing.T) {
	var out bytes.Buffer
	if err := contract.Write(&out, sample, contract.Markdown); err != nil {
		t.Fatal(err)
	}
	want := "### API contract: 1 breaking change, 1 warning, 1 info change\n\n" +
		"| level | operation | change |\n|---|---|---|\n" +
		"| **breaking** | `GET /items` | removed the enum value `archived` from the `query` request parameter `state` (`request-parameter-enum-value-removed`) |\n" +
		"| warning | `GET /items` | removed the request parameter `a\\|b` (`request-parameter-removed`)<br>Some clients may fail. |\n" +
		"| info |  | removed the schema `Draft` (`api-schema-removed`) |\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := contract.Write(&bytes.Buffer{}, sample, "html"); err == nil || err.Error() != `unknown format "html": use text, json or markdown` {
		t.Errorf("got %v", err)
	}
}
