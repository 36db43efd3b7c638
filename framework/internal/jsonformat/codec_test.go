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

type codecInput struct {
	Name    string            `json:"name"`
	Count   int32             `json:"count,omitempty"`
	Price   float64           `json:"price"`
	Tags    []string          `json:"tags,omitempty"`
	Child   *codecChild       `json:"child,omitempty"`
	Labels  map[string]string `json:"labels,omitempty"`
	When    time.Time         `json:"when"`
	Raw     json.RawMessage   `json:"raw,omitempty"`
	Number  json.Number       `json:"number,omitempty"`
	Any     any               `json:"any,omitempty"`
	Ignored string            `json:"-"`
	codecEmbedded
}

type codecChild struct {
	Label string `json:"label"`
}

type codecEmbedded struct {
	Note string `json:"note,omitempty"`
}

// codecBodies are valid and invalid bodies on which fastUnmarshalJSON must
// give what encoding/json gives.
var codecBodies = []string{
	`{"name":"a","count":3,"price":12.5,"tags":["x","y"],"child":{"label":"l"},"note":"n"}`,
	`{"NAME":"case","Price":1,"Child":{"LABEL":"x"}}`,
	`{"name":"\u00e9\ud83d\ude00 \ud800 lone surrogate","tags":[],"child":null}`,
	`{"labels":{"a":"1","b":"2"},"when":"2026-11-26T15:04:05.123Z","raw":{"x":[1,2]},"number":1e3}`,
	`{"any":{"x":[1,"2",true,null,{"y":1.5e300}]},"-":"x","Ignored":"y"}`,
	` {"name" : "spaces" } `,
	`{"count":2147483647,"price":-0.0}`,
	`[1,2,3]`, `"text"`, `12`, `null`, `true`,
	`{"count":2147483648}`, `{"count":1.5}`, `{"count":"7"}`, `{"name":7}`, `{"tags":"x"}`,
	`{"when":"yesterday"}`, `{"price":1e400}`, `{"name":"a"} trailing`, `{"name":`, `{,}`, ``,
	`{"name":"a",}`, `[1,]`, `{"a":01}`, `{"a":"\x"}`, `nul`,
}

func TestFastUnmarshalJSONDecodesAsEncodingJSON(t *testing.T) {
	for _, body := range codecBodies {
		var got, want codecInput
		gotErr, wantErr := fastUnmarshalJSON([]byte(body), &got), json.Unmarshal([]byte(body), &want)
		if errString(gotErr) != errString(wantErr) {
			t.Errorf("%s: error %v, encoding/json %v", body, gotErr, wantErr)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded\n%+v\nencoding/json\n%+v", body, got, want)
		}
		var gotAny, wantAny any
		gotErr, wantErr = fastUnmarshalJSON([]byte(body), &gotAny), json.Unmarshal([]byte(body), &wantAny)
		if errString(gotErr) != errString(wantErr) {
			t.Errorf("%s into any: error %v, encoding/json %v", body, gotErr, wantErr)
		}
		if !reflect.DeepEqual(gotAny, wantAny) {
			t.Errorf("%s: decoded %#v into any, encoding/json %#v", body, gotAny, wantAny)
		}
	}
}

// FuzzFastUnmarshalJSON compares fastUnmarshalJSON with encoding/json on
// any input (go test -fuzz FuzzFastUnmarshalJSON ./framework).
func FuzzFastUnmarshalJSON(f *testing.F) {
	for _, body := range codecBodies {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		var gotAny, wantAny any
		gotErr, wantErr := fastUnmarshalJSON([]byte(body), &gotAny), json.Unmarshal([]byte(body), &wantAny)
		if errString(gotErr) != errString(wantErr) || !reflect.DeepEqual(gotAny, wantAny) {
			t.Errorf("%q into any: %#v, %v; encoding/json %#v, %v", body, gotAny, gotErr, wantAny, wantErr)
		}
		var got, want codecInput
		gotErr, wantErr = fastUnmarshalJSON([]byte(body), &got), json.Unmarshal([]byte(body), &want)
		if errString(gotErr) != errString(wantErr) || (wantErr == nil && !reflect.DeepEqual(got, want)) {
			t.Errorf("%q: %+v, %v; encoding/json %+v, %v", body, got, gotErr, want, wantErr)
		}
	})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func BenchmarkFastUnmarshalJSON(b *testing.B) {
	body := []byte(`{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`)
	for _, decoder := range []struct {
		name string
		fn   func([]byte, any) error
	}{{"encoding-json", json.Unmarshal}, {"fast", fastUnmarshalJSON}} {
		b.Run(decoder.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var v any
				var s codecInput
				_ = decoder.fn(body, &v)
				_ = decoder.fn(body, &s)
			}
		})
	}
}

type textKey struct{ a, b string }

func (k textKey) MarshalText() ([]byte, error) { return []byte(k.a + "|" + k.b), nil }

// zeroOmitted uses encoding/json's omitzero, which segmentio's encoder
// does not know.
type zeroOmitted struct {
	N    int       `json:"n,omitzero"`
	When time.Time `json:"when,omitzero"`
	Item pageItem  `json:"item,omitempty,omitzero"`
}

// ptrTextKey has a pointer-receiver MarshalText. A map keyed by
// *ptrTextKey crashed segmentio's encoder (memory corruption, a fatal
// error): it must never reach it.
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
	codecEmbedded
	*codecChild
}

// plainTricks is encodeTricks without what makes a type not plain (see
// plainJSON): its values take the fast encoder.
type plainTricks struct {
	Bytes    []byte                `json:"bytes"`
	NilBytes []byte                `json:"nilBytes"`
	NilSlice []string              `json:"nilSlice"`
	NilMap   map[string]int        `json:"nilMap"`
	IntKeys  map[int]string        `json:"intKeys"`
	UintKeys map[uint16]bool       `json:"uintKeys"`
	Ptr      *int                  `json:"ptr"`
	Uint     uint64                `json:"uint"`
	Small    int8                  `json:"small"`
	Array    [2]bool               `json:"array"`
	Empty    struct{}              `json:"empty"`
	Omitted  map[string]string     `json:",omitempty"`
	Floats   []float64             `json:"floats"`
	F32      float32               `json:"f32"`
	Nested   map[string][]pageItem `json:"nested,omitempty"`
	Strings  []string              `json:"strings"`
	Self     *plainTricks          `json:"self,omitempty"`
	codecEmbedded
	*codecChild
}

// notPlain holds what plainJSON keeps off the fast encoder although it is
// made of plain kinds: the string tag option (a nil pointer with it was
// written "null"), time.Time (written without its range checks) and
// json.Number (written unchecked: "1,\"admin\":true" injected a member).
type notPlain struct {
	Quoted  int64       `json:"quoted,string"`
	QuotedF float64     `json:"quotedF,string,omitempty"`
	QuotedS string      `json:"quotedS,string"`
	NilPtr  *int64      `json:"nilPtr,string"`
	When    time.Time   `json:"when"`
	Number  json.Number `json:"number"`
	Admin   bool        `json:"admin"`
}

// encodeValues are values on which fastMarshalJSON must write what Huma's
// own JSON format (encoding/json) writes, or fail as it fails.
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
		encodeTricks{Quoted: 42, Bytes: []byte("hi\x00"), IntKeys: map[int]string{10: "a", -2: "b", 3: "c"},
			TextKeys: map[textKey]int{{"b", "a"}: 1, {"a", "b"}: 2}, Ptr: &one, Iface: map[string]any{"z": 1, "a": []any{nil}},
			Value: valueMarshaler{7}, ValuePtr: &valueMarshaler{8}, Uint: 1 << 63, codecEmbedded: codecEmbedded{Note: "n"},
			codecChild: &codecChild{Label: "l"}},
		&encodeTricks{},
		plainTricks{Bytes: []byte{0, 255}, IntKeys: map[int]string{10: "a", -2: "b"}, UintKeys: map[uint16]bool{65535: true, 0: false},
			Ptr: &one, Uint: math.MaxUint64, Small: -128,
			Floats: []float64{0, -0.0, 1e21, 1e20, 1e-6, 1e-7, 0.1, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64},
			F32:    1e-7, Strings: []string{"\xff\xfe", "\u2028\u2029", "\x00\x1f\x7f", "é😀<>&"},
			Nested: map[string][]pageItem{"b": {{ID: 1, Name: "x"}}, "a": nil}, Self: &plainTricks{Small: 1},
			codecEmbedded: codecEmbedded{Note: "n"}, codecChild: &codecChild{Label: "l"}},
		&plainTricks{}, []plainTricks{{}, {Small: 1}}, map[string]plainTricks{"z": {}, "a": {F32: 2.5}},
		notPlain{Quoted: -9, QuotedF: 1e-7, QuotedS: "q\"<", When: time.Date(2026, 11, 26, 15, 4, 5, 120000000, time.UTC), Number: "12.5"},
		notPlain{}, notPlain{Number: "1,\"admin\":true"}, notPlain{When: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		json.Number("0123"), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600+60)),
		[]float64{math.NaN()}, map[string]float64{"inf": math.Inf(-1)},
		textString("value"), map[textString]int{"key": 1}, []textString{"a"}, map[string]textString{"k": "v"},
		zeroOmitted{}, []zeroOmitted{{N: 1}},
		map[*ptrTextKey]int{{"a"}: 1}, map[ptrTextKey]int{{"b"}: 2}, []ptrTextKey{{"c"}}, map[float64]int{1.5: 1},
		huma.ErrorModel{Title: "Unprocessable Entity", Status: 422, Detail: "validation failed",
			Errors: []*huma.ErrorDetail{{Message: "expected number", Location: "body.price", Value: "x<y>"}}},
		math.NaN(), math.Inf(1), map[string]any{"f": func() {}}, make(chan int), badMarshaler{}, loop,
		json.RawMessage(`{bad`),
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

func TestFastMarshalJSONEncodesAsHumasFormat(t *testing.T) {
	fast := 0
	for _, v := range encodeValues() {
		if v != nil && plainJSON(reflect.TypeOf(v)) {
			fast++
		}
		got, gotErr := marshalWith(fastMarshalJSON, v)
		want, wantErr := marshalWith(huma.DefaultJSONFormat.Marshal, v)
		if (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%#v: error %v, encoding/json %v", v, gotErr, wantErr)
			continue
		}
		if wantErr == nil && got != want {
			t.Errorf("%#v:\n wrote %s\n   want %s", v, got, want)
		}
	}
	if fast < 30 {
		t.Errorf("only %d of the values take the fast encoder", fast)
	}
}

func TestPlainJSON(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want bool
	}{
		{plainTricks{}, true}, {pageItem{}, true}, {[]map[string]*int{}, true},
		{time.Time{}, false}, {json.Number(""), false}, {notPlain{}, false}, {struct {
			P *int `json:",string"`
		}{}, false},
		{map[int8][]*pageItem{}, true}, {textKey{}, false}, {map[*ptrTextKey]int{}, false}, {[]ptrTextKey{}, false},
		{encodeTricks{}, false}, {codecInput{}, false}, {valueMarshaler{}, false}, {[]any{}, false},
		{json.RawMessage{}, false}, {huma.ErrorModel{}, false}, {struct{ F func() }{}, false},
		{textString(""), false}, {map[string]textString{}, false}, {map[textString]int{}, false},
		{zeroOmitted{}, false}, {[]struct{ Z zeroOmitted }{}, false},
	} {
		if got := plainJSON(reflect.TypeOf(tc.v)); got != tc.want {
			t.Errorf("plainJSON(%T) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// FuzzFastMarshalJSON compares fastMarshalJSON with Huma's JSON format on
// values built from any input: the input decoded as JSON, and its bytes as
// strings, numbers and keys (go test -fuzz FuzzFastMarshalJSON ./framework).
func FuzzFastMarshalJSON(f *testing.F) {
	for _, body := range codecBodies {
		f.Add(body, 1.5, int64(7))
	}
	f.Add("\u2028<>&\xff", 1e21, int64(-1))
	f.Add("1,\"admin\":true", -0.0, int64(300_000_000_000)) // a year past 9999
	f.Add("0x10", 1e-7, int64(-70_000_000_000))             // a year before 0
	f.Fuzz(func(t *testing.T, s string, x float64, n int64) {
		var decoded any
		_ = json.Unmarshal([]byte(s), &decoded)
		values := []any{decoded, s, x, n, []byte(s), map[string]any{s: x, "k": s}, map[int64]string{n: s},
			map[string]float64{s: x, "k": -x}, map[textKey]string{{s, s}: s}, []string{s, s + "\u2028"},
			map[textString]string{textString(s): s}, []textString{textString(s)},
			encodeTricks{Quoted: n, QuotedF: x, Bytes: []byte(s), Iface: decoded, codecEmbedded: codecEmbedded{Note: s}},
			plainTricks{Bytes: []byte(s), Floats: []float64{x, float64(n)}, Small: int8(n), F32: float32(x),
				Strings: []string{s}, codecEmbedded: codecEmbedded{Note: s}},
			json.Number(s), time.Unix(n, n%1e9), time.Unix(n%(1<<40), 0).In(time.FixedZone("", int(n%(48*3600)))),
			notPlain{Quoted: n, QuotedF: x, QuotedS: s, When: time.Unix(n, 0), Number: json.Number(s)}}
		for _, v := range values {
			got, gotErr := marshalWith(fastMarshalJSON, v)
			want, wantErr := marshalWith(huma.DefaultJSONFormat.Marshal, v)
			if (gotErr == nil) != (wantErr == nil) || got != want {
				t.Errorf("%#v: wrote %q, %v; encoding/json %q, %v", v, got, gotErr, want, wantErr)
			}
		}
	})
}

func marshalWith(marshal func(io.Writer, any) error, v any) (string, error) {
	var buf bytes.Buffer
	err := marshal(&buf, v)
	return buf.String(), err
}

type pageItem struct {
	ID    int64    `json:"id"`
	Name  string   `json:"name"`
	Price float64  `json:"price"`
	Tags  []string `json:"tags"`
}

func BenchmarkFastMarshalJSON(b *testing.B) {
	page := make([]pageItem, 100)
	for i := range page {
		page[i] = pageItem{ID: int64(i), Name: "Widget " + strconv.Itoa(i), Price: float64(i%97) + 0.99, Tags: []string{"a", "b"}}
	}
	for _, encoder := range []struct {
		name string
		fn   func(io.Writer, any) error
	}{{"encoding-json", huma.DefaultJSONFormat.Marshal}, {"fast", fastMarshalJSON}} {
		b.Run(encoder.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				_ = encoder.fn(&buf, page)
			}
		})
	}
}
