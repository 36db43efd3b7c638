package exporttest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

const regenerateClients = "cd checks && go generate ./exporttest"

// The committed clients are what oapi-codegen and ogen, run through the
// go.mod tool directives, make of the current items document.
func TestGeneratedClientsAreCurrent(t *testing.T) {
	root := checksRoot(t)
	dir := filepath.Join(root, "exporttest")
	bin := binary(t, "items")

	for file, args := range map[string][]string{
		"oapiclient/openapi-3.0.json": {"openapi", "--spec-version", "3.0"},
		"ogenclient/openapi.json":     {"openapi", "--spec-version", "3.1"},
	} {
		committed, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(committed, run(t, bin, args...).stdout) {
			t.Errorf("checks/exporttest/%s is not the current items document; regenerate the clients with:\n\n\t%s\n", file, regenerateClients)
		}
	}

	oapiOut := t.TempDir()
	goTool(t, root, "oapi-codegen", "-config", filepath.Join(dir, "oapiclient", "oapi-codegen.yaml"),
		"-o", filepath.Join(oapiOut, "client.gen.go"), filepath.Join(dir, "oapiclient", "openapi-3.0.json"))
	sameFiles(t, filepath.Join(dir, "oapiclient"), oapiOut, "*.gen.go")

	ogenOut := t.TempDir()
	goTool(t, root, "ogen", "-config", filepath.Join(dir, "ogenclient", "ogen.yml"), "-package", "ogenclient",
		"-target", ogenOut, "-clean", filepath.Join(dir, "ogenclient", "openapi.json"))
	sameFiles(t, filepath.Join(dir, "ogenclient"), ogenOut, "*_gen.go")
}

// goTool runs `go tool NAME ARGS` in the module at root (the checks module,
// whose go.mod has the tool directives).
func goTool(t *testing.T, root, name string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"tool", name}, args...)...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go tool %s: %v\n%s", name, err, out)
	}
}

// sameFiles checks the files matching pattern in committed and generated
// are the same files with the same bytes.
func sameFiles(t *testing.T, committed, generated, pattern string) {
	t.Helper()
	names := func(dir string) []string {
		paths, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range paths {
			paths[i] = filepath.Base(p)
		}
		return paths
	}
	want, got := names(generated), names(committed)
	if len(want) == 0 || !slices.Equal(want, got) {
		t.Fatalf("%s has %v, the generator makes %v; regenerate with:\n\n\t%s\n", committed, got, want, regenerateClients)
	}
	for _, name := range want {
		a, errA := os.ReadFile(filepath.Join(committed, name))
		b, errB := os.ReadFile(filepath.Join(generated, name))
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s/%s is not what the generator makes; regenerate with:\n\n\t%s\n", committed, name, regenerateClients)
		}
	}
}
