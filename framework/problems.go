package framework

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// problemContentType is the media type of RFC 9457 problem details.
const problemContentType = "application/problem+json"

// guardHandler returns handler with its errors made safe for clients. A
// huma.StatusError (huma.Error404NotFound, ...) is the handler's chosen
// answer and passes unchanged. Any other error is logged with the method and
// path and becomes a 500 that says only "Internal Server Error": internal
// messages never reach the client.
func guardHandler[I, O any](logger *slog.Logger, method, path string, handler func(context.Context, *I) (*O, error)) func(context.Context, *I) (*O, error) {
	return func(ctx context.Context, in *I) (*O, error) {
		out, err := handler(ctx, in)
		if err == nil {
			return out, nil
		}
		var se huma.StatusError
		if errors.As(err, &se) {
			return nil, err
		}
		logger.ErrorContext(ctx, "signet: handler failed; sent 500", "method", method, "path", path, "error", err)
		return nil, huma.NewError(http.StatusInternalServerError, "")
	}
}

// sanitizeProblem is a Huma transformer applied to every response body. In
// problem details it removes what would echo the request back (the "value"
// of each error, which for a malformed JSON body is the whole body) and, in a
// 5xx, the underlying Go errors that Huma turns into error details; those are
// logged instead.
func sanitizeProblem(logger *slog.Logger) huma.Transformer {
	return func(ctx huma.Context, _ string, v any) (any, error) {
		problem, ok := v.(*huma.ErrorModel)
		if !ok {
			return v, nil
		}
		for _, detail := range problem.Errors {
			if detail != nil {
				detail.Value = nil
			}
		}
		if problem.Status >= 500 && len(problem.Errors) > 0 {
			messages := make([]string, 0, len(problem.Errors))
			for _, detail := range problem.Errors {
				if detail != nil {
					messages = append(messages, detail.Message)
				}
			}
			op := ctx.Operation()
			logger.ErrorContext(ctx.Context(), "signet: server error; details withheld from the client",
				"method", op.Method, "path", op.Path, "status", problem.Status, "errors", messages)
			problem.Errors = nil
		}
		return problem, nil
	}
}

// writeProblem writes a problem details response that carries only the
// status and its reason phrase, plus detail when given.
func writeProblem(w http.ResponseWriter, status int, detail string) {
	body, err := json.Marshal(&huma.ErrorModel{Title: http.StatusText(status), Status: status, Detail: detail})
	if err != nil { // cannot happen for these field types
		body = nil
	}
	h := w.Header()
	deleteContentHeaders(h)
	h.Set("Content-Type", problemContentType)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeInternalError answers 500 Internal Server Error and nothing more.
func writeInternalError(w http.ResponseWriter) {
	writeProblem(w, http.StatusInternalServerError, "")
}
