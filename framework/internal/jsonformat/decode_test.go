package jsonformat

import (
	"encoding/json"
	"errors"
	"math/big"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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
	Any     any               `json:"any,omitempty"`
	Ignored string            `json:"-"`
	codecEmbedded
}

// numberInput holds a json.Number, which encoding/json decodes.
type numberInput struct {
	codecInput
	Number json.Number `json:"number,omitempty"`
	Again  []*json.Number
}

type codecChild struct {
	Label string `json:"label"`
}

type codecEmbedded struct {
	Note string `json:"note,omitempty"`
}

// codecBodies are valid and invalid bodies on which Unmarshal must give
// what encoding/json gives, unless they break the policy.
var codecBodies = []string{
	`{"name":"a","count":3,"price":12.5,"tags":["x","y"],"child":{"label":"l"},"note":"n"}`,
	`{"NAME":"case","Price":1,"Child":{"LABEL":"x"}}`,
	`{"name":"\u00e9\ud83d\ude00 \ud800 lone surrogate","tags":[],"child":null}`,
	`{"name":"\udc00\ud800\ud800\u0041 \ud83d"}`, `{"tags":["\ud800"],"name":"\ud800"}`, `{"n\ud800":1,"any":{"\udfff":2}}`,
	`{"labels":{"a":"1","b":"2"},"when":"2026-11-26T15:04:05.123Z","raw":{"x":[1,2]},"number":1e3}`,
	`{"any":{"x":[1,"2",true,null,{"y":1.5e300}]},"-":"x","Ignored":"y"}`,
	` {"name" : "spaces" } `,
	`{"count":2147483647,"price":-0.0}`,
	`[1,2,3]`, `"text"`, `12`, `null`, `true`,
	`{"count":2147483648}`, `{"count":1.5}`, `{"count":"7"}`, `{"name":7}`, `{"tags":"x"}`,
	`{"when":"yesterday"}`, `{"price":1e400}`, `{"name":"a"} trailing`, `{"name":`, `{,}`, ``,
	`{"name":"a",}`, `[1,]`, `{"a":01}`, `{"a":"\x"}`, `nul`, `{"name":"\uZZZZ"}`, `{"name":"\ud800\uZZZZ"}`,
	`{"number":1,"name":"a"}`, `{"number":1,"name":"a","name":"b"}`, `{"number":1,"name":"a","NAME":"b"}`,
	`{"number":"1"}`, `{"number":"x"}`, `{"count":"7","name":"a","name":"b"}`,
}

// checkUnmarshal checks Unmarshal's result for data into v against
// encoding/json's into want (a pointer to a zero value of v's type) and
// the policy's rules.
func checkUnmarshal(t *testing.T, data []byte, v, want any) {
	t.Helper()
	err := Unmarshal(data, v)
	legacyErr := json.Unmarshal(data, want)
	wantErr := describeTypeError(legacyErr)
	// Restated beyond describeTypeError: a value repeated, or no place.
	restated := legacyErr != nil && errString(describeError(data, reflect.TypeOf(want), legacyErr)) != errString(wantErr)
	exact, folded := duplicateNamesByTokens(data) // before any syntax error
	_, isAny := v.(*any)
	valid := json.Valid(data)
	switch {
	case !utf8.Valid(data):
		if !errors.Is(err, errBodyNotUTF8) {
			t.Errorf("%q into %T: %v, want %v", data, v, err, errBodyNotUTF8)
		}
	case exact || (folded && isAny && valid):
		if !errors.Is(err, errDuplicateName) {
			t.Errorf("%q into %T: %v, want %v", data, v, err, errDuplicateName)
		}
	case errors.Is(err, errDuplicateName) && folded:
		// Into a struct, names that differ only in case are refused where
		// they name the same field; elsewhere encoding/json keeps both.
		// Before a syntax error, the decoder may report either.
	case errors.Is(err, errDuplicateName) && !valid && hasRepeatedString(data):
		// The decoder found a duplicate name in a value where the
		// tokenizer stopped at the value itself.
	case restated:
		// encoding/json's message repeats the value or does not say where
		// it is: Unmarshal says where, not what.
		if !restatedError.MatchString(errString(err)) {
			t.Errorf("%q into %T: error %v, want where the fault is (encoding/json %v)", data, v, err, legacyErr)
		}
	case errString(err) != errString(wantErr):
		t.Errorf("%q into %T: error %v, encoding/json %v", data, v, err, wantErr)
	case err == nil && !reflect.DeepEqual(v, want):
		t.Errorf("%q into %T: decoded\n%#v\nencoding/json\n%#v", data, v, reflect.ValueOf(v).Elem(), reflect.ValueOf(want).Elem())
	}
}

// hasRepeatedString reports whether the text data has two JSON strings
// that differ at most in case.
func hasRepeatedString(data []byte) bool {
	var seen []string
	for _, quoted := range jsonString.FindAll(data, -1) {
		var s string
		if json.Unmarshal(quoted, &s) != nil {
			s = string(quoted)
		}
		for _, other := range seen {
			if strings.EqualFold(s, other) {
				return true
			}
		}
		seen = append(seen, s)
	}
	return false
}

var jsonString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// restatedError is Unmarshal's error where encoding/json's would repeat
// the value or not say where it is.
var restatedError = regexp.MustCompile(`^(the value of (the body|body\.\S+) (does not fit: expected [a-z0-9 ]+|is not valid; see its schema)|a value in the body is not valid; see the schema of the request body)$`)

func TestUnmarshalDecodesAsEncodingJSON(t *testing.T) {
	for _, body := range codecBodies {
		checkUnmarshal(t, []byte(body), new(codecInput), new(codecInput))
		checkUnmarshal(t, []byte(body), new(numberInput), new(numberInput))
		checkUnmarshal(t, []byte(body), new(any), new(any))
	}
}

// TestUnmarshalOutcomes pins what bodies that break a rule, or two, get:
// the first broken rule in the policy's order (UTF-8 anywhere, then a
// duplicate name), or else encoding/json's error for the first fault
// (whose words changed in Go 1.27, when encoding/json moved onto the v2
// engine: see onToolchain).
func TestUnmarshalOutcomes(t *testing.T) {
	dup, notUTF8 := errDuplicateName.Error(), errBodyNotUTF8.Error()
	tooDeep := func(c byte) string {
		return onToolchain("invalid character '"+string(c)+"' exceeded max depth", "exceeded max depth")
	}
	for _, tc := range []struct {
		body      string
		anyErr    string // into an any
		structErr string // into a codecInput
		name      string // decoded into codecInput.Name, if structErr is ""
	}{
		{`{"name":"a","NAME":"b"}`, dup, dup, ""},
		// Into a struct, names that differ only in case are refused where
		// they name the same field; elsewhere encoding/json keeps both (a
		// map) or neither (unknown members).
		{`{"name":"a","x":1,"X":2}`, dup, "", "a"},
		{`{"labels":{"a":"1","A":"2"}}`, dup, "", ""},
		{`{"name":"a","x":1,"x":2}`, dup, dup, ""},
		{`{"a":1,"a":2,"b":"` + "\xff" + `"}`, notUTF8, notUTF8, ""},
		{`{"name":"a" x,"name":1}`, "invalid character 'x' after object key:value pair", "invalid character 'x' after object key:value pair", ""},
		{`{"name":"a","name":1 x}`, dup, dup, ""},
		{`{"name":"\ud800","NAME":"b"}`, dup, dup, ""},
		{`{"name":"\ud800"}`, "", "", "\ufffd"},
		{`{"name":"\ud800\ud800","name":1}`, dup, dup, ""},
		{`{"count":"7","name":"a","name":"b"}`, dup, dup, ""},
		{`{"price":"x","x":1,"X":2}`, dup, dup, ""},
		{`{"price":1e400,"name":"a","name":"b"}`, dup, dup, ""},
		{`{"name":1e400}`, onToolchain("the value of the body does not fit: expected a number", "the value of body.name does not fit: expected a number"), "the value of body.name does not fit: expected a string", ""},
		{`{"count":2147483648}`, "", "the value of body.count does not fit: expected an integer of at most 32 bits", ""},
		{strings.Repeat("[", 10001), tooDeep('['), tooDeep('['), ""},
		{strings.Repeat(`{"a":`, 10001), tooDeep('{'), tooDeep('{'), ""},
	} {
		var v any
		if err := Unmarshal([]byte(tc.body), &v); errString(err) != tc.anyErr {
			t.Errorf("%.40s into an any: %q, want %q", tc.body, errString(err), tc.anyErr)
		}
		var s codecInput
		err := Unmarshal([]byte(tc.body), &s)
		if errString(err) != tc.structErr {
			t.Errorf("%.40s into a struct: %q, want %q", tc.body, errString(err), tc.structErr)
		}
		if err == nil && s.Name != tc.name {
			t.Errorf("%.40s into a struct: name %q, want %q", tc.body, s.Name, tc.name)
		}
	}
}

// FuzzUnmarshal compares Unmarshal with encoding/json and the policy's
// rules on any input (go test -fuzz FuzzUnmarshal
// ./framework/internal/jsonformat).
func FuzzUnmarshal(f *testing.F) {
	for _, body := range codecBodies {
		f.Add(body)
	}
	for _, tc := range duplicateNameCases {
		f.Add(tc.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkUnmarshal(t, []byte(body), new(any), new(any))
		checkUnmarshal(t, []byte(body), new(codecInput), new(codecInput))
		checkUnmarshal(t, []byte(body), new(numberInput), new(numberInput))
	})
}

// onToolchain returns legacy where encoding/json is its own engine (before
// Go 1.27), v2 where it is built on the JSON v2 engine.
func onToolchain(legacy, v2 string) string {
	if encodingJSONIsV2 {
		return v2
	}
	return legacy
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestUnmarshalDecodesNumbersWithEncodingJSON(t *testing.T) {
	dup, notUTF8 := errDuplicateName.Error(), errBodyNotUTF8.Error()
	for _, tc := range []struct {
		body, err string
		number    json.Number
	}{
		{`{"number":1e3,"name":"a"}`, "", "1e3"},
		{`{"number":"12"}`, "", "12"},
		// encoding/json repeats the value (before Go 1.27) or does not say
		// where it is (from Go 1.27 on): Unmarshal says where, not what.
		{`{"number":"x"}`, "the value of body.number does not fit: expected a number", ""},
		{`{"number":"` + strings.Repeat("9", 100) + `x"}`, "the value of body.number does not fit: expected a number", ""},
		{`{"Again":[1,"x"]}`, "the value of body.Again.1 does not fit: expected a number", ""},
		{`{"Again":[1,true]}`, onToolchain("the value of body.Again does not fit: expected a number", "the value of body.Again.1 does not fit: expected a number"), ""},
		{`{"codecInput":1,"count":"7","number":"x"}`, "the value of body.count does not fit: expected an integer of at most 32 bits", ""},
		{`{"number":1,"name":"a","x":1,"x":2}`, dup, ""},
		{`{"number":1,"name":"a","NAME":"b"}`, dup, ""},
		{`{"number":1,"labels":{"a":"1","A":"1"}}`, dup, ""},
		{`{"number":1,"name":"` + "\xff" + `"}`, notUTF8, ""},
		{`{"number":1,"name":"\ud800"}`, "", "1"},
	} {
		var v numberInput
		if err := Unmarshal([]byte(tc.body), &v); errString(err) != tc.err || v.Number != tc.number {
			t.Errorf("%s: %q and %q, want %q and %q", tc.body, v.Number, errString(err), tc.number, tc.err)
		}
	}
	for _, tc := range []struct {
		v    any
		want bool
	}{
		{new(numberInput), true}, {new(codecInput), false}, {new(any), false}, {new([]map[string]*json.Number), true},
		{new(json.RawMessage), false}, {new(struct{ N json.Number }), true}, {new(struct{ n json.Number }), false},
		{new(cyclic), false},
	} {
		if got := holdsNumber(reflect.TypeOf(tc.v)); got != tc.want {
			t.Errorf("holdsNumber(%T) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// echoingText is a type whose decoding method's error repeats its input,
// as time.Time's and math/big's do.
type echoingText struct{}

func (*echoingText) UnmarshalText(text []byte) error {
	return errors.New("cannot use " + string(text))
}

type methodInput struct {
	When  time.Time   `json:"when"`
	Count *big.Int    `json:"count"`
	Label echoingText `json:"label"`
	Items []struct {
		Amount json.Number `json:"amount"`
	} `json:"items"`
}

// TestUnmarshalRestatesWhatRepeatsTheBody: encoding/json hands on the
// error of a type's own decoding method, which may repeat the value, and
// its json.Number errors repeat the value (before Go 1.27) or do not say
// where it is (from Go 1.27 on). Unmarshal says where, and never what.
func TestUnmarshalRestatesWhatRepeatsTheBody(t *testing.T) {
	secret := "s3cr3t-" + strings.Repeat("x", 40)
	for _, tc := range []struct{ body, want string }{
		{`{"when":"` + secret + `"}`, "the value of body.when is not valid; see its schema"},
		{`{"count":1.5` + `}`, "the value of body.count is not valid; see its schema"},
		{`{"label":"` + secret + `"}`, "the value of body.label is not valid; see its schema"},
		{`{"items":[{"amount":1},{"amount":"` + secret + `"}]}`, "the value of body.items.1.amount does not fit: expected a number"},
		{`{"items":[{"amount":1},{"amount":{}}]}`, onToolchain("the value of body.items.amount does not fit: expected a number", "the value of body.items.1.amount does not fit: expected a number")},
		{`{"when":"` + secret + `",}`, "invalid character '}' looking for beginning of object key string"},
	} {
		var v methodInput
		err := Unmarshal([]byte(tc.body), &v)
		if errString(err) != tc.want {
			t.Errorf("%s: %q, want %q", tc.body, errString(err), tc.want)
		}
		if strings.Contains(errString(err), "s3cr3t") {
			t.Errorf("%s: the error repeats the body: %v", tc.body, err)
		}
	}
}
