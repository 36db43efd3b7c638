package jsonformat

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

// The benchmarks time the JSON format that Formats returns as Huma uses
// it: a request body decoded into an any (for validation), then into the
// input's body type; a response body encoded. "small" is one item (the
// body of bench/'s POST), "list-100" a page of 100 items.

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
	unmarshal := Formats(huma.DefaultFormats)["application/json"].Unmarshal
	for _, payload := range []struct {
		name string
		body []byte
		into func() any
	}{
		{"small", []byte(`{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`), func() any { return new(benchDraft) }},
		{"list-100", list, func() any { return new(benchPage) }},
	} {
		b.Run(payload.name, func(b *testing.B) {
			b.SetBytes(int64(len(payload.body)))
			b.ReportAllocs()
			for b.Loop() {
				var v any
				if err := unmarshal(payload.body, &v); err != nil {
					b.Fatal(err)
				}
				if err := unmarshal(payload.body, payload.into()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	marshal := Formats(huma.DefaultFormats)["application/json"].Marshal
	for _, payload := range []struct {
		name string
		v    any
	}{
		{"small", benchItems(1).Items[0]},
		{"list-100", benchItems(100)},
	} {
		b.Run(payload.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := marshal(&buf, payload.v); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
