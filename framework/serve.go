package framework

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long in-flight requests may run after a stop signal.
const shutdownGrace = 10 * time.Second

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
// flight finish, for up to 10 seconds.
func (a *App) Serve(ctx context.Context, addr string) error {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (choose another address with --addr HOST:PORT)", addr, err)
	}
	server := &http.Server{
		Handler:           a,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	a.logger.Info("signet: serving", "title", a.config.Title, "url", "http://"+listener.Addr().String())
	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	a.logger.Info("signet: shutting down", "grace", shutdownGrace)
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := server.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("graceful shutdown: %w", err)
	}
	return nil
}
