package exporttest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/signet-go/signet/checks/internal/oascheck"
)

// binDir holds the example binaries the tests build, once per test run.
var (
	binDir   string
	builtMu  sync.Mutex
	built    = map[string]string{}
	buildErr = map[string]error{}
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "signet-exporttest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// moduleRoot is the repository root, where Signet's go.mod is.
func moduleRoot(t testing.TB) string {
	t.Helper()
	root, err := oascheck.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// checksRoot is the root of the checks module, whose go.mod has the tool
// directives for the client generators.
func checksRoot(t testing.TB) string {
	t.Helper()
	root, err := oascheck.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// examples lists the example programs: the directories under examples/.
func examples(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(moduleRoot(t), "examples"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(moduleRoot(t), "examples", e.Name(), "main.go")); e.IsDir() && err == nil {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no examples found under examples/")
	}
	return names
}

// binary builds examples/name with `go build` (once) and returns its path.
func binary(t testing.TB, name string) string {
	t.Helper()
	builtMu.Lock()
	defer builtMu.Unlock()
	if path, ok := built[name]; ok {
		return path
	}
	if err, ok := buildErr[name]; ok {
		t.Fatal(err)
	}
	path := filepath.Join(binDir, name)
	cmd := exec.Command("go", "build", "-o", path, "./examples/"+name)
	cmd.Dir = moduleRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		buildErr[name] = fmt.Errorf("go build ./examples/%s: %v\n%s", name, err, out)
		t.Fatal(buildErr[name])
	}
	built[name] = path
	return path
}

// result is what a run of a binary did.
type result struct {
	stdout, stderr []byte
	code           int
}

// run runs a binary with args and waits up to 30 seconds: a command that
// started serving instead of exiting fails the test.
func run(t *testing.T, bin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = t.TempDir()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %q did not exit within 30s (is it serving?); stderr:\n%s", filepath.Base(bin), args, stderr.Bytes())
	}
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.Bytes(), stderr.Bytes(), code}
}
