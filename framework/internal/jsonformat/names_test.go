package jsonformat

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// duplicateNamesByTokens reads the first JSON value in data with
// encoding/json's tokenizer, up to the end of the value or the first
// syntax error, and reports whether an object names a member twice:
// exactly, or only when names that differ in case count as the same. It
// is the reference the decoder is checked against.
func duplicateNamesByTokens(data []byte) (exact, folded bool) {
	type object struct {
		names     []string
		expectKey bool
	}
	var stack []*object
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return exact, folded
		}
		var top *object
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.expectKey {
			if tok == json.Delim('}') {
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return exact, folded
				}
				continue
			}
			name := tok.(string)
			for _, other := range top.names {
				exact = exact || name == other
				folded = folded || strings.EqualFold(name, other)
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
		if len(stack) == 0 {
			return exact, folded // the end of the first value
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
	{`[{"a":1},{"b":1,"B":1}]`, true},
	{`{"a":[{"x":1}],"x":{"a":1}}`, false},
	{`{"a":"{\"a\":1,\"a\":2}"}`, false},
	{`{"a":1,"b":{"c":[1,{"d":2}]},"e":"}","a ":3}`, false},
	{`{"a":1,"b":{"c":[1,{"d":2}]},"e":"}","A":3}`, true},
	{`{"ab":1,"aB":2,"Ab":3}`, true},
	{`{"ǅ":1,"ǆ":2}`, true}, // title case and lower case of one letter
	{`{"ß":1,"ss":2}`, false},
	{`["a","a"]`, false},
	{`"a"`, false},
	{`{}`, false},
}

func TestUnmarshalRefusesDuplicateNames(t *testing.T) {
	for _, tc := range duplicateNameCases {
		var v any
		if err := Unmarshal([]byte(tc.body), &v); errors.Is(err, errDuplicateName) != tc.duplicate {
			t.Errorf("%s: %v, want a duplicate %v", tc.body, err, tc.duplicate)
		}
		if exact, folded := duplicateNamesByTokens([]byte(tc.body)); folded != tc.duplicate || (exact && !folded) {
			t.Errorf("%s: the reference says %v, the case %v", tc.body, folded, tc.duplicate)
		}
	}
}

// TestHasFoldedDuplicateInLargeObjects crosses the switch from pairwise
// comparison to a set, with the duplicate at every place.
func TestHasFoldedDuplicateInLargeObjects(t *testing.T) {
	for size := smallObject - 2; size <= smallObject+3; size++ {
		for dup := range size {
			object := map[string]any{}
			for i := range size {
				object["m"+strings.Repeat("x", i)] = map[string]any{"inner": 1.0}
			}
			if hasFoldedDuplicate(object) {
				t.Fatalf("size %d: a duplicate reported in %v", size, object)
			}
			object["M"+strings.Repeat("X", dup)] = 0.0
			if !hasFoldedDuplicate(object) {
				t.Fatalf("size %d: no duplicate reported for M%s", size, strings.Repeat("X", dup))
			}
			nested := map[string]any{"list": []any{1.0, object}}
			if !hasFoldedDuplicate(nested) {
				t.Fatalf("size %d: no duplicate reported in a nested object", size)
			}
		}
	}
}

func TestHasFoldedDuplicateAllocatesNothingForSmallObjects(t *testing.T) {
	var v any
	if err := json.Unmarshal([]byte(`{"name":"Blue widget","price":12.5,"tags":["blue","small"],"child":{"label":"x","Name":"y"}}`), &v); err != nil {
		t.Fatal(err)
	}
	if allocs := testing.AllocsPerRun(100, func() { hasFoldedDuplicate(v) }); allocs != 0 {
		t.Errorf("%v allocations per body", allocs)
	}
}

func TestHasDuplicateNames(t *testing.T) {
	for _, tc := range duplicateNameCases {
		for _, body := range []string{tc.body, " " + tc.body + " trailing", `[1,` + tc.body + `]`, `{"x":` + tc.body + `,"y":{}}`} {
			if got := hasDuplicateNames([]byte(body)); got != tc.duplicate {
				t.Errorf("%s: hasDuplicateNames = %v, want %v", body, got, tc.duplicate)
			}
		}
	}
	for body, want := range map[string]bool{
		`{"a":1,"a":2,`:         true, // before the syntax error
		`{"a":1 x,"a":2}`:       false,
		`{"a":1} {"a":1,"a":2}`: false, // after the first value
		`{"a":"\ud800","A":1}`:  true,
		strings.Repeat(`{"a":`, 10001) + `1` + strings.Repeat(`}`, 10001): false, // past the depth limit
	} {
		if got := hasDuplicateNames([]byte(body)); got != want {
			t.Errorf("%.40s: hasDuplicateNames = %v, want %v", body, got, want)
		}
	}
}

// TestHasDuplicateNamesInLargeObjects crosses the switch from pairwise
// comparison to a set, with the duplicate at every place, in an object
// nested in a large one.
func TestHasDuplicateNamesInLargeObjects(t *testing.T) {
	for size := smallObject - 2; size <= smallObject+3; size++ {
		for dup := range size {
			var b strings.Builder
			b.WriteString("{")
			for i := range size {
				b.WriteString(`"m` + strings.Repeat("x", i) + `":{"inner":1,"INNER2":[{"m":1}]},`)
			}
			b.WriteString(`"nested":{"m":1,"mx":2}`)
			if hasDuplicateNames([]byte(b.String() + "}")) {
				t.Fatalf("size %d: a duplicate reported in %s}", size, b.String())
			}
			withDup := b.String() + `,"M` + strings.Repeat("X", dup) + `":0}`
			if !hasDuplicateNames([]byte(withDup)) {
				t.Fatalf("size %d: no duplicate reported in %s", size, withDup)
			}
		}
	}
}

// FuzzHasDuplicateNames checks hasDuplicateNames against encoding/json's
// tokenizer on every valid JSON text (go test -fuzz FuzzHasDuplicateNames
// ./framework/internal/jsonformat).
func FuzzHasDuplicateNames(f *testing.F) {
	for _, tc := range duplicateNameCases {
		f.Add(tc.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		data := []byte(body)
		got := hasDuplicateNames(data) // must not panic, whatever the input
		if !utf8.Valid(data) || !json.Valid(data) {
			return
		}
		if _, want := duplicateNamesByTokens(data); got != want {
			t.Errorf("%s: hasDuplicateNames = %v, the tokenizer says %v", body, got, want)
		}
	})
}
