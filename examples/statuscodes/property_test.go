package main

import (
	"log/slog"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// TestGeneratedRequests sends requests generated from the notes document
// (valid and malformed parameters and bodies, in random sequences) and
// asserts that no answer is a 5xx and every answer matches the document.
// The translator works here: the example's own one fails on purpose, to
// show a 500.
func TestGeneratedRequests(t *testing.T) {
	frameworktest.CheckGeneratedRequests(t, func() *framework.App {
		return newApp(newNotes(), bracketTranslator{}, slog.New(slog.DiscardHandler))
	})
}
