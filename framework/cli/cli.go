package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/signet-go/signet/framework"
)

// command is one command of an App's command line.
type command struct {
	name    string
	summary string
	// run executes the command with its arguments and returns the exit
	// status: 0 success, 1 failure, 2 usage error.
	run func(ctx context.Context, app *framework.App, args []string, stdout, stderr io.Writer) int
}

// commands lists the commands; the first is the default.
var commands = []command{serveCommand, openapiCommand}

// Run runs app's command line from os.Args and exits with its status.
// SIGINT and SIGTERM stop it gracefully. With no command it serves:
//
//	items                       # serve on localhost:8080
//	items serve --addr :9000
//	items --help
func Run(app *framework.App) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Execute(ctx, app, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Execute runs one command line of app (arguments without the program
// name) and returns its exit status: 0 on success, 1 on failure, 2 for a
// usage error (an unknown command or flag). Cancelling ctx stops a running
// server gracefully.
func Execute(ctx context.Context, app *framework.App, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			usage(stdout, app)
			return 0
		}
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return commands[0].run(ctx, app, args, stdout, stderr)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, app, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n", args[0])
	usage(stderr, app)
	return 2
}

func usage(w io.Writer, app *framework.App) {
	prog := programName()
	info := app.OpenAPI().Info
	fmt.Fprintf(w, "%s %s\n\nUsage:\n  %s [command] [flags]\n\nCommands:\n", info.Title, info.Version, prog)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nWith no command, %s runs %q. Run '%s COMMAND --help' for a command's flags.\n", prog, commands[0].name, prog)
}

func programName() string {
	if len(os.Args) == 0 {
		return "app"
	}
	return filepath.Base(os.Args[0])
}
