package accesslog

import (
	"context"
	"net/http"
	"sync/atomic"
)

// RecordRequestID returns middleware that hands the access log around it
// the request ID that id reads from the request's context, such as chi's
// middleware.GetReqID. The access log runs outside the middlewares that
// set a request ID and cannot see the context they make; add this right
// after the one that sets it, so that every response written inside, a
// middleware's 401 included, is logged with the ID:
//
//	app.Use(middleware.RequestID, accesslog.RecordRequestID(middleware.GetReqID))
//
// Without an access log around it, it does nothing.
func RecordRequestID(id func(context.Context) string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if e, ok := r.Context().Value(entryKey{}).(*entry); ok {
				if id := id(r.Context()); id != "" {
					e.id.Store(&id)
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

// entry is what the handlers inside the access log tell it about a
// request. A handler may run on another goroutine than the log (under
// http.TimeoutHandler), hence the atomic.
type entry struct {
	id atomic.Pointer[string]
}

func (e *entry) requestID() string {
	if id := e.id.Load(); id != nil {
		return *id
	}
	return ""
}

type entryKey struct{}

func withEntry(ctx context.Context, e *entry) context.Context {
	return context.WithValue(ctx, entryKey{}, e)
}
