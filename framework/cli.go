package framework

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
)

// command is one command of an App's command line.
type command struct {
	name    string
	summary string
	// run executes the command with its arguments and returns the exit
	// status: 0 success, 1 failure, 2 usage error.
	run func(ctx context.Context, a *App, args []string, stdout, stderr io.Writer) int
}

// commands lists the App's commands; the first is the default.
func (a *App) commands() []command {
	return []command{serveCommand, openapiCommand}
}

// Run runs the App's command line from os.Args and exits with its status.
// SIGINT and SIGTERM stop it gracefully. With no command it serves:
//
//	items                       # serve on localhost:8080
//	items serve --addr :9000
//	items --help
func (a *App) Run() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := a.Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Execute runs one command line (arguments without the program name) and
// returns its exit status: 0 on success, 1 on failure, 2 for a usage error
// (an unknown command or flag). Cancelling ctx stops a running server
// gracefully.
func (a *App) Execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	commands := a.commands()
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			a.usage(stdout, commands)
			return 0
		}
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return commands[0].run(ctx, a, args, stdout, stderr)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, a, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n", args[0])
	a.usage(stderr, commands)
	return 2
}

func (a *App) usage(w io.Writer, commands []command) {
	prog := programName()
	fmt.Fprintf(w, "%s %s\n\nUsage:\n  %s [command] [flags]\n\nCommands:\n", a.config.Title, a.config.Version, prog)
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
