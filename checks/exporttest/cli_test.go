package exporttest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The openapi command of a real binary, as users run it.

func TestOpenAPICommandDefaultsToJSON31OnStdout(t *testing.T) {
	bin := binary(t, "items")
	r := run(t, bin, "openapi")
	if r.code != 0 || len(r.stderr) > 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if !bytes.HasPrefix(r.stdout, []byte("{\n  \"openapi\": \"3.1.0\",\n  \"info\": {")) {
		t.Errorf("stdout does not start with an OpenAPI 3.1 JSON document:\n%.200s", r.stdout)
	}
	explicit := run(t, bin, "openapi", "--format", "json", "--spec-version", "3.1")
	if !bytes.Equal(explicit.stdout, r.stdout) {
		t.Error("--format json --spec-version 3.1 differs from the defaults")
	}
}

func TestOpenAPICommandFlags(t *testing.T) {
	bin := binary(t, "items")
	for _, c := range []struct {
		args   []string
		prefix string
	}{
		{[]string{"--format", "yaml"}, "openapi: 3.1.0\ninfo:\n"},
		{[]string{"--spec-version", "3.0"}, "{\n  \"openapi\": \"3.0.3\",\n"},
		{[]string{"--format=yaml", "--spec-version=3.0"}, "openapi: 3.0.3\ninfo:\n"},
	} {
		r := run(t, bin, append([]string{"openapi"}, c.args...)...)
		if r.code != 0 {
			t.Errorf("%q: exit %d, stderr:\n%s", c.args, r.code, r.stderr)
		}
		if !bytes.HasPrefix(r.stdout, []byte(c.prefix)) {
			t.Errorf("%q: stdout starts %.60q, want %q", c.args, r.stdout, c.prefix)
		}
	}
}

func TestOpenAPICommandOutputFile(t *testing.T) {
	bin := binary(t, "items")
	file := filepath.Join(t.TempDir(), "openapi.yaml")
	r := run(t, bin, "openapi", "--format", "yaml", "--output", file)
	if r.code != 0 || len(r.stdout) > 0 {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	written, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if toStdout := run(t, bin, "openapi", "--format", "yaml"); !bytes.Equal(written, toStdout.stdout) {
		t.Error("--output FILE wrote other bytes than stdout gets")
	}

	missing := filepath.Join(t.TempDir(), "no", "such", "dir", "openapi.json")
	if r := run(t, bin, "openapi", "--output", missing); r.code != 1 || !strings.Contains(string(r.stderr), "cannot write") {
		t.Errorf("unwritable --output: exit %d, stderr %q; want 1 and a message", r.code, r.stderr)
	}
}

func TestOpenAPICommandHelp(t *testing.T) {
	r := run(t, binary(t, "items"), "openapi", "--help")
	if r.code != 0 {
		t.Errorf("exit %d", r.code)
	}
	for _, want := range []string{"openapi [--format json|yaml] [--spec-version 3.1|3.0] [--output FILE]", "without listening", "-format", "-spec-version", "-output"} {
		if !strings.Contains(string(r.stderr)+string(r.stdout), want) {
			t.Errorf("help does not mention %q:\n%s", want, r.stderr)
		}
	}
	if top := run(t, binary(t, "items"), "--help"); !strings.Contains(string(top.stdout), "openapi") {
		t.Errorf("the App's --help does not list the openapi command:\n%s", top.stdout)
	}
}

func TestOpenAPICommandUsageErrors(t *testing.T) {
	bin := binary(t, "items")
	for _, args := range [][]string{
		{"--format", "xml"},
		{"--spec-version", "2.0"},
		{"--spec-version", "3.1.0"},
		{"--unknown"},
		{"extra"},
	} {
		r := run(t, bin, append([]string{"openapi"}, args...)...)
		if r.code != 2 || len(r.stdout) > 0 || !strings.Contains(string(r.stderr), "Usage:") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2, usage on stderr", args, r.code, r.stdout, r.stderr)
		}
	}
}

// Two runs give the same bytes; the committed document (golden_test.go)
// extends this to runs on other machines.
func TestOpenAPICommandIsDeterministic(t *testing.T) {
	bin := binary(t, "items")
	for _, args := range [][]string{{"openapi"}, {"openapi", "--format", "yaml", "--spec-version", "3.0"}} {
		first, second := run(t, bin, args...), run(t, bin, args...)
		if !bytes.Equal(first.stdout, second.stdout) {
			t.Errorf("%q: two runs differ", args)
		}
	}
}
