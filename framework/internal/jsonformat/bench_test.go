package jsonformat

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

// The benchmarks time the JSON format that Formats returns as Huma uses
// it: a request body decoded into an any (for validation), then into the
// input's body type (and, as into=struct-only, the second decode alone); a
// response body encoded. "small" is one item (the body of bench/'s POST),
// "list-100" a page of 100 items.
//
// Decoding is timed for Signet's format and for encoding/json; encoding
// for the two encoders Formats chooses between, as engine=...: Huma's
// default format (encoding/json) and Marshal (the JSON v2 engine). From Go
// 1.27 on, encoding/json is built on the v2 engine and Formats encodes
// with Marshal; before, encoding/json is its own engine, faster at
// encoding than the v2 module's copy, and Formats keeps Huma's. Compare
// with:
//
//	go test -run '^$' -bench . -count 10 ./framework/internal/jsonformat | tee out.txt
//	go tool benchstat -col /engine out.txt

type benchDraft struct {
	Name  string   `json:"name"`
	Price float64  `json:"price"`
	Tags  []string `json:"tags"`
}

type benchPage struct {
	Items []pageItem `json:"items"`
}

func benchItems(n int) benchPage {
	page := benchPage{Items: make([]pageItem, n)}
	for i := range page.Items {
		page.Items[i] = pageItem{ID: int64(i + 1), Name: "Widget " + strconv.Itoa(i+1), Price: float64((i+1)%97) + 0.99, Tags: []string{"blue", "small"}}
	}
	return page
}

func BenchmarkDecode(b *testing.B) {
	list, err := json.Marshal(benchItems(100))
	if err != nil {
		b.Fatal(err)
	}
	engines := []struct {
		name      string
		unmarshal func([]byte, any) error
	}{
		{"signet", Formats(huma.DefaultFormats)["application/json"].Unmarshal},
		// Without the policy, which would take a pass of its own.
		{"encoding-json", json.Unmarshal},
	}
	for _, payload := range []struct {
		name string
		body []byte
		into func() any
	}{
		{"small", []byte(`{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`), func() any { return new(benchDraft) }},
		{"list-100", list, func() any { return new(benchPage) }},
	} {
		for _, engine := range engines {
			b.Run(payload.name+"/engine="+engine.name, func(b *testing.B) {
				b.SetBytes(int64(len(payload.body)))
				b.ReportAllocs()
				for b.Loop() {
					var v any
					if err := engine.unmarshal(payload.body, &v); err != nil {
						b.Fatal(err)
					}
					if err := engine.unmarshal(payload.body, payload.into()); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		// The second decode alone: what decoding each body once would save
		// at most, less what turning the any into the struct would cost.
		b.Run(payload.name+"/engine=signet/into=struct-only", func(b *testing.B) {
			unmarshal := engines[0].unmarshal
			b.SetBytes(int64(len(payload.body)))
			b.ReportAllocs()
			for b.Loop() {
				if err := unmarshal(payload.body, payload.into()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	engines := []struct {
		name    string
		marshal func(io.Writer, any) error
	}{
		{"encoding-json", huma.DefaultJSONFormat.Marshal}, // Huma's default format
		{"json-v2", Marshal},
	}
	for _, payload := range []struct {
		name string
		v    any
	}{
		{"small", benchItems(1).Items[0]},
		{"list-100", benchItems(100)},
	} {
		for _, engine := range engines {
			b.Run(payload.name+"/engine="+engine.name, func(b *testing.B) {
				var buf bytes.Buffer
				b.ReportAllocs()
				for b.Loop() {
					buf.Reset()
					if err := engine.marshal(&buf, payload.v); err != nil {
						b.Fatal(err)
					}
				}
				b.SetBytes(int64(buf.Len()))
			})
		}
	}
}
