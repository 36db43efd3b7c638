package docsui

import (
	"runtime"
	"slices"
	"testing"
)

func TestSwaggerUIStaysInTheBinary(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	assets := loadSwaggerUIAssets()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(assets)
	// Swagger UI is ~580 KB gzipped; what stays on the heap is the index
	// of names and hashes, and the small files.
	kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("kept %d bytes", kept)
	if kept > 64<<10 {
		t.Errorf("loading the assets kept %d bytes on the heap; the gzipped files should be served from the binary", kept)
	}
}

// Paths, which prepares nothing, lists exactly what the prepared handler
// serves.
func TestPathsAreWhatIsPrepared(t *testing.T) {
	h, err := New("/docs", "/openapi.json", Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/docs", "/docs/"}
	for name := range h.files().assets {
		want = append(want, "/docs/"+name)
	}
	slices.Sort(want)
	if got := h.Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths() = %q, the prepared handler serves %q", got, want)
	}
}
