package humacompat

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// check is one comparison the test makes for every row.
type check string

const (
	viaHuma      check = "huma.Register vs stock Huma"         // path (b) answers as stock Huma
	viaFramework check = "framework.Register vs stock Huma"    // path (c) answers as stock Huma
	samePaths    check = "huma.Register vs framework.Register" // paths (b) and (c) answer alike
)

// verdict is how a Signet path compares with stock Huma on one row.
type verdict int

const (
	same         verdict = iota // the same answers, up to the normalizing differences
	deliberate                  // different, and the row is listed under a deliberate difference
	notOffered                  // the row cannot be written on this path, for a listed difference
	notExpressed                // the row cannot be written on this path (it fails)
	different                   // different for no listed reason (it fails)
	numberOfVerdicts
)

// rowReport is what the test found for one row.
type rowReport struct {
	verdicts map[check]verdict
	diffs    map[check]string // for each failing check, what differed
}

// TestHumaParity runs every row through stock Huma and both Signet paths,
// and fails for each row that differs from stock Huma for no listed
// reason, or whose two Signet paths differ, unless the row is known to
// fail today; and for each row known to fail that now passes.
func TestHumaParity(t *testing.T) {
	rows := allRows()
	names := map[string]bool{}
	for _, rw := range rows {
		if names[rw.name] {
			t.Fatalf("two rows are named %q", rw.name)
		}
		names[rw.name] = true
	}
	checkTablesNameRows(t, names)

	known := map[failure]string{}
	for _, k := range knownFailing {
		for _, c := range k.checks {
			known[failure{k.row, c}] = k.cause
		}
	}
	differs := map[string]bool{} // rows whose answers differ from stock Huma's on a Signet path
	count := map[check]map[verdict]int{viaHuma: {}, viaFramework: {}}
	samePathsCount, samePathsNotOffered := 0, 0
	for _, rw := range rows {
		rep := &rowReport{verdicts: map[check]verdict{}, diffs: map[check]string{}}
		t.Run(rw.name, func(t *testing.T) {
			stock := run(t, rw, stockHuma)
			b := run(t, rw, humaOnSignet)
			c := run(t, rw, frameworkOnSignet)
			rep.compare(viaHuma, rw, stock, b, differs)
			rep.compare(viaFramework, rw, stock, c, differs)
			// A row one path cannot express, for a listed difference, has
			// nothing to compare between the paths.
			if ob, oc := b.outcome(rw.requests), c.outcome(rw.requests); ob != oc && !coveredWhyNot(rw.name, b, c) {
				rep.diffs[samePaths] = sideBySide(humaOnSignet.String(), ob, frameworkOnSignet.String(), oc)
			}
			for _, ch := range []check{viaHuma, viaFramework, samePaths} {
				diff, failing := rep.diffs[ch]
				cause, isKnown := known[failure{rw.name, ch}]
				switch {
				case failing && isKnown:
					t.Logf("known failing today (%s): %s\n%s", ch, cause, diff)
				case failing && rep.verdicts[ch] == notExpressed:
					t.Errorf("%s: cannot be written this way, so it cannot answer as stock Huma does; give Signet the means, or list a deliberate difference that covers the row\n%s", ch, diff)
				case failing:
					t.Errorf("%s: differs from %s for no listed reason; make it behave like Huma, or list a deliberate difference that covers the row\n%s",
						ch, map[bool]string{true: "the other Signet path", false: "stock Huma"}[ch == samePaths], diff)
				case isKnown:
					t.Errorf("%s: passes now, but is listed in knownFailing (%s): remove it from the list", ch, cause)
				}
			}
			for _, res := range []*result{b, c} {
				if res.refused != "" && stock.refused == "" {
					t.Logf("%s refused it: %s", res.path, res.refused)
				}
			}
		})
		for _, ch := range []check{viaHuma, viaFramework} {
			count[ch][rep.verdicts[ch]]++
		}
		switch _, ok := rep.diffs[samePaths]; {
		case rep.verdicts[viaHuma] == notOffered || rep.verdicts[viaFramework] == notOffered:
			samePathsNotOffered++
		case !ok:
			samePathsCount++
		}
	}
	for _, d := range deliberateDifferences {
		for _, name := range d.rows {
			if !differs[name] {
				t.Errorf("deliberate difference %s lists row %s, whose answers no longer differ from stock Huma's on either Signet path: remove the row from the difference", d.id, name)
			}
		}
	}
	for _, ch := range []check{viaHuma, viaFramework} {
		n := count[ch]
		t.Logf("%s: %d of %d rows pass (%d answer as stock Huma, %d differ only deliberately, %d cannot be written this way for a listed reason); %d differ otherwise and %d cannot be written this way",
			ch, n[same]+n[deliberate]+n[notOffered], len(rows), n[same], n[deliberate], n[notOffered], n[different], n[notExpressed])
	}
	t.Logf("%s: %d of %d rows answer alike; %d cannot be written one of the two ways, for a listed reason", samePaths, samePathsCount, len(rows), samePathsNotOffered)
	var list strings.Builder
	for _, k := range knownFailing {
		checks := make([]string, len(k.checks))
		for i, c := range k.checks {
			checks[i] = string(c)
		}
		fmt.Fprintf(&list, "\n  %s (%s): %s", k.row, strings.Join(checks, "; "), k.cause)
	}
	t.Logf("knownFailing: %d rows, %d failing checks tolerated today:%s", len(knownFailing), len(known), list.String())
}

// compare sets the verdict of check ch for a Signet path's result against
// stock Huma's, and the diff when it fails.
func (rep *rowReport) compare(ch check, rw row, stock, signet *result, differs map[string]bool) {
	normalized := stock.clone()
	if stock.refused == "" && stock.whyNot == "" && signet.refused == "" && signet.whyNot == "" {
		for i, a := range normalized.answers {
			for _, d := range deliberateDifferences {
				if d.normalize != nil && a.failed == "" && signet.answers[i].failed == "" {
					d.normalize(a, signet.answers[i], signet.config)
				}
			}
		}
	}
	want, got := normalized.outcome(rw.requests), signet.outcome(rw.requests)
	if want == got {
		rep.verdicts[ch] = same
		return
	}
	differs[rw.name] = true
	switch {
	case listed(rw.name) && signet.whyNot != "":
		rep.verdicts[ch] = notOffered
		return
	case listed(rw.name):
		rep.verdicts[ch] = deliberate
		return
	case signet.whyNot != "":
		rep.verdicts[ch] = notExpressed
	default:
		rep.verdicts[ch] = different
	}
	rep.diffs[ch] = sideBySide("stock Huma, less the normalizing differences", want, signet.path.String(), got)
}

// coveredWhyNot reports whether a Signet path cannot express the row, for
// a deliberate difference that lists it.
func coveredWhyNot(name string, results ...*result) bool {
	for _, res := range results {
		if res.whyNot != "" && listed(name) {
			return true
		}
	}
	return false
}

// listed reports whether a deliberate difference lists the row.
func listed(name string) bool {
	for _, d := range deliberateDifferences {
		if slices.Contains(d.rows, name) {
			return true
		}
	}
	return false
}

func sideBySide(nameA, a, nameB, b string) string {
	return fmt.Sprintf("--- %s:\n%s\n--- %s:\n%s", nameA, strings.TrimRight(a, "\n"), nameB, strings.TrimRight(b, "\n"))
}

// checkTablesNameRows fails when the deliberate differences or the known
// failures name a row that does not exist.
func checkTablesNameRows(t *testing.T, names map[string]bool) {
	t.Helper()
	for _, d := range deliberateDifferences {
		for _, name := range d.rows {
			if !names[name] {
				t.Errorf("deliberate difference %s lists row %q, which does not exist", d.id, name)
			}
		}
	}
	seen := map[failure]bool{}
	for _, k := range knownFailing {
		if !names[k.row] {
			t.Errorf("knownFailing lists row %q, which does not exist", k.row)
		}
		if k.cause == "" || strings.Contains(k.cause, "\n") {
			t.Errorf("knownFailing: row %q needs a one-line cause", k.row)
		}
		for _, c := range k.checks {
			if seen[failure{k.row, c}] {
				t.Errorf("knownFailing lists row %q twice for %s", k.row, c)
			}
			seen[failure{k.row, c}] = true
		}
	}
}

// failure is a row failing one check.
type failure struct {
	row   string
	check check
}
