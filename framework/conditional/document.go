package conditional

import (
	"net/http"
	"slices"

	"github.com/danielgtaylor/huma/v2"
)

// Document is an operation option that documents the responses Evaluate
// can lead to: 412 Precondition Failed as a problem, and for GET and HEAD
// 304 Not Modified, without content. Pass it when registering:
//
//	framework.Get(items, "/{id}", getItem, conditional.Document)
//
// The conditional headers themselves are documented by embedding [Params]
// in the input.
func Document(op *huma.Operation) {
	if op.Method == http.MethodGet || op.Method == http.MethodHead {
		if op.Responses == nil {
			op.Responses = map[string]*huma.Response{}
		}
		if op.Responses["304"] == nil {
			op.Responses["304"] = &huma.Response{Description: notModifiedDescription}
		}
	}
	if !slices.Contains(op.Errors, http.StatusPreconditionFailed) {
		op.Errors = append(op.Errors, http.StatusPreconditionFailed)
	}
}

const notModifiedDescription = "Not Modified: the representation matches If-None-Match " +
	"(or has not changed since If-Modified-Since). No content; the ETag, " +
	"Last-Modified and caching headers are those a 200 would carry."
