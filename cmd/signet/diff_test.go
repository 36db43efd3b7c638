package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signet-go/signet/cmd/signet/internal/itemsapi"
	"github.com/signet-go/signet/openapi"
)

// build compiles the command into the test's temporary directory, with
// the race detector when the tests have it, and returns the binary's path.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "signet")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin
}

// result is what a run of the built command did.
type result struct {
	code           int
	stdout, stderr string
}

// runSignet runs the binary with args and stdin and returns what it did.
func runSignet(t *testing.T, bin string, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(stdin), &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run signet %q: %v", args, err)
	}
	return result{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// expectOneLineError fails t unless r exited 2 with nothing on stdout and
// one line on stderr that starts with want (no stack trace, no usage dump).
func expectOneLineError(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 2 || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("want exit 2 and one line on stderr starting %q; got %s", want, r)
	}
}

// hasLine reports whether out has a line that starts with prefix and
// contains each of parts.
func hasLine(out, prefix string, parts ...string) bool {
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

func TestDiff(t *testing.T) {
	signet := build(t)
	dir := t.TempDir()
	document := func(c itemsapi.Change) string {
		return itemsapi.WriteDocument(t, dir, strings.NewReplacer(" ", "_", "/", "_", "{", "", "}", "").Replace(string(c))+".json", c, openapi.Options{})
	}
	first := document(itemsapi.Unchanged)

	t.Run("identical documents", func(t *testing.T) {
		r := runSignet(t, signet, nil, "diff", first, first)
		if r.code != 0 || r.stdout != "no changes\n" || r.stderr != "" {
			t.Errorf("want exit 0 and \"no changes\"; got %s", r)
		}
	})

	t.Run("an added operation", func(t *testing.T) {
		r := runSignet(t, signet, nil, "diff", first, document(itemsapi.AddedOperation))
		if r.code != 0 || !hasLine(r.stdout, "info ", "DELETE /items/{id}", "endpoint added", "[endpoint-added]") || hasLine(r.stdout, "breaking") {
			t.Errorf("want exit 0 and the added operation reported as info; got %s", r)
		}
	})

	breaking := []struct {
		version   itemsapi.Change
		operation string
		rule      string
	}{
		{itemsapi.RemovedOperation, "GET /items/{id}", "[api-path-removed-without-deprecation]"},
		{itemsapi.NewRequiredField, "POST /items", "[new-required-request-property]"},
		{itemsapi.RemovedResponseField, "GET /items/{id}", "[response-required-property-removed]"},
		{itemsapi.NarrowedEnum, "GET /items", "[request-parameter-enum-value-removed]"},
	}
	for _, b := range breaking {
		t.Run(string(b.version), func(t *testing.T) {
			r := runSignet(t, signet, nil, "diff", first, document(b.version))
			if r.code != 1 || r.stderr != "" || !hasLine(r.stdout, "breaking ", b.operation, b.rule) {
				t.Errorf("want exit 1 and a breaking change to %s %s; got %s", b.operation, b.rule, r)
			}
			// Going back is a change too: from the changed version to the
			// first, only removals of what the change added may break.
			if b.version == itemsapi.RemovedOperation {
				back := runSignet(t, signet, nil, "diff", document(b.version), first)
				if back.code != 0 || !hasLine(back.stdout, "info ", "GET /items/{id}", "[endpoint-added]") {
					t.Errorf("restoring the operation: want exit 0 and an added endpoint; got %s", back)
				}
			}
		})
	}

	t.Run("--fail-on warning", func(t *testing.T) {
		warned := document(itemsapi.RemovedOptionalField)
		r := runSignet(t, signet, nil, "diff", first, warned)
		if r.code != 0 || !hasLine(r.stdout, "warning ", "POST /items", "[request-property-removed]") {
			t.Errorf("a warning without --fail-on: want exit 0 and the warning; got %s", r)
		}
		for _, args := range [][]string{
			{"diff", "--fail-on", "warning", first, warned},
			{"diff", first, warned, "--fail-on=warning"},
			{"diff", first, "-fail-on", "warning", warned},
		} {
			if r := runSignet(t, signet, nil, args...); r.code != 1 || !hasLine(r.stdout, "warning ", "[request-property-removed]") {
				t.Errorf("%q: want exit 1 and the warning; got %s", args, r)
			}
		}
		if r := runSignet(t, signet, nil, "diff", "--fail-on", "warning", first, document(itemsapi.AddedOperation)); r.code != 0 {
			t.Errorf("--fail-on warning with only an info change: want exit 0; got %s", r)
		}
		if r := runSignet(t, signet, nil, "diff", "--fail-on", "breaking", first, warned); r.code != 0 {
			t.Errorf("--fail-on breaking with a warning: want exit 0; got %s", r)
		}
	})

	t.Run("--format json", func(t *testing.T) {
		r := runSignet(t, signet, nil, "diff", "--format", "json", first, document(itemsapi.NarrowedEnum))
		var report struct {
			Changes []struct{ Level, Operation, Text, Rule string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
			t.Fatalf("stdout is not JSON: %v\n%s", err, r)
		}
		if r.code != 1 || len(report.Changes) == 0 {
			t.Fatalf("want exit 1 and changes; got %s", r)
		}
		got := report.Changes[0]
		if got.Level != "breaking" || got.Operation != "GET /items" || got.Rule != "request-parameter-enum-value-removed" ||
			got.Text != "removed the enum value `archived` from the `query` request parameter `state`" {
			t.Errorf("first change: %+v", got)
		}
		if r := runSignet(t, signet, nil, "diff", "--format", "json", first, first); r.code != 0 || r.stdout != "{\n  \"changes\": []\n}\n" {
			t.Errorf("no changes as JSON: %s", r)
		}
	})

	t.Run("--format markdown", func(t *testing.T) {
		r := runSignet(t, signet, nil, "diff", "--format", "markdown", first, document(itemsapi.NewRequiredField))
		if r.code != 1 || !strings.HasPrefix(r.stdout, "### API contract: 1 breaking change, 0 warnings, 1 info change\n\n| level | operation | change |\n|---|---|---|\n") ||
			!hasLine(r.stdout, "| **breaking** | `POST /items` | added the new required request property `quantity` (`new-required-request-property`) |") {
			t.Errorf("want exit 1 and a Markdown table; got %s", r)
		}
	})

	t.Run("BASE from standard input", func(t *testing.T) {
		committed, err := os.ReadFile(first)
		if err != nil {
			t.Fatal(err)
		}
		r := runSignet(t, signet, committed, "diff", "-", document(itemsapi.RemovedOperation))
		if r.code != 1 || !hasLine(r.stdout, "breaking ", "GET /items/{id}") {
			t.Errorf("want exit 1 and the removed operation; got %s", r)
		}
	})

	t.Run("OpenAPI 3.0 YAML against 3.1 JSON", func(t *testing.T) {
		yaml30 := itemsapi.WriteDocument(t, dir, "first-3.0.yaml", itemsapi.Unchanged, openapi.Options{Version: openapi.V30, Format: openapi.YAML})
		if r := runSignet(t, signet, nil, "diff", yaml30, first); r.code != 0 || r.stdout != "no changes\n" {
			t.Errorf("the same API in 3.0 YAML and 3.1 JSON: want exit 0 and no changes; got %s", r)
		}
		if r := runSignet(t, signet, nil, "diff", yaml30, document(itemsapi.NarrowedEnum)); r.code != 1 || !hasLine(r.stdout, "breaking ", "[request-parameter-enum-value-removed]") {
			t.Errorf("3.0 YAML base, narrowed enum in 3.1 JSON: want exit 1; got %s", r)
		}
	})

	t.Run("unreadable BASE", func(t *testing.T) {
		empty := filepath.Join(dir, "empty.json")
		garbage := filepath.Join(dir, "garbage.json")
		swagger := filepath.Join(dir, "swagger.json")
		for path, content := range map[string]string{empty: "", garbage: "{\"openapi\": \"3.1.0\",\n \"paths\": [", swagger: `{"swagger": "2.0"}`} {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		missing := filepath.Join(dir, "missing.json")
		cases := []struct{ base, want string }{
			{missing, "signet diff: cannot read BASE: open " + missing + ": no such file or directory"},
			{dir, "signet diff: cannot read BASE: read " + dir + ": is a directory"},
			{empty, "signet diff: BASE " + empty + " is empty"},
			{garbage, "signet diff: BASE " + garbage + " is not a readable OpenAPI document: "},
			{swagger, "signet diff: BASE " + swagger + " is not an OpenAPI 3 document: it has no \"openapi\" version field"},
		}
		for _, c := range cases {
			expectOneLineError(t, runSignet(t, signet, nil, "diff", c.base, first), c.want)
		}
		expectOneLineError(t, runSignet(t, signet, nil, "diff", first, missing), "signet diff: cannot read NEW: open "+missing)
		// After --, a name that starts with - is a file name, not a flag.
		expectOneLineError(t, runSignet(t, signet, nil, "diff", "--", "-h", first), "signet diff: cannot read BASE: open -h: no such file or directory")
	})

	t.Run("usage errors", func(t *testing.T) {
		usage := " (usage: signet diff [--fail-on breaking|warning] [--format text|json|markdown] BASE NEW)\n"
		cases := []struct {
			args []string
			want string
		}{
			{[]string{"diff"}, "signet diff: want two documents, BASE and NEW, got 0" + usage},
			{[]string{"diff", first}, "signet diff: want two documents, BASE and NEW, got 1" + usage},
			{[]string{"diff", first, first, first}, "signet diff: want two documents, BASE and NEW, got 3" + usage},
			{[]string{"diff", "-", "-"}, "signet diff: only one of BASE and NEW can be - (standard input)" + usage},
			{[]string{"diff", "--format", "html", first, first}, `signet diff: invalid --format "html": use text, json or markdown` + usage},
			{[]string{"diff", "--fail-on", "info", first, first}, `signet diff: invalid --fail-on "info": use breaking or warning` + usage},
			{[]string{"diff", "--fail-on", first, first}, `signet diff: invalid --fail-on "` + first + `": use breaking or warning` + usage},
			{[]string{"diff", "--strict", first, first}, "signet diff: flag provided but not defined: -strict" + usage},
			{[]string{"diff", first, first, "--format"}, "signet diff: flag needs an argument: -format" + usage},
			{[]string{"frobnicate"}, `signet: unknown command "frobnicate" (the commands: diff; run "signet help")` + "\n"},
		}
		for _, c := range cases {
			r := runSignet(t, signet, nil, c.args...)
			if r.code != 2 || r.stdout != "" || r.stderr != c.want {
				t.Errorf("%q: want exit 2 and %q on stderr; got %s", c.args, c.want, r)
			}
		}
	})

	t.Run("help", func(t *testing.T) {
		for _, args := range [][]string{{"diff", "-h"}, {"diff", "--help"}} {
			if r := runSignet(t, signet, nil, args...); r.code != 0 || !strings.HasPrefix(r.stdout, "Usage: signet diff ") || r.stderr != "" {
				t.Errorf("%q: want exit 0 and the usage on stdout; got %s", args, r)
			}
		}
		if r := runSignet(t, signet, nil, "help"); r.code != 0 || !strings.Contains(r.stdout, "diff    compare two OpenAPI documents") {
			t.Errorf("help: %s", r)
		}
		if r := runSignet(t, signet, nil); r.code != 2 || !strings.HasPrefix(r.stderr, "Usage: signet <command>") {
			t.Errorf("no command: want exit 2 and the usage on stderr; got %s", r)
		}
	})
}
