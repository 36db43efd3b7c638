// Package shutdowntest tests graceful shutdown on a real binary: it builds
// examples/items, serves it, sends SIGTERM while requests are in flight,
// and checks that every one of them completes and the process exits 0.
// It has only tests: run them with `go test ./internal/shutdowntest`.
package shutdowntest
