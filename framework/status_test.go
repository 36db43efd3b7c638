package framework_test

import (
	"testing"

	"github.com/signet-go/signet/framework"
)

// TestBodyAllowedEveryCode checks the predicate for every code from 100 to
// 599 against RFC 9110's list of statuses that cannot carry content.
func TestBodyAllowedEveryCode(t *testing.T) {
	bodiless := map[int]string{
		204: "RFC 9110 15.3.5: a 204 response cannot contain content",
		205: "RFC 9110 15.3.6: a server must not generate content in a 205 response",
		304: "RFC 9110 15.4.5: a 304 response cannot contain content",
	}
	for code := 100; code <= 599; code++ {
		want := true
		if code < 200 {
			want = false // RFC 9110 15.2: interim responses end at the header section
		}
		if _, ok := bodiless[code]; ok {
			want = false
		}
		if got := framework.BodyAllowed(code); got != want {
			t.Errorf("BodyAllowed(%d) = %v, want %v", code, got, want)
		}
	}
}
