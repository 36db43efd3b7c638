package cli_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCommandLineLinksNoDebugHandlers: a program that runs cli (so every
// example and most Signet binaries) links neither net/http/pprof nor
// expvar, whose init functions register /debug routes on
// http.DefaultServeMux, nor chi's middleware package, which imports both.
func TestCommandLineLinksNoDebugHandlers(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the package's dependencies: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/signet-go/signet/framework/cli").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	for _, unwanted := range []string{"net/http/pprof", "expvar", "github.com/go-chi/chi/v5/middleware"} {
		for _, dep := range deps {
			if dep == unwanted {
				t.Errorf("package cli depends on %s", unwanted)
			}
		}
	}
}
