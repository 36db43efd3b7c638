package contracttest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signet-go/signet/cmd/signet/contracttest"
	"github.com/signet-go/signet/cmd/signet/internal/itemsapi"
	"github.com/signet-go/signet/openapi"
)

// recorder is a testing.TB that records what Check reports instead of
// failing the test, so that a test can see the failure a user would see.
type recorder struct {
	testing.TB
	errors, fatals, logs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
}

func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

// check runs contracttest.Check with a recorder for t and returns it.
func check(t *testing.T, c itemsapi.Change, path string) *recorder {
	t.Helper()
	r := &recorder{TB: t}
	contracttest.Check(r, itemsapi.App(c), path)
	return r
}

// expect fails t unless r recorded exactly the errors and logs given (and
// no fatal error).
func expect(t *testing.T, r *recorder, errors, logs []string) {
	t.Helper()
	show := func(s []string) string { return strings.Join(s, "\n---\n") }
	if show(r.errors) != show(errors) || show(r.logs) != show(logs) || len(r.fatals) > 0 {
		t.Errorf("recorded\nerrors:\n%s\nlogs:\n%s\nfatals:\n%s\n\nwant\nerrors:\n%s\nlogs:\n%s",
			show(r.errors), show(r.logs), show(r.fatals), show(errors), show(logs))
	}
}

// commit writes the document of version c where a user commits it.
func commit(t *testing.T, c itemsapi.Change) string {
	t.Helper()
	return itemsapi.WriteDocument(t, t.TempDir(), "openapi.json", c, openapi.Options{})
}

// updateCommand is the command Check prints in this package's tests: the
// package directory is named from the cmd/signet module's root.
func updateCommand(run string) string {
	return "    SIGNET_UPDATE_CONTRACT=1 go test -run '" + run + "' ./contracttest"
}

func TestMain(m *testing.M) {
	// The commands Check prints are relative to the nearest go.work or
	// go.mod; a go.work of the developer's must not change them.
	os.Setenv("GOWORK", "off")
	os.Exit(m.Run())
}

// As users call it: with the test's own *testing.T, on the items API and a
// committed contract it keeps (an added operation is compatible).
func TestCheck(t *testing.T) {
	path := commit(t, itemsapi.Unchanged)
	contracttest.Check(t, itemsapi.App(itemsapi.Unchanged), path)
	contracttest.Check(t, itemsapi.App(itemsapi.AddedOperation), path)
}

func TestCheckPassesOnTheSameDocument(t *testing.T) {
	r := check(t, itemsapi.Unchanged, commit(t, itemsapi.Unchanged))
	expect(t, r, nil, nil)
}

func TestCheckFailsOnABreakingChange(t *testing.T) {
	path := commit(t, itemsapi.Unchanged)
	r := check(t, itemsapi.RemovedOperation, path)
	expect(t, r, []string{
		"contracttest: the App breaks the contract in " + path + " (1 breaking change, 0 warnings, 1 info change):\n" +
			"    breaking: GET /items/{id}: API path removed without deprecation [api-path-removed-without-deprecation]\n" +
			"    info: a breaking change was detected but the version is still `1.0.0` [api-version-not-bumped]\n" +
			"Clients built against " + path + " may fail against this App. Restore what they rely on or, " +
			"if the break is intended (a new major version), accept it by updating the file:\n" +
			updateCommand("^TestCheckFailsOnABreakingChange$"),
	}, nil)
	if committed := readFile(t, path); !bytes.Equal(committed, itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{})) {
		t.Error("Check changed the committed file without being asked to")
	}
}

// Every breaking version of the items API fails the check, with its change.
func TestCheckFailsOnEachBreakingChange(t *testing.T) {
	for _, c := range []struct {
		version itemsapi.Change
		change  string
	}{
		{itemsapi.NewRequiredField, "breaking: POST /items: added the new required request property `quantity` [new-required-request-property]"},
		{itemsapi.RemovedResponseField, "breaking: GET /items/{id}: removed the required property `name` from the response with the `200` status [response-required-property-removed]"},
		{itemsapi.NarrowedEnum, "breaking: GET /items: removed the enum value `archived` from the `query` request parameter `state` [request-parameter-enum-value-removed]"},
	} {
		r := check(t, c.version, commit(t, itemsapi.Unchanged))
		if len(r.errors) != 1 || !strings.Contains(r.errors[0], "\n    "+c.change+"\n") {
			t.Errorf("%s: want one failure listing %q; got %q", c.version, c.change, r.errors)
		}
	}
}

func TestCheckPassesOnCompatibleChanges(t *testing.T) {
	path := commit(t, itemsapi.Unchanged)
	t.Run("added operation", func(t *testing.T) {
		r := check(t, itemsapi.AddedOperation, path)
		expect(t, r, nil, []string{
			"contracttest: " + path + " is out of date; the App's document has compatible changes (0 breaking changes, 0 warnings, 1 info change):\n" +
				"    info: DELETE /items/{id}: endpoint added [endpoint-added]\n" +
				"Update it with:\n" + updateCommand("^TestCheckPassesOnCompatibleChanges$/^added_operation$"),
		})
	})
	t.Run("warning", func(t *testing.T) {
		r := check(t, itemsapi.RemovedOptionalField, path)
		expect(t, r, nil, []string{
			"contracttest: " + path + " is out of date; the App's document has compatible changes (0 breaking changes, 1 warning, 0 info changes):\n" +
				"    warning: POST /items: removed the request property `note` [request-property-removed]\n" +
				"Update it with:\n" + updateCommand("^TestCheckPassesOnCompatibleChanges$/^warning$"),
		})
	})
	t.Run("same contract, other bytes", func(t *testing.T) {
		var compact bytes.Buffer
		if err := json.Compact(&compact, readFile(t, path)); err != nil {
			t.Fatal(err)
		}
		compacted := filepath.Join(t.TempDir(), "openapi.json")
		writeFile(t, compacted, compact.Bytes())
		r := check(t, itemsapi.Unchanged, compacted)
		expect(t, r, nil, []string{
			"contracttest: " + compacted + " differs from the App's document, but in nothing the contract covers (descriptions, examples, ...). Update it with:\n" +
				updateCommand("^TestCheckPassesOnCompatibleChanges$/^same_contract,_other_bytes$"),
		})
	})
}

func TestCheckFailsWithoutACommittedContract(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "openapi.json")
	r := check(t, itemsapi.Unchanged, missing)
	expect(t, r, []string{
		"contracttest: no committed contract to compare with: open " + missing + ": no such file or directory\n" +
			"Create it from the App's document with:\n" + updateCommand("^TestCheckFailsWithoutACommittedContract$"),
	}, nil)
}

func TestCheckFailsOnAnUnreadableContract(t *testing.T) {
	path := filepath.Join(t.TempDir(), "openapi.json")
	writeFile(t, path, []byte(`{"info": {"title": "Items API"}}`))
	r := check(t, itemsapi.Unchanged, path)
	expect(t, r, []string{
		"contracttest: " + path + " is not an OpenAPI 3 document: it has no \"openapi\" version field\n" +
			"Restore it (from your main branch, say), or replace it with the App's document:\n" +
			updateCommand("^TestCheckFailsOnAnUnreadableContract$"),
	}, nil)
}

// With SIGNET_UPDATE_CONTRACT=1 the file becomes the App's document, even
// across a breaking change, and the test passes.
func TestCheckUpdates(t *testing.T) {
	t.Setenv(contracttest.UpdateEnv, "1")
	want := itemsapi.Document(t, itemsapi.RemovedOperation, openapi.Options{})
	for name, path := range map[string]string{
		"breaking change": commit(t, itemsapi.Unchanged),
		"missing file":    filepath.Join(t.TempDir(), "openapi.json"),
	} {
		r := check(t, itemsapi.RemovedOperation, path)
		expect(t, r, nil, []string{"contracttest: wrote the App's document to " + path})
		if !bytes.Equal(readFile(t, path), want) {
			t.Errorf("%s: the file is not the App's document", name)
		}
		// Up to date now: nothing to say.
		expect(t, check(t, itemsapi.RemovedOperation, path), nil, nil)
	}
}

func TestCheckRefusesAnUnclearUpdateSetting(t *testing.T) {
	path := commit(t, itemsapi.Unchanged)
	t.Setenv(contracttest.UpdateEnv, "yes please")
	r := check(t, itemsapi.RemovedOperation, path)
	want := `contracttest: SIGNET_UPDATE_CONTRACT="yes please": set it to 1 to update the committed contract, or unset it`
	if len(r.fatals) != 1 || r.fatals[0] != want || len(r.errors) > 0 {
		t.Errorf("fatals %q, errors %q; want the fatal %q", r.fatals, r.errors, want)
	}
	t.Setenv(contracttest.UpdateEnv, "0")
	if r := check(t, itemsapi.AddedOperation, path); len(r.errors)+len(r.fatals) > 0 || len(r.logs) != 1 {
		t.Errorf("%s=0 compares: %+v", contracttest.UpdateEnv, r)
	}
	if !bytes.Equal(readFile(t, path), itemsapi.Document(t, itemsapi.Unchanged, openapi.Options{})) {
		t.Error("the file changed")
	}
}

// The printed command names the package from the root go commands resolve
// it from: the go.work above it, else its module.
func TestCheckNamesThePackageFromItsRoot(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "services", "items", "api")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "services", "go.mod"), []byte("module example.com/services\n"))
	t.Chdir(pkg)
	commandIn := func(r *recorder) string {
		if len(r.errors) != 1 {
			t.Fatalf("errors %q", r.errors)
		}
		lines := strings.Split(r.errors[0], "\n")
		return lines[len(lines)-1]
	}

	t.Setenv("GOWORK", "")
	r := check(t, itemsapi.Unchanged, "openapi.json")
	if got, want := commandIn(r), "    SIGNET_UPDATE_CONTRACT=1 go test -run '^TestCheckNamesThePackageFromItsRoot$' ./items/api"; got != want {
		t.Errorf("in a module: %q, want %q", got, want)
	}

	writeFile(t, filepath.Join(root, "go.work"), []byte("go 1.26\n\nuse ./services\n"))
	r = check(t, itemsapi.Unchanged, "openapi.json")
	if got, want := commandIn(r), "    SIGNET_UPDATE_CONTRACT=1 go test -run '^TestCheckNamesThePackageFromItsRoot$' ./services/items/api"; got != want {
		t.Errorf("in a workspace: %q, want %q", got, want)
	}

	t.Setenv("GOWORK", "off")
	r = check(t, itemsapi.Unchanged, "openapi.json")
	if got, want := commandIn(r), "    SIGNET_UPDATE_CONTRACT=1 go test -run '^TestCheckNamesThePackageFromItsRoot$' ./items/api"; got != want {
		t.Errorf("with GOWORK=off: %q, want %q", got, want)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
