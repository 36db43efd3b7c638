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

const sample = `goos: linux
pkg: github.com/signet-go/signet/bench
BenchmarkAPI/scenario=get/contender=raw-chi-2    1000   1000 ns/op   100 B/op   2 allocs/op
BenchmarkAPI/scenario=get/contender=raw-chi-2    1000   3000 ns/op   100 B/op   2 allocs/op
BenchmarkAPI/scenario=get/contender=raw-chi-2    1000   2000 ns/op   100 B/op   2 allocs/op
BenchmarkAPI/scenario=get/contender=huma-2       1000   4000 ns/op   300 B/op   9 allocs/op
BenchmarkAPI/scenario=get/contender=signet-2     1000   3000 ns/op   200 B/op   7 allocs/op
BenchmarkStartup/contender=huma-2                3      2000000000 ns/op   1048576 heap-B   5000 B/op   40 allocs/op
BenchmarkStartup/contender=signet-2              3      1000000000 ns/op   2097152 heap-B   5000 B/op   40 allocs/op
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
	var table bytes.Buffer
	writeTables(&table, res)
	for _, want := range []string{
		"| get | 2.00 µs<br>100 B, 2 allocs<br>0.50x Huma | 4.00 µs<br>300 B, 9 allocs<br>2.00x raw chi | - |",
		"3.00 µs<br>200 B, 7 allocs<br>1.50x raw chi<br>0.75x Huma",
		"1.00 s<br>4.9 KiB, 40 allocs<br>heap 2.0 MiB<br>0.50x Huma",
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
