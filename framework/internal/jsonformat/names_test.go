package jsonformat

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// duplicateNamesByTokens is the obvious implementation of hasDuplicateNames,
// with encoding/json's tokenizer: the reference it is checked against.
func duplicateNamesByTokens(data []byte) (duplicate, valid bool) {
	type object struct {
		names     []string
		expectKey bool
	}
	var stack []*object
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return false, err.Error() == "EOF"
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.expectKey {
			if tok == json.Delim('}') {
				stack = stack[:len(stack)-1]
				continue
			}
			name := tok.(string)
			for _, other := range top.names {
				if strings.EqualFold(name, other) {
					return true, true
				}
			}
			top.names = append(top.names, name)
			top.expectKey = false
			continue
		}
		if top != nil {
			top.expectKey = true
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{expectKey: true})
		case json.Delim('['):
			stack = append(stack, nil)
		case json.Delim(']'), json.Delim('}'):
			stack = stack[:len(stack)-1]
		}
	}
}

var duplicateNameCases = []struct {
	body      string
	duplicate bool
}{
	{`{"name":"a","tags":["x"]}`, false},
	{`{"name":"a","name":"b"}`, true},
	{`{"name":"a","NAME":""}`, true},
	{`{"tags":[],"tagſ":["x"]}`, true}, // ſ folds to s
	{`{"K":1,"k":2}`, true},            // Kelvin sign folds to k
	{`{"n\u0061me":"a","name":"b"}`, true},
	{`{"a\"b":1,"a\"B":2}`, true},
	{`{"a\\":1,"a":2}`, false},
	{`{"a":{"b":1},"b":2}`, false},
	{`{"a":{"b":1,"B":2}}`, true},
	{`[{"a":1},{"a":1}]`, false},
	{`{"a":[{"x":1}],"x":{"a":1}}`, false},
	{`{"a":"{\"a\":1,\"a\":2}"}`, false},
	{`{"a":1,"b":{"c":[1,{"d":2}]},"e":"}","a ":3}`, false},
	{`{"a":1,"b":{"c":[1,{"d":2}]},"e":"}","A":3}`, true},
	{`["a","a"]`, false},
	{`"a"`, false},
	{`{}`, false},
}

func TestHasDuplicateNames(t *testing.T) {
	for _, tc := range duplicateNameCases {
		if got := hasDuplicateNames([]byte(tc.body)); got != tc.duplicate {
			t.Errorf("%s: hasDuplicateNames = %v, want %v", tc.body, got, tc.duplicate)
		}
		if ref, _ := duplicateNamesByTokens([]byte(tc.body)); ref != tc.duplicate {
			t.Errorf("%s: the reference says %v, the case %v", tc.body, ref, tc.duplicate)
		}
	}
}

// TestHasDuplicateNamesInLargeObjects crosses the switch from pairwise
// comparison to a map, with the duplicate before, at and after it.
func TestHasDuplicateNamesInLargeObjects(t *testing.T) {
	for size := smallObject - 2; size <= smallObject+3; size++ {
		for dup := 0; dup <= size; dup++ {
			var b strings.Builder
			b.WriteString(`{"nested":{"m0":1,"M0":2},`)
			b.Reset()
			b.WriteString("{")
			for i := range size {
				if i > 0 {
					b.WriteString(",")
				}
				b.WriteString(`"m` + strings.Repeat("x", i) + `":{"inner":1}`)
			}
			clean := b.String() + "}"
			if hasDuplicateNames([]byte(clean)) {
				t.Fatalf("size %d: a duplicate reported in %s", size, clean)
			}
			withDup := b.String() + `,"M` + strings.Repeat("X", dup%max(size, 1)) + `":0}`
			if size > 0 && !hasDuplicateNames([]byte(withDup)) {
				t.Fatalf("size %d: no duplicate reported in %s", size, withDup)
			}
		}
	}
}

func TestHasDuplicateNamesAllocatesNothingForSmallObjects(t *testing.T) {
	body := []byte(`{"name":"Blue widget","price":12.5,"tags":["blue","small"],"child":{"label":"x"}}`)
	if allocs := testing.AllocsPerRun(100, func() { hasDuplicateNames(body) }); allocs != 0 {
		t.Errorf("%v allocations per body", allocs)
	}
}

// FuzzHasDuplicateNames checks hasDuplicateNames against the tokenizer on
// every valid JSON text (go test -fuzz FuzzHasDuplicateNames ./framework).
func FuzzHasDuplicateNames(f *testing.F) {
	for _, tc := range duplicateNameCases {
		f.Add(tc.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		data := []byte(body)
		if !utf8.Valid(data) || !json.Valid(data) {
			hasDuplicateNames(data) // must not panic
			return
		}
		want, _ := duplicateNamesByTokens(data)
		if got := hasDuplicateNames(data); got != want {
			t.Errorf("%s: hasDuplicateNames = %v, the tokenizer says %v", body, got, want)
		}
	})
}

func BenchmarkHasDuplicateNames(b *testing.B) {
	body := []byte(`{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`)
	b.ReportAllocs()
	for b.Loop() {
		hasDuplicateNames(body)
	}
}
