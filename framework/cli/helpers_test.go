package cli_test

import (
	"log/slog"
	"testing"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

type item struct {
	Name string `json:"name"`
}

type itemOutput struct{ Body item }

// newApp returns an App that logs, as text, into the returned buffer.
func newApp(t testing.TB) (*framework.App, *testkit.Buffer) {
	t.Helper()
	logs := &testkit.Buffer{}
	app := framework.New(framework.Config{
		Title: "Test API", Version: "1.0.0",
		Logger: slog.New(slog.NewTextHandler(logs, nil)),
	})
	return app, logs
}
