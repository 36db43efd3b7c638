package weight_test

import (
	"go/version"
	"runtime"
	"strings"
	"testing"
)

// From Go 1.27 on, the hello-world program with Signet links one JSON
// engine, the standard library's encoding/json/v2: requests are decoded
// and responses encoded by it (framework/internal/jsonformat), Huma's
// encoding/json runs on it, and github.com/go-json-experiment/json is an
// alias of it. Neither encoding/json's own engine (its encodeState and
// decodeState) nor the v2 module's copy (its internal packages) is linked.
// Before Go 1.27 both are, and the test says so and passes over it.
func TestOneJSONEngine(t *testing.T) {
	if version.Compare(runtime.Version(), "go1.27") < 0 {
		t.Skipf("built with %s: before Go 1.27, encoding/json is an engine of its own beside the v2 module's copy (CI runs Go 1.27.3)", runtime.Version())
	}
	signet, _ := programs(t)
	out, err := goCmd(signet.module, "tool", "nm", signet.bin)
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string]int{}
	for line := range strings.Lines(out) {
		fields := strings.Fields(line)
		if len(fields) < 3 || (fields[1] != "T" && fields[1] != "t") {
			continue
		}
		switch name := fields[2]; {
		case strings.HasPrefix(name, "encoding/json/v2."):
			engines["encoding/json/v2 (the standard library's v2 engine)"]++
		case strings.HasPrefix(name, "encoding/json.(*encodeState)"), strings.HasPrefix(name, "encoding/json.(*decodeState)"):
			engines["encoding/json's own engine"]++
		case strings.HasPrefix(name, "github.com/go-json-experiment/json/internal/"), strings.HasPrefix(name, "github.com/go-json-experiment/json/v1."):
			engines["go-json-experiment's copy of the v2 engine"]++
		}
	}
	t.Logf("functions per JSON engine in the hello-world binary: %v", engines)
	for engine, n := range engines {
		if !strings.HasPrefix(engine, "encoding/json/v2") {
			t.Errorf("the hello-world binary links %d functions of %s: want one engine, encoding/json/v2", n, engine)
		}
	}
	if len(engines) == 0 {
		t.Error("no function of encoding/json/v2 found in the hello-world binary: is the symbol table there (go tool nm)?")
	}
}
