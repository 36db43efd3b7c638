package framework

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"
)

// problemContentType is the media type of RFC 9457 problem details.
const problemContentType = "application/problem+json"

// Bounds of a problem, so that what an error response costs does not grow
// with the request: at most maxProblemErrors errors, each location cut to
// maxLocationBytes (a location names the offending member or parameter, the
// only part of a request a problem repeats), each message to
// maxMessageBytes, and the whole body to maxProblemBytes.
const (
	maxProblemErrors = 10
	maxLocationBytes = 64
	maxMessageBytes  = 200
	maxDetailBytes   = 1024
	maxProblemBytes  = 4 << 10
)

// sanitizeProblem is a Huma transformer, and so sees every problem the App
// writes, whoever registered the operation: a handler's error, Huma's
// binding and validation errors, the input policy's refusals. It decides
// what a problem may say; it never changes its status:
//   - no error repeats the value it is about (for a malformed JSON body
//     Huma's value is the whole body);
//   - a 5xx problem carries no error details: they are Go errors' text (a
//     handler's error that is not a huma.StatusError becomes Huma's 500
//     with the error as its detail), logged here with the operation
//     instead of being sent;
//   - the errors, their text and the whole problem are bounded, and the
//     number of errors left out is stated.
func sanitizeProblem(logger *slog.Logger) huma.Transformer {
	return func(ctx huma.Context, _ string, v any) (any, error) {
		problem, ok := v.(*huma.ErrorModel)
		if !ok {
			return v, nil
		}
		if problem.Status >= 500 {
			withholdServerErrors(ctx, logger, problem)
		}
		bound(problem)
		return problem, nil
	}
}

// withholdServerErrors logs the errors of a 5xx problem and removes them.
func withholdServerErrors(ctx huma.Context, logger *slog.Logger, problem *huma.ErrorModel) {
	if len(problem.Errors) == 0 {
		return
	}
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

// bound applies the bounds of a problem.
func bound(problem *huma.ErrorModel) {
	problem.Detail = cut(problem.Detail, maxDetailBytes)
	kept := problem.Errors[:0]
	for _, detail := range problem.Errors {
		if detail == nil {
			continue
		}
		detail.Value = nil
		detail.Location = cut(detail.Location, maxLocationBytes)
		detail.Message = cut(detail.Message, maxMessageBytes)
		kept = append(kept, detail)
	}
	total := len(kept)
	problem.Errors = kept[:min(total, maxProblemErrors)]
	detail := problem.Detail
	for {
		if omitted := total - len(problem.Errors); omitted > 0 {
			problem.Detail = fmt.Sprintf("%s (%d more errors not listed)", detail, omitted)
		}
		if fitsForSure(problem) || len(problem.Errors) == 0 {
			return
		}
		if body, err := json.Marshal(problem); err != nil || len(body) <= maxProblemBytes {
			return
		}
		problem.Errors = problem.Errors[:len(problem.Errors)-1]
	}
}

// fitsForSure reports whether problem cannot exceed maxProblemBytes once
// encoded, without encoding it: JSON escaping makes a byte at most six.
func fitsForSure(problem *huma.ErrorModel) bool {
	// Member names, quotes and punctuation: of the problem, of one error.
	const problemOverhead, errorOverhead = 128, 48
	size := len(problem.Type) + len(problem.Title) + len(problem.Detail) + len(problem.Instance) + problemOverhead
	for _, e := range problem.Errors {
		size += len(e.Location) + len(e.Message) + errorOverhead
	}
	return 6*size <= maxProblemBytes
}

// cut shortens s to at most n bytes, on a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const mark = "…"
	end := n - len(mark)
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + mark
}

// writeProblem writes a problem details response that carries only the
// status and its reason phrase, plus detail when given: for what Signet
// answers outside an operation (404, 405, a panic's 500). A response to
// HEAD gets the headers and no body.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, detail string) {
	body, err := json.Marshal(&huma.ErrorModel{Title: http.StatusText(status), Status: status, Detail: detail})
	if err != nil { // cannot happen for these field types
		body = nil
	}
	h := w.Header()
	deleteContentHeaders(h)
	h.Set("Content-Type", problemContentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// writeInternalError answers 500 Internal Server Error and nothing more.
func writeInternalError(w http.ResponseWriter, r *http.Request) {
	writeProblem(w, r, http.StatusInternalServerError, "")
}
