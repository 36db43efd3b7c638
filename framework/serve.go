package framework

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
)

// Serve listens on addr and serves the App until ctx is done, then shuts
// down gracefully: it stops accepting connections and lets requests in
// flight finish, for up to Config.ShutdownGrace (10 seconds by default).
// Requests still running then are cut off and Serve returns an error. The
// server has the timeouts and limits of Config.
//
// Middlewares given to Serve wrap the whole App, outside those added with
// [App.Use], the first outermost: they see every request and every response
// the App writes, including those written by the App's own middlewares (a
// 401 from an authentication middleware), its 404 and 405 and its document
// and docs routes. An access log belongs there (package accesslog); the App
// served any other way, as an http.Handler, runs without them.
//
// The command line (package cli) runs Serve for its serve command.
func (a *App) Serve(ctx context.Context, addr string, outer ...func(http.Handler) http.Handler) error {
	a.buildOnce.Do(a.build)
	if a.routeErr != nil {
		return a.routeErr // before listening: the App would answer every request with it
	}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w (choose another address with --addr HOST:PORT)", addr, err)
	}
	server := a.newServer()
	for i := len(outer) - 1; i >= 0; i-- {
		server.Handler = outer[i](server.Handler)
	}
	server.ErrorLog = slog.NewLogLogger(a.logger.Handler(), slog.LevelWarn)
	server.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }
	server.RegisterOnShutdown(a.endStreams)
	a.logger.Info("signet: serving", "title", a.config.Title, "url", "http://"+listener.Addr().String())
	// The server runs on the caller's goroutine, whose stack has grown
	// already; a goroutine of its own would grow a new one on the first
	// accept, and that costs an idle program resident memory (about
	// 0.3 MiB of the binary's tables, measured by checks/weight). A small
	// goroutine waits for ctx and shuts the server down.
	served, shutdown := make(chan struct{}), make(chan error, 1)
	go func() {
		select {
		case <-ctx.Done():
			shutdown <- a.shutdown(ctx, server)
		case <-served:
		}
	}()
	err = server.Serve(listener)
	if errors.Is(err, http.ErrServerClosed) { // only a.shutdown ends it so
		return <-shutdown
	}
	close(served)
	return err
}

// shutdown stops server gracefully, once ctx is done: see Serve.
func (a *App) shutdown(ctx context.Context, server *http.Server) error {
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
