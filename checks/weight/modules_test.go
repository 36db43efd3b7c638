package weight_test

import (
	"go/version"
	"slices"
	"strings"
	"testing"

	"github.com/signet-go/signet/checks/internal/oascheck"
)

// A module that requires Signet sees at most 85 modules in
// `go list -m all` (itself included), and none that only Signet's own tests
// need: none of the modules the checks module has and the root module has
// not (chromedp, ogen, oapi-codegen and what they bring).
func TestModuleGraph(t *testing.T) {
	const maxModules = 85
	signet, huma := programs(t)
	seen := listModules(t, signet.module)
	t.Logf("a module requiring Signet sees %d modules; requiring Huma %d", len(seen), len(listModules(t, huma.module)))
	if len(seen) > maxModules {
		t.Errorf("a module requiring Signet sees %d modules in go list -m all, want at most %d:\n%s", len(seen), maxModules, strings.Join(seen, "\n"))
	}

	repo, err := oascheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	checks, err := oascheck.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	root := listModules(t, repo)
	var testOnly []string
	for _, m := range listModules(t, checks) {
		if !slices.Contains(root, m) {
			testOnly = append(testOnly, m)
		}
	}
	// The tools themselves are test-only whatever the root module says.
	tools := []string{"github.com/chromedp/chromedp", "github.com/ogen-go/ogen", "github.com/oapi-codegen/oapi-codegen/v2"}
	for _, tool := range tools {
		if !slices.Contains(testOnly, tool) {
			t.Errorf("the root module requires %s: only the checks module may", tool)
			testOnly = append(testOnly, tool)
		}
	}
	for _, m := range testOnly {
		if slices.Contains(seen, m) {
			t.Errorf("a module requiring Signet sees %s, which only Signet's tests (the checks module) need", m)
		}
	}
}

// listModules returns the paths `go list -m all` prints in the module at
// dir, the main module included, without versions.
func listModules(t *testing.T, dir string) []string {
	t.Helper()
	out, err := goCmd(dir, "list", "-m", "-f", "{{.Path}}", "all")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(out)
}

// Requiring Signet does not raise a module's go line above what requiring
// Huma does: both throwaway modules start at go 1.25.0, and go mod tidy
// raises a go line only to what a requirement's go.mod says.
func TestGoLineNotRaised(t *testing.T) {
	signet, huma := programs(t)
	s, h := goLine(t, signet.module), goLine(t, huma.module)
	t.Logf("after go mod tidy: go %s requiring Signet, go %s requiring Huma", s, h)
	if version.Compare("go"+s, "go"+h) > 0 {
		t.Errorf("requiring Signet raised the module's go line to %s, requiring Huma to %s: Signet's go.mod must say no more than the oldest release its code and Huma need", s, h)
	}
}

// goLine returns the go line of the module at dir.
func goLine(t *testing.T, dir string) string {
	t.Helper()
	out, err := goCmd(dir, "list", "-m", "-f", "{{.GoVersion}}")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out)
}
