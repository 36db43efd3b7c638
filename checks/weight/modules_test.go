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

// Requiring Signet raises a module's go line no higher than Signet's own
// requirements do: both throwaway modules start at go 1.25.0, go mod tidy
// raises a go line to the highest one among the modules it requires, and
// Signet's go.mod must say no more than the oldest release its code and
// its requirements need (the JSON v2 module needs Go 1.26, Huma less).
func TestGoLineNotRaised(t *testing.T) {
	signet, huma := programs(t)
	s, h := goLine(t, signet.module), goLine(t, huma.module)
	needed, by := highestRequiredGoLine(t, signet.module)
	t.Logf("after go mod tidy: go %s requiring Signet (%s says go %s), go %s requiring Huma", s, by, needed, h)
	if version.Compare("go"+s, "go"+needed) > 0 {
		t.Errorf("requiring Signet raised the module's go line to %s, above the go %s its requirements need (%s): Signet's go.mod must say no more than the oldest release its code and its requirements need", s, needed, by)
	}
}

// highestRequiredGoLine returns the highest go line among the modules
// that the module at dir requires, other than Signet, and the module that
// says it.
func highestRequiredGoLine(t *testing.T, dir string) (line, module string) {
	t.Helper()
	out, err := goCmd(dir, "list", "-m", "-f", "{{if not .Main}}{{.Path}} {{.GoVersion}}{{end}}", "all")
	if err != nil {
		t.Fatal(err)
	}
	line = "1.0"
	for _, row := range strings.Split(strings.TrimSpace(out), "\n") {
		path, goVersion, _ := strings.Cut(row, " ")
		if path == "github.com/signet-go/signet" || goVersion == "" {
			continue
		}
		if version.Compare("go"+goVersion, "go"+line) > 0 {
			line, module = goVersion, path
		}
	}
	return line, module
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
