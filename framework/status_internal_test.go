package framework

import (
	"fmt"
	"testing"
)

func TestResponseKeys(t *testing.T) {
	for code := 100; code <= 599; code++ {
		k := responseKey(fmt.Sprint(code))
		if !k.valid() {
			t.Errorf("%q is a valid response key", k)
		}
		if k.bodyAllowed() != BodyAllowed(code) {
			t.Errorf("%q: bodyAllowed() = %v, BodyAllowed(%d) = %v", k, k.bodyAllowed(), code, BodyAllowed(code))
		}
		if k.description() == "" {
			t.Errorf("%q has no description", k)
		}
	}
	tests := []struct {
		key         responseKey
		valid       bool
		bodyAllowed bool
		description string
	}{
		{"default", true, true, "Error"},
		{"1XX", true, false, "Informational"},
		{"2XX", true, true, "Successful"},
		{"3XX", true, true, "Redirection"},
		{"4XX", true, true, "Client Error"},
		{"5XX", true, true, "Server Error"},
		{"204", true, false, "No Content"},
		{"299", true, true, "Successful"},
		{"2xx", false, true, ""},
		{"6XX", false, true, ""},
		{"600", false, true, ""},
		{"099", false, true, ""},
		{"20X", false, true, ""},
		{"+20", false, true, ""},
		{"2000", false, true, ""},
		{"", false, true, ""},
		{"Default", false, true, ""},
	}
	for _, tt := range tests {
		if got := tt.key.valid(); got != tt.valid {
			t.Errorf("%q.valid() = %v, want %v", tt.key, got, tt.valid)
		}
		if !tt.valid {
			continue
		}
		if got := tt.key.bodyAllowed(); got != tt.bodyAllowed {
			t.Errorf("%q.bodyAllowed() = %v, want %v", tt.key, got, tt.bodyAllowed)
		}
		if got := tt.key.description(); got != tt.description {
			t.Errorf("%q.description() = %q, want %q", tt.key, got, tt.description)
		}
	}
}
