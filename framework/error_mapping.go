package framework

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/danielgtaylor/huma/v2"
)

// ErrorMapping turns errors that handlers return into status errors, in
// one place, as FastAPI's exception handlers do: sql.ErrNoRows into a 404
// without repeating it in every handler.
//
//	framework.Config{ErrorMapping: framework.ErrorMapping{
//		Statuses: []int{http.StatusNotFound},
//		Map: func(_ context.Context, err error) huma.StatusError {
//			if errors.Is(err, sql.ErrNoRows) {
//				return huma.Error404NotFound("no such item")
//			}
//			return nil
//		},
//	}}
//
// It applies to the handlers of framework.Register and its shortcuts, which
// see the error a handler returns; Huma's huma.Register turns an error into
// its 500 before any hook sees it. A handler's huma.StatusError is its own
// choice and is not mapped.
type ErrorMapping struct {
	// Statuses lists every status Map can answer with, from 400 to 599;
	// each is documented on every operation framework.Register adds. A
	// status Map returns that is not listed becomes a logged 500, so that
	// the document does not lie.
	Statuses []int
	// Map returns the status error err stands for, or nil to leave err as
	// it is: a 500 that reveals nothing.
	Map func(ctx context.Context, err error) huma.StatusError
}

// check refuses statuses outside 400-599, as Operation.Errors does.
func (m ErrorMapping) check() error {
	for _, status := range m.Statuses {
		if status < 400 || status > 599 {
			return fmt.Errorf("Config.ErrorMapping.Statuses lists %d; list only error statuses, 400-599", status)
		}
	}
	return nil
}

// mapHandlerErrors returns handler with its errors mapped: a
// huma.StatusError passes as the handler chose it; others go through
// Config.ErrorMapping, and one that wraps context.DeadlineExceeded (a
// deadline of the request, or of a call the handler made) becomes 504
// Gateway Timeout. The rest stay as they are: Huma makes them a 500 that
// the problem transformer keeps free of their text.
func mapHandlerErrors[I, O any](app *App, op *Operation, handler func(context.Context, *I) (*O, error)) func(context.Context, *I) (*O, error) {
	mapping, logger := app.config.ErrorMapping, app.logger
	method, path := op.Method, op.Path
	return func(ctx context.Context, in *I) (*O, error) {
		out, err := handler(ctx, in)
		if err == nil {
			return out, nil
		}
		var chosen huma.StatusError
		if errors.As(err, &chosen) {
			return nil, err
		}
		if mapping.Map != nil {
			if mapped := mapping.Map(ctx, err); mapped != nil {
				if slices.Contains(mapping.Statuses, mapped.GetStatus()) {
					return nil, mapped
				}
				logger.ErrorContext(ctx, "signet: Config.ErrorMapping.Map answered a status its Statuses do not list; sent 500",
					"method", method, "path", path, "status", mapped.GetStatus())
				return nil, err
			}
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, huma.NewError(http.StatusGatewayTimeout, "the answer took longer than its deadline", err)
		}
		return nil, err
	}
}
