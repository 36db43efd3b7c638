// Command report turns the output of the bench suite's benchmarks into
// BENCHMARKS.md's tables and its chart. It reads `go test -bench` output of
// interleaved rounds, each round running every benchmark once, and writes
// the tables as Markdown to standard output and the chart as SVG to the
// -chart file:
//
//	for round in $(seq 10); do go test -run '^$' -bench . -count 1 -benchmem; done > results.txt
//	go run ./cmd/report -chart ../docs/benchmarks.svg results.txt
//
// The n-th result of a benchmark is taken from the n-th round. Each figure
// is the median over the rounds, with the smallest and largest; each ratio
// between two contenders is computed within each round, where both ran on
// the same machine in the same minute, then given as the median of the
// rounds' ratios with the smallest and largest.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// contenders in column order: raw chi is the reference limit, stock Huma
// what Signet must beat, and stock Huma without its schema links the peer
// closest to what Signet sends.
var contenders = []string{"raw-chi", "huma", "huma-nolinks", "fuego", "signet"}

// references are the contenders each other contender is compared with, in
// the order the tables list the ratios, and how the tables name them.
var references = []struct{ contender, name string }{
	{"raw-chi", "raw chi"}, {"huma", "Huma"}, {"huma-nolinks", "Huma without links"},
}

func main() {
	chart := flag.String("chart", "", "write the chart, as SVG, to this `file`")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: report [-chart file.svg] results.txt...\n\nReads go test -bench output of the bench suite; writes Markdown tables to stdout.\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	results, err := read(flag.Args())
	if err != nil {
		log.Fatal(err)
	}
	writeTables(os.Stdout, results)
	if *chart != "" {
		f, err := os.Create(*chart)
		if err != nil {
			log.Fatal(err)
		}
		writeChart(f, results)
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
}

// figures are the medians of one scenario on one contender, by unit
// (sec/op, B/op, allocs/op, heap-B).
type figures map[string]float64

// spread is a median with the smallest and largest value it was taken of.
type spread struct{ median, min, max float64 }

// results holds figures by scenario, then contender; scenarios keeps the
// order in which they first appear.
type results struct {
	scenarios []string
	figures   map[string]map[string]figures
	// times holds each round's sec/op, by scenario, then contender.
	times map[string]map[string][]float64
}

func read(paths []string) (*results, error) {
	samples := map[string]map[string]map[string][]float64{}
	res := &results{figures: map[string]map[string]figures{}, times: map[string]map[string][]float64{}}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		r := benchfmt.NewReader(f, path)
		for r.Scan() {
			result, ok := r.Result().(*benchfmt.Result)
			if !ok {
				continue
			}
			scenario, contender := nameOf(result.Name)
			if scenario == "" || contender == "" {
				continue
			}
			if samples[scenario] == nil {
				samples[scenario] = map[string]map[string][]float64{}
				res.scenarios = append(res.scenarios, scenario)
			}
			if samples[scenario][contender] == nil {
				samples[scenario][contender] = map[string][]float64{}
			}
			for _, v := range result.Values { // ns/op comes as sec/op
				samples[scenario][contender][v.Unit] = append(samples[scenario][contender][v.Unit], v.Value)
			}
		}
		f.Close()
		if err := r.Err(); err != nil {
			return nil, err
		}
	}
	for scenario, byContender := range samples {
		res.figures[scenario] = map[string]figures{}
		res.times[scenario] = map[string][]float64{}
		for contender, byUnit := range byContender {
			fig := figures{}
			for unit, values := range byUnit {
				fig[unit] = median(values)
			}
			res.figures[scenario][contender] = fig
			res.times[scenario][contender] = byUnit["sec/op"]
		}
	}
	return res, nil
}

// timeSpread is the median time of a contender over the rounds, with the
// fastest and slowest.
func (res *results) timeSpread(scenario, contender string) spread {
	return spreadOf(res.times[scenario][contender])
}

// ratio is a contender's time over a reference's, round by round, or false
// when either did not run.
func (res *results) ratio(scenario, contender, reference string) (spread, bool) {
	a, b := res.times[scenario][contender], res.times[scenario][reference]
	n := min(len(a), len(b))
	if n == 0 {
		return spread{}, false
	}
	ratios := make([]float64, n)
	for i := range n {
		ratios[i] = a[i] / b[i]
	}
	return spreadOf(ratios), true
}

func spreadOf(values []float64) spread {
	if len(values) == 0 {
		return spread{}
	}
	return spread{median: median(values), min: slices.Min(values), max: slices.Max(values)}
}

// nameOf returns the scenario and contender of a benchmark name such as
// API/scenario=get/contender=signet or Startup/contender=huma.
func nameOf(name benchfmt.Name) (scenario, contender string) {
	base, parts := name.Parts()
	if string(base) == "Startup" {
		scenario = "startup-1000-ops"
	}
	for _, part := range parts {
		key, value, ok := strings.Cut(strings.TrimPrefix(string(part), "/"), "=")
		if !ok {
			continue
		}
		switch key {
		case "scenario":
			scenario = value
		case "contender":
			contender = value
		}
	}
	return scenario, contender
}

func median(values []float64) float64 {
	s := slices.Clone(values)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func writeTables(w io.Writer, res *results) {
	fmt.Fprintf(w, "| scenario | %s |\n|---|%s\n", strings.Join(contenders, " | "), strings.Repeat("--:|", len(contenders)))
	for _, scenario := range res.scenarios {
		row := []string{scenario}
		byContender := res.figures[scenario]
		for _, c := range contenders {
			fig, ok := byContender[c]
			if !ok {
				row = append(row, "-")
				continue
			}
			t := res.timeSpread(scenario, c)
			cell := duration(t.median) + " [" + duration(t.min) + "–" + duration(t.max) + "]<br>" +
				size(fig["B/op"]) + ", " + fmt.Sprintf("%.0f allocs", fig["allocs/op"])
			if heap, ok := fig["heap-B"]; ok {
				cell += "<br>heap " + size(heap)
			}
			for _, ref := range references {
				if c == ref.contender || (ref.contender == "raw-chi" && scenario == "startup-1000-ops") {
					continue
				}
				if r, ok := res.ratio(scenario, c, ref.contender); ok {
					cell += fmt.Sprintf("<br>%.2fx [%.2f–%.2f] %s", r.median, r.min, r.max, ref.name)
				}
			}
			row = append(row, cell)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
}

func duration(seconds float64) string {
	switch {
	case seconds >= 1:
		return fmt.Sprintf("%.2f s", seconds)
	case seconds >= 1e-3:
		return fmt.Sprintf("%.1f ms", seconds*1e3)
	default:
		return fmt.Sprintf("%.2f µs", seconds*1e6)
	}
}

func size(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	default:
		return fmt.Sprintf("%.0f B", b)
	}
}
