package docsuibrowser_test

import (
	"testing"

	"github.com/signet-go/signet/internal/testkit"
)

// startItems builds examples/items, serves it on 127.0.0.1 until the test
// ends, and returns its base URL.
func startItems(t *testing.T) string {
	t.Helper()
	return testkit.Serve(t, testkit.Build(t, "github.com/signet-go/signet/examples/items"))
}
