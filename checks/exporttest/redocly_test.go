package exporttest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signet-go/signet/checks/internal/oascheck"
)

// Redocly's recommended ruleset (checks/npm/redocly.yaml) passes on every
// example's document and the kitchen sink's, 3.1 and 3.0.
func TestRedoclyLintsExampleDocuments(t *testing.T) {
	npmDir := oascheck.Require(t)
	dir := t.TempDir()
	var files []string
	for _, doc := range allDocuments(t) {
		if !strings.HasSuffix(doc.name, "json") {
			continue // the YAML documents hold the same data (openapi tests)
		}
		file := filepath.Join(dir, strings.ReplaceAll(doc.name, " ", "-")+".json")
		if err := os.WriteFile(file, doc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	report, err := oascheck.Redocly(context.Background(), npmDir, files...)
	if err != nil {
		t.Error(err)
	} else if strings.Contains(report, "warning") {
		t.Logf("Redocly passes with warnings:\n%s", report)
	}
}
