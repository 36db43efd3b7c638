package framework_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFrameworkLinksNoValidators: a program built on package framework
// links none of the OpenAPI or JSON Schema validators that development
// checks use (package responsecheck, package frameworktest): they cost a
// hello-world binary megabytes. Only a program that imports them gets them.
func TestFrameworkLinksNoValidators(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the package's dependencies: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/signet-go/signet/framework").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, unwanted := range []string{"github.com/getkin/kin-openapi", "github.com/santhosh-tekuri/jsonschema", "pgregory.net/rapid", "github.com/signet-go/signet/framework/internal/conformance"} {
		if strings.Contains(string(out), unwanted) {
			t.Errorf("package framework depends on %s", unwanted)
		}
	}
}
