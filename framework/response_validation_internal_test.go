package framework

import "testing"

// When off, the switch installs nothing: the App's middleware chain is the
// one it has without the switch. When on, it installs exactly one check.
func TestResponseValidationInstallsNothingWhenOff(t *testing.T) {
	cases := []struct {
		name   string
		config Config
		want   int
	}{
		{"unset", Config{}, 0},
		{"off", Config{ValidateResponses: ResponsesUnchecked}, 0},
		{"log", Config{ValidateResponses: LogInvalidResponses}, 1},
		{"reject", Config{ValidateResponses: RejectInvalidResponses}, 1},
	}
	for _, c := range cases {
		if got := len(New(c.config).middlewares); got != c.want {
			t.Errorf("%s: %d middlewares installed, want %d", c.name, got, c.want)
		}
	}
}
