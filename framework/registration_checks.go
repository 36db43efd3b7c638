package framework

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// checkOperation refuses, with a *RegistrationError, an operation whose
// statuses contradict HTTP or each other. It reads only the huma.Operation
// as Huma has built it (DefaultStatus resolved, the output's Body documented
// under it), so it applies to every way of registering.
func checkOperation(op *huma.Operation) *RegistrationError {
	refuse := func(problem, fix string, args ...any) *RegistrationError {
		return &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
			Problem: problem, Fix: fmt.Sprintf(fix, args...),
		}
	}
	status := op.DefaultStatus
	switch {
	case status < 100 || status > 599:
		return refuse(fmt.Sprintf("DefaultStatus %d is not an HTTP status code (they run from 100 to 599)", status),
			"use one of the http.Status constants, such as http.StatusOK or http.StatusCreated")
	case status < 200:
		return refuse(fmt.Sprintf("status %s is an interim (1xx) response and cannot be the final status of a handler in net/http", statusName(status)),
			"use a final status from 200 to 599; send interim responses from middleware with w.WriteHeader before the handler runs")
	}
	for _, code := range op.Errors {
		if code < 400 || code > 599 {
			return refuse(fmt.Sprintf("Errors lists %d, but Errors documents 4xx and 5xx problem responses with a body", code),
				"list only 400-599 in Errors; document other statuses in Responses (without Content if the status is bodiless)")
		}
	}
	if slices.Contains(op.Errors, status) {
		return refuse(fmt.Sprintf("DefaultStatus %d is also listed in Errors, so its documentation would be replaced by a problem", status),
			"remove %d from Errors, or choose a success status as DefaultStatus", status)
	}
	for _, key := range slices.Sorted(maps.Keys(op.Responses)) {
		response, k := op.Responses[key], responseKey(key)
		switch {
		case !k.valid():
			return refuse(fmt.Sprintf("Responses has the key %q, which OpenAPI does not allow", key),
				`use a status code "100".."599", a range "1XX".."5XX" (upper-case X) or "default"`)
		case response == nil:
			return refuse(fmt.Sprintf("Responses[%q] is nil", key),
				`document it, e.g. &huma.Response{Description: %q}, or remove the key`, k.description())
		case len(response.Content) > 0 && !k.bodyAllowed() && key == strconv.Itoa(status):
			return refuse(fmt.Sprintf("status %s must not have a response body, but the operation's output has one (a Body field, or Content in Responses[%q])", statusName(status), key),
				"remove the Body field from the output type (and any Content from Responses[%q]), or use a status that allows a body, such as 200 OK", key)
		case len(response.Content) > 0 && !k.bodyAllowed():
			return refuse(fmt.Sprintf("the documented response %s declares content, but that status must not have a response body", key),
				"remove Content from Responses[%q], or document the response under a status that allows a body", key)
		}
	}
	return nil
}
