// Package shutdowntest tests graceful shutdown on a real binary: it builds
// examples/items, serves it, sends SIGTERM while requests are in flight,
// and checks that every one of them completes and the process exits 0.
// It has no code of its own; see shutdown_test.go.
package shutdowntest
