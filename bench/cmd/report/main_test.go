package main

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample is three interleaved rounds: each round runs every benchmark once.
const sample = `goos: linux
pkg: github.com/signet-go/signet/bench
BenchmarkAPI/scenario=get/contender=raw-chi-2       1000   1000 ns/op   100 B/op   2 allocs/op
BenchmarkAPI/scenario=get/contender=huma-2          1000   4000 ns/op   300 B/op   9 allocs/op
BenchmarkAPI/scenario=get/contender=huma-nolinks-2  1000   3000 ns/op   250 B/op   8 allocs/op
BenchmarkAPI/scenario=get/contender=signet-2        1000   2000 ns/op   200 B/op   7 allocs/op
BenchmarkStartup/contender=huma-2                   3      2000000000 ns/op   1048576 heap-B   5000 B/op   40 allocs/op
BenchmarkStartup/contender=signet-2                 3      1000000000 ns/op   2097152 heap-B   5000 B/op   40 allocs/op
BenchmarkAPI/scenario=get/contender=raw-chi-2       1000   3000 ns/op   100 B/op   2 allocs/op
BenchmarkAPI/scenario=get/contender=huma-2          1000   12000 ns/op  300 B/op   9 allocs/op
BenchmarkAPI/scenario=get/contender=huma-nolinks-2  1000   9000 ns/op   250 B/op   8 allocs/op
BenchmarkAPI/scenario=get/contender=signet-2        1000   3000 ns/op   200 B/op   7 allocs/op
BenchmarkStartup/contender=huma-2                   3      2000000000 ns/op   1048576 heap-B   5000 B/op   40 allocs/op
BenchmarkStartup/contender=signet-2                 3      1000000000 ns/op   2097152 heap-B   5000 B/op   40 allocs/op
BenchmarkAPI/scenario=get/contender=raw-chi-2       1000   2000 ns/op   100 B/op   2 allocs/op
BenchmarkAPI/scenario=get/contender=huma-2          1000   8000 ns/op   300 B/op   9 allocs/op
BenchmarkAPI/scenario=get/contender=huma-nolinks-2  1000   6000 ns/op   250 B/op   8 allocs/op
BenchmarkAPI/scenario=get/contender=signet-2        1000   4000 ns/op   200 B/op   7 allocs/op
BenchmarkStartup/contender=huma-2                   3      2000000000 ns/op   1048576 heap-B   5000 B/op   40 allocs/op
BenchmarkStartup/contender=signet-2                 3      1000000000 ns/op   2097152 heap-B   5000 B/op   40 allocs/op
`

func TestReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.txt")
	if err := os.WriteFile(path, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := read([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.figures["get"]["raw-chi"]["sec/op"]; math.Abs(got-2e-6) > 1e-12 {
		t.Errorf("raw chi's median is %v s, want 2e-6 (the median of 1, 3 and 2 µs)", got)
	}
	// Ratios are taken round by round: Signet over Huma is 0.5, 0.25 and
	// 0.5 in the three rounds; the ratio of the medians would be 3/8.
	if r, _ := res.ratio("get", "signet", "huma"); r != (spread{median: 0.5, min: 0.25, max: 0.5}) {
		t.Errorf("signet over huma: %+v, want the median 0.5 of the rounds' ratios, from 0.25 to 0.5", r)
	}
	var table bytes.Buffer
	writeTables(&table, res)
	for _, want := range []string{
		"| get | 2.00 µs [1.00 µs–3.00 µs]<br>100 B, 2 allocs<br>0.25x [0.25–0.25] Huma<br>0.33x [0.33–0.33] Huma without links | 8.00 µs [4.00 µs–12.00 µs]<br>300 B, 9 allocs<br>4.00x [4.00–4.00] raw chi<br>1.33x [1.33–1.33] Huma without links |",
		"3.00 µs [2.00 µs–4.00 µs]<br>200 B, 7 allocs<br>2.00x [1.00–2.00] raw chi<br>0.50x [0.25–0.50] Huma<br>0.67x [0.33–0.67] Huma without links",
		"1.00 s [1.00 s–1.00 s]<br>4.9 KiB, 40 allocs<br>heap 2.0 MiB<br>0.50x [0.50–0.50] Huma",
	} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, table.String())
		}
	}
	var chart bytes.Buffer
	writeChart(&chart, res)
	dec := xml.NewDecoder(bytes.NewReader(chart.Bytes()))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("the chart is not well-formed XML: %v", err)
			}
			break
		}
	}
	if !strings.Contains(chart.String(), ">0.50x<") {
		t.Errorf("the chart does not label signet's start-up 1/2x of Huma's:\n%s", chart.String())
	}
}
