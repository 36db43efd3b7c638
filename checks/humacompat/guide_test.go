package humacompat

import (
	"bufio"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

// guide is the "coming from Huma" guide, which lists the deliberate
// differences for readers.
const guide = "../../docs/coming-from-huma.md" // from checks/humacompat

// listItem is an entry of the guide's list: "- `id`: reason".
var listItem = regexp.MustCompile("^- `([a-z0-9-]+)`: (.+)$")

// TestDifferencesDocumented checks that the guide's section "Deliberate
// differences" lists exactly the differences of deliberateDifferences,
// with the same reasons, in the same order, and that every difference
// applies somewhere (a normalizer or rows).
func TestDifferencesDocumented(t *testing.T) {
	f, err := os.Open(guide)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type entry struct{ id, reason string }
	var listed []entry
	inSection := false
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := scanner.Text()
		if strings.HasPrefix(line, "## ") {
			inSection = line == "## Deliberate differences"
			continue
		}
		if !inSection || !strings.HasPrefix(line, "- ") {
			continue
		}
		m := listItem.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("%s: a list item of \"Deliberate differences\" is not \"- `id`: reason\" on one line: %q", guide, line)
			continue
		}
		listed = append(listed, entry{m[1], m[2]})
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	for i := range max(len(listed), len(deliberateDifferences)) {
		switch {
		case i >= len(listed):
			d := deliberateDifferences[i]
			t.Errorf("%s does not list %s; add, in this place:\n- `%s`: %s", guide, d.id, d.id, d.reason)
		case i >= len(deliberateDifferences):
			t.Errorf("%s lists %s, which deliberateDifferences does not have: add it there with the rows it covers, or remove it", guide, listed[i].id)
		case listed[i] != entry{deliberateDifferences[i].id, deliberateDifferences[i].reason}:
			d := deliberateDifferences[i]
			t.Errorf("%s, item %d, differs from deliberateDifferences:\n guide: - `%s`: %s\n table: - `%s`: %s", guide, i+1, listed[i].id, listed[i].reason, d.id, d.reason)
		}
	}
	for _, d := range deliberateDifferences {
		if d.normalize == nil && len(d.rows) == 0 {
			t.Errorf("deliberate difference %s neither normalizes answers nor lists rows: it excuses nothing, so remove it or say where it applies", d.id)
		}
		if strings.Contains(d.reason, "\n") || d.reason == "" {
			t.Errorf("deliberate difference %s needs a reason of one line", d.id)
		}
	}
}

// TestGuideNamesEveryHumaConfigOption checks that the first column of the
// guide's table "Huma's configuration" names every option of huma.Config,
// its document's (huma.OpenAPI's) included, so that an option a new Huma
// adds gets a place in Signet (startingConfig) and in the guide, and is not
// dropped unseen.
func TestGuideNamesEveryHumaConfigOption(t *testing.T) {
	text, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	inSection := false
	for _, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "## ") {
			inSection = line == "## Huma's configuration"
			continue
		}
		if !inSection || !strings.HasPrefix(line, "| ") {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(line, "| "), " | ")
		for _, m := range codeSpan.FindAllStringSubmatch(first, -1) {
			named[m[1]] = true
		}
	}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[huma.Config]()) {
		if f.IsExported() && !named[f.Name] {
			t.Errorf("%s: the table of \"Huma's configuration\" does not name huma.Config's %s: decide how Signet treats it (framework's startingConfig), test it, and add a row", guide, f.Name)
		}
	}
}

// codeSpan is a code span of Markdown.
var codeSpan = regexp.MustCompile("`([^`]+)`")
