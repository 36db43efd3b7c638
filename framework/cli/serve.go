package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/accesslog"
)

// serveCommand serves the App with framework.App.Serve (Config's limits,
// graceful shutdown when ctx is done) and, unless --access-log=false, the
// access log around it, outermost, to the App's logger.
var serveCommand = command{
	name:    "serve",
	summary: "serve the API over HTTP (the default command)",
	run: func(ctx context.Context, app *framework.App, args []string, stdout, stderr io.Writer) int {
		flags := flag.NewFlagSet("serve", flag.ContinueOnError)
		flags.SetOutput(stderr)
		addr := flags.String("addr", "localhost:8080", "the `HOST:PORT` to listen on")
		accessLog := flags.Bool("access-log", true, "log one line per request (method, path, status, bytes, duration, request ID) to the App's logger")
		flags.Usage = func() {
			fmt.Fprintf(flags.Output(), "Usage: %s serve [--addr HOST:PORT] [--access-log=false]\n\nServes the API until SIGINT or SIGTERM, then shuts down gracefully.\n\nFlags:\n", programName())
			flags.PrintDefaults()
		}
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if flags.NArg() > 0 {
			fmt.Fprintf(stderr, "serve takes no arguments, got %q\n", flags.Args())
			flags.Usage()
			return 2
		}
		var outer []func(http.Handler) http.Handler
		if *accessLog {
			outer = append(outer, accesslog.Middleware(app.Logger()))
		}
		if err := app.Serve(ctx, *addr, outer...); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", programName(), err)
			return 1
		}
		return 0
	},
}
