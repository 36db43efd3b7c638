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
// Signet's go.mod. Run from this directory (BENCHMARKS.md, at the root of
// the repository, explains the method and shows the results):
//
//	go test -count=1 ./...   # the conformance test first
//	go test -c -o bench.test . && for i in $(seq 10); do ./bench.test -test.run '^$' -test.bench . -test.benchmem; done > results.txt
//	go tool benchstat -col /contender -row /scenario results.txt
//	go run ./cmd/report -chart ../docs/benchmarks.svg results.txt
//	go run ./cmd/load
//
// Ten rounds of one run each, rather than -count 10, interleave the
// contenders, so that on a shared machine a burst of outside load does not
// fall on one of them only.
package bench
