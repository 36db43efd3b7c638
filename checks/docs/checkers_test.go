package docs

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// The checkers on pages made for them under testdata: each fault planted
// there is found at its line, and a page that follows every rule passes.

func TestCheckersPassAPageThatFollowsTheRules(t *testing.T) {
	files := markdownFiles(t, "testdata/good")
	for _, p := range checkFences(files) {
		t.Error(p)
	}
	for _, p := range checkLinks("testdata/good", files) {
		t.Error(p)
	}
	problems, err := checkGoBlocks(t, goCommand(t), repoRoot, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func TestFenceFaultsFound(t *testing.T) {
	expectProblems(t, checkFences(markdownFiles(t, "testdata/fences")), []string{
		"README.md:3: indented code block",
		"README.md:13: code fence with the unknown language \"Errors\"",
		"README.md:17: this code fence is never closed",
		"README.md:17: code fence without a language",
	})
}

func TestLinkFaultsFound(t *testing.T) {
	expectProblems(t, checkLinks("testdata/links", markdownFiles(t, "testdata/links")), []string{
		`README.md:7: link "nope.md": no such file`,
		`README.md:9: link "#nowhere": no heading or id "nowhere" in README.md`,
		`README.md:11: link "/code.txt" starts at the host's root`,
		`README.md:13: link "../outside.md" leaves the repository`,
		`README.md:15: link "code.txt#section": cannot check the fragment`,
		`README.md:17: link "code.txt#L9": code.txt has 3 lines`,
		`README.md:19: link "missing.svg": no such file`,
		`README.md:21: link "missing.png": no such file`,
		`README.md:23: link "sub/other.md#repeated-2": no heading or id "repeated-2" in other.md`,
	})
}

func TestGoBlockFaultsFound(t *testing.T) {
	goCmd := goCommand(t)
	for dir, want := range map[string][]string{
		"testdata/goblocks": {
			"README.md:7: undefined: undefinedInAFile",
			"README.md:12: a fragment is Go declarations or Go statements, and this block is neither",
			"README.md:16: undefined: undefinedInAFragment",
			"README.md:24: undefined: listItems",
			"README.md:27: empty ```go block",
		},
		"testdata/govet": {
			"README.md:4: fmt.Printf format %d has arg \"three\" of wrong type string",
		},
	} {
		t.Run(dir, func(t *testing.T) {
			problems, err := checkGoBlocks(t, goCmd, repoRoot, markdownFiles(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			expectProblems(t, problems, want)
		})
	}
}

// expectProblems wants exactly the problems that start as the given
// strings, in that order.
func expectProblems(t *testing.T, problems []problem, want []string) {
	t.Helper()
	if len(problems) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(problems), len(want), list(problems))
		return
	}
	for i, p := range problems {
		if !strings.HasPrefix(p.String(), want[i]) {
			t.Errorf("problem %d is\n\t%s\nwant one that starts\n\t%s", i+1, p, want[i])
		}
	}
}

func list(problems []problem) string {
	var b strings.Builder
	for _, p := range problems {
		fmt.Fprintln(&b, "\t", p)
	}
	return b.String()
}

// TestFragmentImportsDocumented keeps the package doc's list of the
// packages a fragment may use in step with fragmentImports.
func TestFragmentImportsDocumented(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	listed := strings.Fields(strings.NewReplacer(",", " ", ";", " ", ".\n", " ", ":", " ").Replace(string(doc)))
	for _, path := range fragmentImports {
		if !slices.Contains(listed, path) {
			t.Errorf("doc.go does not list %s among the packages a fragment may use", path)
		}
	}
}
