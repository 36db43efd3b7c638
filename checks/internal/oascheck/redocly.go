package oascheck

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Redocly runs `redocly lint` with checks/npm/redocly.yaml (the recommended
// ruleset, each rule switched off there saying why) on files, in one run
// (Node.js starts once). It returns Redocly's report, which lists warnings
// too; the error, for errors, carries it as well.
func Redocly(ctx context.Context, npmDir string, files ...string) (string, error) {
	args := append([]string{"lint", "--config", filepath.Join(npmDir, "redocly.yaml"), "--format", "stylish"}, files...)
	cmd := exec.CommandContext(ctx, redoclyBin(npmDir), args...)
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true", "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("redocly lint: %w\n%s", err, out)
	}
	return string(out), nil
}
