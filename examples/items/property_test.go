package main

import (
	"log/slog"
	"testing"
	"time"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// TestGeneratedRequests sends requests generated from the items document
// (valid and malformed parameters and bodies, in random sequences) and
// asserts that no answer is a 5xx and every answer matches the document.
func TestGeneratedRequests(t *testing.T) {
	frameworktest.CheckGeneratedRequests(t, func() *framework.App {
		return newApp(newStore(), time.Now, slog.New(slog.DiscardHandler))
	})
}
