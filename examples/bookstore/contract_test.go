package main

import (
	"testing"
	"time"

	"github.com/signet-go/signet/cmd/signet/contracttest"
)

// TestContract holds the bookstore to openapi.json, its contract with its
// clients: a breaking change to the API (a removed operation, a new
// required field, a narrowed enum, a field gone from a response) fails
// here, listing each change. A compatible change passes and says how to
// update the file.
func TestContract(t *testing.T) {
	contracttest.Check(t, newApp(newStore(), "token", defaultURL, time.Now, nil), "openapi.json")
}
