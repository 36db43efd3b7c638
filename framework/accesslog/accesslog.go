// Package accesslog logs one line per HTTP request through log/slog, as
// uvicorn's access log does: the method, the path, the status, the body
// bytes written, the duration and, when there is one, the request ID.
//
//	{"level":"INFO","msg":"request","method":"GET","path":"/items/42","status":200,"bytes":187,"duration":1234567,"request_id":"host/Xy3k2mP8aQ-000001"}
//
// [Middleware] is ordinary net/http middleware. A Signet App logs nothing
// by itself: the `serve` command of package cli puts the access log around
// the whole App (turn it off with --access-log=false); an App served any
// other way gets one by being wrapped,
//
//	app.Serve(ctx, addr, accesslog.Middleware(app.Logger()))
//	http.ListenAndServe(addr, accesslog.Middleware(logger)(app))
//
// Placed outermost, the log sees every response, including those the App's
// own middlewares write (a 401 from an authentication middleware), its 404
// and 405, and its document and docs routes.
//
// # What is never logged
//
// No header is logged, so neither Authorization nor cookies are. The query
// is left out entirely, names and values: its values carry secrets (API
// keys, signed URLs' signatures, OAuth codes, password reset tokens) and
// even a name can be one (a bare ?SECRET). The path is logged
// percent-encoded, as on the wire: a secret must never be in a path, where
// every proxy's log would have it too.
//
// # Request IDs
//
// A request ID middleware, such as chi's middleware.RequestID, puts the ID
// in the context it passes inward, which the access log, outermost, cannot
// see. [RecordRequestID], added right after it, hands the ID out to the log:
//
//	app.Use(middleware.RequestID, accesslog.RecordRequestID(middleware.GetReqID))
//
// The package does not import chi's middleware package itself: that
// package links net/http/pprof and expvar into every program that imports
// it.
//
// # Streaming
//
// The log wraps the http.ResponseWriter to count status and bytes. The
// wrapper has Unwrap, so http.ResponseController (and Huma's sse) reach the
// connection's writer for Flush, write deadlines and Hijack, and it is an
// http.Flusher and an http.Hijacker itself: a streamed response streams
// through it, and its line is written when the stream ends, with the
// stream's duration.
//
// Requests that net/http refuses before any handler runs (a malformed
// request line, headers over the limit) are not logged; nor is a request
// whose handler's panic reaches net/http, which logs the panic instead.
package accesslog

import (
	"log/slog"
	"net/http"
	"time"
)

// Middleware returns middleware that logs one line per request to logger,
// at level Info with the message "request", when the response is complete.
// Its attributes are method, path (without the query), status, bytes (the
// body bytes the handler wrote), duration, and request_id when the request
// has one (see [RecordRequestID]). A handler that hijacks the connection
// (a WebSocket) gets hijacked=true, and no status unless it wrote one
// before: what it writes on the connection is out of the log's sight.
func Middleware(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			method, path := r.Method, r.URL.EscapedPath()
			rec := &recorder{ResponseWriter: w}
			entry := &entry{}
			next.ServeHTTP(rec, r.WithContext(withEntry(r.Context(), entry)))
			duration := time.Since(start)

			attrs := make([]slog.Attr, 0, 7)
			attrs = append(attrs, slog.String("method", method), slog.String("path", path))
			switch {
			case rec.status != 0:
				attrs = append(attrs, slog.Int("status", rec.status))
			case rec.hijacked:
				// The handler owns the connection: what it wrote there is
				// out of the log's sight.
			default:
				attrs = append(attrs, slog.Int("status", http.StatusOK)) // what net/http sends for a handler that wrote nothing
			}
			attrs = append(attrs, slog.Int64("bytes", rec.bytes), slog.Duration("duration", duration))
			if rec.hijacked {
				attrs = append(attrs, slog.Bool("hijacked", true))
			}
			if id := entry.requestID(); id != "" {
				attrs = append(attrs, slog.String("request_id", id))
			}
			logger.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
		})
	}
}
