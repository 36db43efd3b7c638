package exporttest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

const regenerateItems = "go run ./examples/items openapi > examples/items/openapi.json"

// examples/items/openapi.json is committed so that users see, and review
// diffs of, the document; it must be what the code generates.
func TestItemsDocumentIsUpToDate(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join(moduleRoot(t), "examples", "items", "openapi.json"))
	if err != nil {
		t.Fatalf("%v\ncreate it with:\n\n\t%s\n", err, regenerateItems)
	}
	generated := run(t, binary(t, "items"), "openapi").stdout
	if !bytes.Equal(committed, generated) {
		t.Errorf("examples/items/openapi.json differs from what the code generates (first difference at line %d); regenerate it with:\n\n\t%s\n",
			firstDifferentLine(committed, generated), regenerateItems)
	}
}

func firstDifferentLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}
