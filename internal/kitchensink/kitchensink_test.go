package kitchensink_test

import (
	"testing"

	"github.com/signet-go/signet/framework/frameworktest"
	"github.com/signet-go/signet/internal/kitchensink"
)

// TestGeneratedRequests sends requests generated from the kitchen sink's
// document, valid and malformed, and fails on any server error or any
// response the document does not describe: with every feature in use, no
// status Signet sends may go undocumented.
func TestGeneratedRequests(t *testing.T) {
	frameworktest.CheckGeneratedRequests(t, kitchensink.New)
}
