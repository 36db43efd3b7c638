// Package bench measures Signet against the frameworks a user would pick
// instead: a hand-written chi handler (the reference limit), stock Huma v2
// with humachi and huma.DefaultConfig, Fuego, and Signet with its defaults.
//
// Every contender implements the same small API (package catalog describes
// it) with the same routes, validation rules, status codes and bodies; the
// conformance test checks that before anything is timed. The benchmarks in
// this package time each scenario in process; cmd/load drives the same
// servers over loopback; cmd/report turns the results into BENCHMARKS.md's
// table and chart.
//
// The module is separate from Signet's so that the peers never enter
// Signet's go.mod. Run from this directory:
//
//	go test -run Conformance -bench . -count 10 -benchmem | tee results.txt
//	go tool benchstat -col /contender results.txt
package bench
