package docsui

import (
	"runtime"
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
