package kitchensink_test

import (
	"testing"

	"github.com/signet-go/signet/framework/frameworktest"
	"github.com/signet-go/signet/internal/kitchensink"
)

// TestGeneratedRequests sends requests generated from the kitchen sink's
// document, valid and malformed, with the credential its schemes accept,
// and fails on any server error or any response the document does not
// describe: with every feature in use, no status Signet sends may go
// undocumented. Two handlers always refuse (the tests are about the
// document), and the generator sends no PNG for the image upload: those
// operations never answer 2xx.
func TestGeneratedRequests(t *testing.T) {
	frameworktest.CheckGeneratedRequests(t, kitchensink.New,
		frameworktest.Bearer(kitchensink.DemoSecret),
		frameworktest.MayNeverSucceed("create-widget", "get-widget", "put-widget-image"))
}
