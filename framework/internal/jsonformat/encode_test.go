package jsonformat

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// Responses are encoded by the JSON format Formats was given; these tests
// pin that Signet's JSON format writes what Huma's default writes:
// encoding/json's Encoder without HTML escaping, a newline at the end. The
// values are those where a JSON engine other than encoding/json was found
// to write different bytes, or to fail differently.

type textKey struct{ a, b string }

func (k textKey) MarshalText() ([]byte, error) { return []byte(k.a + "|" + k.b), nil }

// zeroOmitted uses encoding/json's omitzero.
type zeroOmitted struct {
	N    int       `json:"n,omitzero"`
	When time.Time `json:"when,omitzero"`
	Item pageItem  `json:"item,omitempty,omitzero"`
}

// ptrTextKey has a pointer-receiver MarshalText. A map keyed by
// *ptrTextKey crashed an unsafe-based encoder (memory corruption).
type ptrTextKey struct{ a string }

func (k *ptrTextKey) MarshalText() ([]byte, error) {
	if k == nil {
		return []byte("nil"), nil
	}
	return []byte("key-" + k.a), nil
}

// textString is a string with a MarshalText: encoding/json uses the method
// for a value, and the plain string for a map key.
type textString string

func (s textString) MarshalText() ([]byte, error) { return []byte("text-" + string(s)), nil }

type badMarshaler struct{}

func (badMarshaler) MarshalJSON() ([]byte, error) { return []byte(`{"unclosed":`), nil }

type valueMarshaler struct{ n int }

func (v valueMarshaler) MarshalJSON() ([]byte, error) {
	return []byte(` [ ` + strconv.Itoa(v.n) + ` , "x" ] `), nil
}

type cyclic struct {
	Next *cyclic `json:"next"`
}

type encodeTricks struct {
	Quoted   int64             `json:"quoted,string"`
	QuotedF  float64           `json:"quotedF,string,omitempty"`
	QuotedS  string            `json:"quotedS,string"`
	NilPtr   *int64            `json:"nilPtr,string"`
	Bytes    []byte            `json:"bytes"`
	NilBytes []byte            `json:"nilBytes"`
	NilSlice []string          `json:"nilSlice"`
	NilMap   map[string]int    `json:"nilMap"`
	IntKeys  map[int]string    `json:"intKeys"`
	TextKeys map[textKey]int   `json:"textKeys"`
	Ptr      *int              `json:"ptr"`
	Iface    any               `json:"iface"`
	Value    valueMarshaler    `json:"value"`
	ValuePtr *valueMarshaler   `json:"valuePtr,omitempty"`
	Uint     uint64            `json:"uint"`
	Array    [2]bool           `json:"array"`
	Empty    struct{}          `json:"empty"`
	Omitted  map[string]string `json:",omitempty"`
	When     time.Time         `json:"when"`
	Number   json.Number       `json:"number"`
	codecEmbedded
	*codecChild
}

// encodeValues are values on which the format must write what
// encoding/json writes, or fail as it fails.
func encodeValues() []any {
	one := 1
	loop := &cyclic{}
	loop.Next = loop
	values := []any{
		nil, true, 0, -1, int64(math.MinInt64), uint64(math.MaxUint64), 0.1, -0.0, 1e20, 1e21, 1e-6, 1e-7,
		123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, float32(3.14), float32(1e-7),
		"", "plain", `<script>&"'\` + "\u2028\u2029\x00\x1f\x7f\t\n\r\b\f", "\xff invalid \xc3\x28 utf-8", "é😀",
		[]any{}, map[string]any{}, []int(nil), map[string]int(nil), json.RawMessage(`{"raw": [1, 2]}`),
		json.Number("1e3"), time.Date(2026, 11, 26, 15, 4, 5, 123456789, time.FixedZone("x", 3600)),
		encodeTricks{Quoted: 42, QuotedS: `q"<`, Bytes: []byte("hi\x00"), IntKeys: map[int]string{10: "a", -2: "b", 3: "c"},
			TextKeys: map[textKey]int{{"b", "a"}: 1, {"a", "b"}: 2}, Ptr: &one, Iface: map[string]any{"z": 1, "a": []any{nil}},
			Value: valueMarshaler{7}, ValuePtr: &valueMarshaler{8}, Uint: 1 << 63, Number: "12.5",
			When: time.Date(2026, 11, 26, 15, 4, 5, 120000000, time.UTC), codecEmbedded: codecEmbedded{Note: "n"},
			codecChild: &codecChild{Label: "l"}},
		&encodeTricks{}, encodeTricks{Number: "1,\"admin\":true"}, encodeTricks{When: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		map[string]int{"é": 1, "\U0001F600": 2, "\uffff": 3, "z": 4, "A": 5}, map[uint16]bool{65535: true, 0: false},
		json.Number("0123"), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600+60)),
		[]float64{math.NaN()}, map[string]float64{"inf": math.Inf(-1)},
		textString("value"), map[textString]int{"key": 1}, []textString{"a"}, map[string]textString{"k": "v"},
		zeroOmitted{}, []zeroOmitted{{N: 1}},
		map[*ptrTextKey]int{{"a"}: 1}, map[ptrTextKey]int{{"b"}: 2}, []ptrTextKey{{"c"}}, map[float64]int{1.5: 1},
		huma.ErrorModel{Title: "Unprocessable Entity", Status: 422, Detail: "validation failed",
			Errors: []*huma.ErrorDetail{{Message: "expected number", Location: "body.price", Value: "x<y>"}}},
		math.NaN(), math.Inf(1), map[string]any{"f": func() {}}, make(chan int), badMarshaler{}, loop,
		json.RawMessage(`{bad`), benchItems(3),
	}
	for _, body := range codecBodies {
		var decoded any
		if json.Unmarshal([]byte(body), &decoded) == nil {
			values = append(values, decoded)
		}
		var input codecInput
		if json.Unmarshal([]byte(body), &input) == nil {
			values = append(values, input)
		}
	}
	return values
}

func TestFormatsEncodeAsEncodingJSON(t *testing.T) {
	for mediaType, format := range Formats(huma.DefaultFormats) {
		for _, v := range encodeValues() {
			var got, want bytes.Buffer
			gotErr := format.Marshal(&got, v)
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			wantErr := enc.Encode(v)
			if (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%s, %#v: error %v, encoding/json %v", mediaType, v, gotErr, wantErr)
				continue
			}
			if wantErr == nil && got.String() != want.String() {
				t.Errorf("%s, %#v:\n wrote %s\n  want %s", mediaType, v, got.String(), want.String())
			}
		}
	}
}

type pageItem struct {
	ID    int64    `json:"id"`
	Name  string   `json:"name"`
	Price float64  `json:"price"`
	Tags  []string `json:"tags"`
}

// Formats encodes with Marshal only where the format is Huma's default and
// encoding/json runs on the v2 engine; a JSON format the program wrote
// keeps its own Marshal, which may write what Marshal does not.
func TestFormatsKeepTheProgramsMarshal(t *testing.T) {
	indented := huma.Format{
		Marshal: func(w io.Writer, v any) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(v)
		},
		Unmarshal: json.Unmarshal,
	}
	formats := Formats(map[string]huma.Format{
		"application/json":         huma.DefaultJSONFormat,
		"application/problem+json": indented,
	})
	for mediaType, want := range map[string]string{
		"application/json":         "{\"a\":1}\n",
		"application/problem+json": "{\n  \"a\": 1\n}\n",
	} {
		var got bytes.Buffer
		if err := formats[mediaType].Marshal(&got, map[string]int{"a": 1}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("%s wrote %q, want %q", mediaType, got.String(), want)
		}
	}
	// A program that assigned its own function to Huma's default format
	// keeps it too.
	saved := huma.DefaultJSONFormat.Marshal
	huma.DefaultJSONFormat.Marshal = indented.Marshal
	reassigned := Formats(map[string]huma.Format{"application/json": huma.DefaultJSONFormat})["application/json"]
	huma.DefaultJSONFormat.Marshal = saved
	var got bytes.Buffer
	if err := reassigned.Marshal(&got, map[string]int{"a": 1}); err != nil || got.String() != "{\n  \"a\": 1\n}\n" {
		t.Errorf("a program's function assigned to huma.DefaultJSONFormat.Marshal was replaced: wrote %q", got.String())
	}
	defaultMarshal := reflect.ValueOf(formats["application/json"].Marshal).Pointer()
	if ours := reflect.ValueOf(Marshal).Pointer(); (defaultMarshal == ours) != encodingJSONIsV2 {
		t.Errorf("Huma's default JSON format encodes with Marshal: %v; want %v (encoding/json on the v2 engine: %v)", defaultMarshal == ours, encodingJSONIsV2, encodingJSONIsV2)
	}
}

// FuzzMarshal compares Marshal with encoding/json's Encoder (HTML escaping
// off) on any JSON value encoding/json decodes, and on the input struct
// when it decodes into one (go test -fuzz FuzzMarshal
// ./framework/internal/jsonformat).
func FuzzMarshal(f *testing.F) {
	for _, body := range codecBodies {
		f.Add(body)
	}
	f.Add(`{"a":"<\u2028>","b":[1e21,-0,0.000001,1.5e-7],"c":{"":null,"\ud800":true}}`)
	f.Fuzz(func(t *testing.T, body string) {
		var generic any
		if json.Unmarshal([]byte(body), &generic) == nil {
			compareMarshal(t, generic)
		}
		var input codecInput
		if json.Unmarshal([]byte(body), &input) == nil {
			compareMarshal(t, input)
		}
	})
}

func compareMarshal(t *testing.T, v any) {
	t.Helper()
	var got, want bytes.Buffer
	gotErr := Marshal(&got, v)
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	wantErr := enc.Encode(v)
	if (gotErr == nil) != (wantErr == nil) || got.String() != want.String() {
		t.Errorf("%#v:\n Marshal wrote %q (error %v)\n encoding/json %q (error %v)", v, got.String(), gotErr, want.String(), wantErr)
	}
}
