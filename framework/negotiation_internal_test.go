package framework

import "testing"

func TestAdmitted(t *testing.T) {
	formats := []string{"application/json", "application/cbor", "text/plain"}
	for accept, want := range map[string]string{
		"":                                  "application/json", // no Accept admits anything: the default
		" ":                                 "application/json",
		"*/*":                               "application/json",
		"application/*":                     "application/json",
		"Application/CBOR":                  "application/cbor", // media types are case-insensitive
		"application/cbor;q=0.5, text/*":    "text/plain",
		"text/html, application/cbor;q=0.9": "application/cbor",
		"application/*;q=0, */*;q=0.1":      "text/plain", // the most specific range decides
		"application/json;q=0":              "",
		"image/png":                         "",
		"*/json":                            "", // not a media range
		"application/json;q=2":              "", // no such quality
		"application/json;q=x, text/plain":  "text/plain",
		"application/json; charset=utf-8":   "application/json",
		"not a media type":                  "",
	} {
		if got := admitted(accept, formats); got != want {
			t.Errorf("admitted(%q) = %q, want %q", accept, got, want)
		}
	}
	if got := admitted("", nil); got != "" {
		t.Errorf("admitted with no formats = %q", got)
	}
}
