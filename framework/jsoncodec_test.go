package framework

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
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
