package accesslog

import (
	"context"
	"net/http"
	"sync/atomic"

	"github.com/go-chi/chi/v5/middleware"
)

// RecordRequestID is middleware that hands the request ID chi's
// middleware.RequestID put in the request's context to the access log
// around it, which cannot see that context. Add it right after RequestID,
// so that every response written inside it, a middleware's 401 included,
// is logged with the ID:
//
//	app.Use(middleware.RequestID, accesslog.RecordRequestID)
//
// Without an access log around it, it does nothing.
func RecordRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if e, ok := r.Context().Value(entryKey{}).(*entry); ok {
			if id := middleware.GetReqID(r.Context()); id != "" {
				e.id.Store(&id)
			}
		}
		next.ServeHTTP(w, r)
	})
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
