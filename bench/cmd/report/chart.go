package main

import (
	"fmt"
	"html"
	"io"
	"math"
)

// chartColors are the bars' colours by contender.
var chartColors = map[string]string{
	"raw-chi": "#7f7f7f", "huma": "#1f77b4", "huma-nolinks": "#9467bd", "fuego": "#ff7f0e", "signet": "#2ca02c",
}

// writeChart draws, for each scenario, each contender's time relative to
// stock Huma's on a log2 scale: a bar left of the 1x line is faster than
// Huma. Raw chi's bar is the limit of a hand-written handler.
func writeChart(w io.Writer, res *results) {
	const (
		left, right, top = 150.0, 40.0, 60.0
		width            = 760.0
		barHeight, gap   = 9.0, 14.0
		minLog, maxLog   = -6.0, 4.0 // 1/64x to 16x
	)
	others := []string{"raw-chi", "huma-nolinks", "fuego", "signet"}
	groupHeight := float64(len(others))*barHeight + gap
	height := top + float64(len(res.scenarios))*groupHeight + 50
	plot := width - left - right
	x := func(r float64) float64 {
		l := math.Max(minLog, math.Min(maxLog, math.Log2(r)))
		return left + (l-minLog)/(maxLog-minLog)*plot
	}
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="11">`+"\n", width, height)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(w, `<text x="%.0f" y="20" font-size="14" font-weight="bold">Time per operation relative to stock Huma (log scale; left of 1x is faster)</text>`+"\n", left-140)
	fmt.Fprintf(w, `<text x="%.0f" y="%.0f" fill="#555">Medians of the rounds' ratios, in-process benchmarks (go test -bench). Raw chi is hand-written; at start-up it only registers routes (no document).</text>`+"\n", left-140, height-8)
	for l := minLog; l <= maxLog; l++ {
		xx := left + (l-minLog)/(maxLog-minLog)*plot
		stroke := "#ddd"
		if l == 0 {
			stroke = "#1f77b4"
		}
		fmt.Fprintf(w, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="%s"/>`+"\n", xx, top-10, xx, height-40, stroke)
		fmt.Fprintf(w, `<text x="%.1f" y="%.0f" text-anchor="middle" fill="#555">%s</text>`+"\n", xx, height-26, ratioLabel(math.Pow(2, l)))
	}
	for i, c := range others {
		fmt.Fprintf(w, `<rect x="%.0f" y="32" width="10" height="10" fill="%s"/><text x="%.0f" y="41">%s</text>`+"\n",
			left+float64(i)*100, chartColors[c], left+float64(i)*100+14, c)
	}
	fmt.Fprintf(w, `<line x1="%.0f" y1="37" x2="%.0f" y2="37" stroke="%s" stroke-width="2"/><text x="%.0f" y="41">huma = 1x</text>`+"\n",
		left+410, left+430, chartColors["huma"], left+434)
	for g, scenario := range res.scenarios {
		y0 := top + float64(g)*groupHeight
		fmt.Fprintf(w, `<text x="%.0f" y="%.1f" text-anchor="end">%s</text>`+"\n", left-8, y0+groupHeight/2-2, html.EscapeString(scenario))
		for i, c := range others {
			ratio, ok := res.ratio(scenario, c, "huma")
			if !ok {
				continue
			}
			r := ratio.median
			y := y0 + float64(i)*barHeight
			x0, x1 := math.Min(x(1), x(r)), math.Max(x(1), x(r))
			fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", x0, y, math.Max(x1-x0, 1), barHeight-1, chartColors[c])
			anchor, tx := "start", x1+3
			if r < 1 {
				anchor, tx = "end", x0-3
			}
			fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="9">%s</text>`+"\n", tx, y+barHeight-2, anchor, barLabel(r))
		}
	}
	fmt.Fprintln(w, `</svg>`)
}

// barLabel is a ratio as the tables write it.
func barLabel(r float64) string {
	switch {
	case r >= 10:
		return fmt.Sprintf("%.0fx", r)
	case r >= 0.1:
		return fmt.Sprintf("%.2fx", r)
	default:
		return fmt.Sprintf("%.3fx", r)
	}
}

// ratioLabel is a power of two for the axis: 1/4x, 1x, 4x.
func ratioLabel(r float64) string {
	switch {
	case r >= 10:
		return fmt.Sprintf("%.0fx", r)
	case r >= 1:
		return fmt.Sprintf("%.2gx", r)
	default:
		return fmt.Sprintf("1/%.2gx", 1/r)
	}
}
