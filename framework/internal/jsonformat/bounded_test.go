package jsonformat

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

// Decoding a hostile body stops at the decoder's depth limit (10000
// levels), however large the body: the memory it takes is bounded by
// that limit, not by the body. Huma hands every body to the format twice,
// into an any and then into the body's type, even when the first fails:
// decodeAsHuma does both, through the format Formats returns.

var jsonFormat = Formats(huma.DefaultFormats)["application/json"]

func decodeAsHuma(body []byte) {
	var v any
	_ = jsonFormat.Unmarshal(body, &v)
	_ = jsonFormat.Unmarshal(body, new(codecInput))
}

// hostileBody is a body of size bytes that nests unit as deep as it can.
func hostileBody(unit string, size int) []byte {
	return []byte(strings.Repeat(unit, size/len(unit)))
}

// allocatedBytes returns the bytes f allocates on the heap (the least of a
// few runs, so that an allocation by another goroutine does not count).
func allocatedBytes(f func()) uint64 {
	least := ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	return least
}

func TestUnmarshalMemoryIsBoundedByDepth(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		unit  string
		bound uint64 // bytes allocated by both decodes of a body of any size
	}{
		// Per level: the tokenizer's state, the partial arrays decoded,
		// the error's JSON Pointer and encoding/json's scanner (for the
		// error message).
		{"[", 3 * mib},
		// Per level also an object's names and a map.
		{`{"a":`, 16 * mib},
		{`{"a":[`, 16 * mib},
		{`[{"a":`, 16 * mib},
	} {
		for _, size := range []int{64 << 10, 1 * mib, 4 * mib} {
			body := hostileBody(tc.unit, size)
			if allocated := allocatedBytes(func() { decodeAsHuma(body) }); allocated > tc.bound {
				t.Errorf("%d bytes of %s: %.1f MiB allocated, more than %.1f MiB",
					size, tc.unit, float64(allocated)/mib, float64(tc.bound)/mib)
			}
		}
	}
}

// BenchmarkUnmarshalHostile shows the time and memory of both decodes of
// 1 MiB bodies that nest as deep as they can.
func BenchmarkUnmarshalHostile(b *testing.B) {
	for _, unit := range []string{"[", `{"a":`, `{"a":[`} {
		body := hostileBody(unit, 1<<20)
		b.Run(fmt.Sprintf("nesting=%s", unit), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				decodeAsHuma(body)
			}
		})
	}
}
