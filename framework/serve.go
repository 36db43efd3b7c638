package framework

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
)

var serveCommand = command{
	name:    "serve",
	summary: "serve the API over HTTP (the default command)",
	run: func(ctx context.Context, a *App, args []string, stdout, stderr io.Writer) int {
		flags := flag.NewFlagSet("serve", flag.ContinueOnError)
		flags.SetOutput(stderr)
		addr := flags.String("addr", "localhost:8080", "the `HOST:PORT` to listen on")
		flags.Usage = func() {
			fmt.Fprintf(flags.Output(), "Usage: %s serve [--addr HOST:PORT]\n\nServes the API until SIGINT or SIGTERM, then shuts down gracefully.\n\nFlags:\n", programName())
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
		if err := a.Serve(ctx, *addr); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", programName(), err)
			return 1
		}
		return 0
	},
}

// Serve listens on addr and serves the App until ctx is done, then shuts
// down gracefully: it stops accepting connections and lets requests in
// flight finish, for up to Config.ShutdownGrace (10 seconds by default).
// Requests still running then are cut off and Serve returns an error. The
// server has the timeouts and limits of Config.
func (a *App) Serve(ctx context.Context, addr string) error {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (choose another address with --addr HOST:PORT)", addr, err)
	}
	server := a.newServer()
	server.ErrorLog = slog.NewLogLogger(a.logger.Handler(), slog.LevelWarn)
	server.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	a.logger.Info("signet: serving", "title", a.config.Title, "url", "http://"+listener.Addr().String())
	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	grace := a.config.ShutdownGrace
	a.logger.Info("signet: shutting down", "grace", grace)
	shutdownCtx := context.WithoutCancel(ctx)
	if grace > 0 {
		var cancel context.CancelFunc
		shutdownCtx, cancel = context.WithTimeout(shutdownCtx, grace)
		defer cancel()
	}
	if err := server.Shutdown(shutdownCtx); err != nil {
		_ = server.Close()
		return fmt.Errorf("graceful shutdown: requests were still running after the grace period of %s and were cut off (raise Config.ShutdownGrace if they need longer): %w", grace, err)
	}
	a.logger.Info("signet: stopped")
	return nil
}
