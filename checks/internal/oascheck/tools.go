package oascheck

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot finds the root of the checks module: the directory of the
// first go.mod above the working directory, where go test runs tests.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("oascheck: no go.mod above the working directory")
		}
		dir = parent
	}
}

// RepoRoot finds the root of the repository: the directory above the
// checks module, where Signet's own go.mod is (the checks module's go.mod
// replaces github.com/signet-go/signet with it).
func RepoRoot() (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	repo := filepath.Dir(root)
	data, err := os.ReadFile(filepath.Join(repo, "go.mod"))
	if err != nil || !bytes.HasPrefix(data, []byte("module github.com/signet-go/signet\n")) {
		return "", fmt.Errorf("oascheck: %s is not the root of github.com/signet-go/signet (run the tests inside the checks module of a Signet clone)", repo)
	}
	return repo, nil
}

// NPMDir is npm in the checks module: package.json, package-lock.json and,
// once installed, node_modules.
func NPMDir() (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "npm"), nil
}

// Require stops t unless the npm tools are installed: it fails when the
// CI environment variable is "true" (CI must install them) and skips
// otherwise, saying how to install them.
func Require(t testing.TB) string {
	t.Helper()
	dir, err := NPMDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{schemasDir(dir), filepath.Join(dir, "node_modules", "@readme", "openapi-schemas"), redoclyBin(dir)} {
		if _, err := os.Stat(path); err != nil {
			msg := fmt.Sprintf("%s is missing: install the checkers with `npm ci --prefix checks/npm` in the repository root", path)
			if os.Getenv("CI") == "true" {
				t.Fatal(msg + " (CI=true: .ci/run must install them)")
			}
			t.Skip(msg)
		}
	}
	return dir
}

func schemasDir(npmDir string) string {
	return filepath.Join(npmDir, "node_modules", "@apidevtools", "openapi-schemas", "schemas")
}

func redoclyBin(npmDir string) string {
	return filepath.Join(npmDir, "node_modules", ".bin", "redocly")
}
