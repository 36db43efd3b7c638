// Package contracttest keeps an API compatible with the OpenAPI document
// its clients were built against, in a plain go test:
//
//	func TestContract(t *testing.T) {
//		contracttest.Check(t, newApp(), "openapi.json")
//	}
//
// Check renders the App's document exactly as the App serves it at
// /openapi.json (OpenAPI 3.1 JSON, the bytes its openapi command exports),
// compares it with the committed file with package contract, and
//
//   - fails the test when a change is breaking (a removed operation, a new
//     required request field, a narrowed enum, a field removed from a
//     response, ...), listing each change and the command that accepts it;
//   - passes when every change is compatible, and logs them (go test -v
//     shows them) with the command that updates the file;
//   - passes silently when the file is the App's document;
//   - fails when the file is missing or is not an OpenAPI document, with
//     the command that creates it.
//
// Like a golden-file test, it writes the App's current document to the
// file, instead of comparing, when the environment variable
// SIGNET_UPDATE_CONTRACT is set to 1 (any value strconv.ParseBool takes as
// true):
//
//	SIGNET_UPDATE_CONTRACT=1 go test -run '^TestContract$' ./...
//
// Updating the file is how a compatible change is recorded and how a
// breaking one is accepted on purpose, in a new major version; the commit
// then shows reviewers the new contract.
package contracttest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/signet-go/signet/cmd/signet/contract"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/openapi"
)

// UpdateEnv is the environment variable that makes [Check] write the App's
// document to the file instead of comparing.
const UpdateEnv = "SIGNET_UPDATE_CONTRACT"

// Check compares the OpenAPI document app serves with the committed
// document at path (relative to the test's package directory) and fails t
// on each breaking change, as the package documentation describes.
func Check(t testing.TB, app *framework.App, path string) {
	t.Helper()
	current, err := openapi.Render(app.OpenAPI(), openapi.Options{})
	if err != nil {
		t.Fatalf("contracttest: rendering the App's document: %v", err)
		return
	}
	update, err := updating()
	if err != nil {
		t.Fatalf("contracttest: %v", err)
		return
	}
	committed, readErr := os.ReadFile(path)
	if readErr == nil && bytes.Equal(committed, current) {
		return
	}
	if update {
		if err := os.WriteFile(path, current, 0o644); err != nil {
			t.Fatalf("contracttest: writing the App's document: %v", err)
			return
		}
		t.Logf("contracttest: wrote the App's document to %s", path)
		return
	}
	how := "    " + updateCommand(t)
	if readErr != nil {
		t.Errorf("contracttest: no committed contract to compare with: %v\nCreate it from the App's document with:\n%s", readErr, how)
		return
	}
	changes, err := compare(path, committed, current)
	if err != nil {
		t.Errorf("contracttest: %v\nRestore it (from your main branch, say), or replace it with the App's document:\n%s", err, how)
		return
	}
	switch {
	case contract.AtLeast(changes, contract.Breaking):
		t.Errorf("contracttest: the App breaks the contract in %s (%s):\n%s"+
			"Clients built against %s may fail against this App. Restore what they rely on or, "+
			"if the break is intended (a new major version), accept it by updating the file:\n%s",
			path, contract.Summary(changes), list(changes), path, how)
	case len(changes) > 0:
		t.Logf("contracttest: %s is out of date; the App's document has compatible changes (%s):\n%sUpdate it with:\n%s",
			path, contract.Summary(changes), list(changes), how)
	default:
		t.Logf("contracttest: %s differs from the App's document, but in nothing the contract covers (descriptions, examples, ...). Update it with:\n%s",
			path, how)
	}
}

// updating reports whether UpdateEnv asks for the file to be written.
func updating() (bool, error) {
	value, set := os.LookupEnv(UpdateEnv)
	if !set || value == "" {
		return false, nil
	}
	update, err := strconv.ParseBool(value)
	if err != nil {
		return false, fmt.Errorf("%s=%q: set it to 1 to update the committed contract, or unset it", UpdateEnv, value)
	}
	return update, nil
}

func compare(path string, committed, current []byte) ([]contract.Change, error) {
	base, err := contract.Parse(path, committed)
	if err != nil {
		return nil, err
	}
	revision, err := contract.Parse("the App's document", current)
	if err != nil {
		return nil, err
	}
	return contract.Compare(base, revision)
}

// list returns changes one per line, indented.
func list(changes []contract.Change) string {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString("    " + c.String() + "\n")
	}
	return b.String()
}

// updateCommand returns the command that reruns t with UpdateEnv set, for
// the package in the working directory (where go test runs a test), named
// relative to the root of its workspace or module.
func updateCommand(t testing.TB) string {
	var run []string
	for _, name := range strings.Split(t.Name(), "/") {
		run = append(run, "^"+regexp.QuoteMeta(name)+"$")
	}
	return fmt.Sprintf("%s=1 go test -run '%s' %s", UpdateEnv, strings.Join(run, "/"), packageDir())
}

// packageDir returns the working directory as ./rel/path from the root go
// commands resolve it from: the directory of the go.work file in use (the
// GOWORK environment variable, or the nearest go.work above, unless GOWORK
// is off) or else of the nearest go.mod. It returns "." when there is none.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	root := ""
	switch gowork := os.Getenv("GOWORK"); gowork {
	case "off":
	case "":
		root = findUp(wd, "go.work")
	default:
		root = filepath.Dir(gowork)
	}
	if root == "" {
		root = findUp(wd, "go.mod")
	}
	rel, err := filepath.Rel(root, wd)
	if root == "" || err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
}

// findUp returns the nearest of dir and its parents that holds file, or "".
func findUp(dir, file string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
