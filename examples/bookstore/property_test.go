package main

import (
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// TestGeneratedRequests sends requests generated from the bookstore's
// document (valid and malformed parameters and bodies, in random
// sequences), with the token, and asserts that no answer is a 5xx, every
// answer matches the document, and every operation answered some request
// with a 2xx but the cover upload: frameworktest generates JSON bodies
// only, so its requests never carry the multipart form the upload needs
// (TestBookstore uploads covers).
func TestGeneratedRequests(t *testing.T) {
	frameworktest.CheckGeneratedRequests(t, func() *framework.App { return newTestApp(newStore()) },
		frameworktest.Bearer(testToken),
		frameworktest.MayNeverSucceed("put-book-cover"),
	)
}
