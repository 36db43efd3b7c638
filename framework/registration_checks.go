package framework

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
)

// checkOperation resolves op's DefaultStatus and refuses, with a
// *RegistrationError, an operation whose statuses contradict HTTP or its
// own output type.
func checkOperation(op *Operation, output reflect.Type) *RegistrationError {
	refuse := func(problem, fix string, args ...any) *RegistrationError {
		return &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus, Output: output,
			Problem: problem, Fix: fmt.Sprintf(fix, args...),
		}
	}
	if op.Method == "" {
		return refuse("the operation has no Method", "set Method, for example http.MethodGet")
	}
	if op.Path == "" {
		return refuse("the operation has no Path", `set Path, for example "/items/{id}"`)
	}
	if output.Kind() != reflect.Struct {
		return refuse("the output type is not a struct",
			"return a pointer to a struct with a Body field, e.g. *struct{ Body %s }", output)
	}
	hasBody := hasField(output, "Body")
	if op.DefaultStatus == 0 {
		op.DefaultStatus = defaultStatus(op.Method, hasBody)
	}
	status := op.DefaultStatus
	switch {
	case status < 100 || status > 599:
		return refuse(fmt.Sprintf("DefaultStatus %d is not an HTTP status code (they run from 100 to 599)", status),
			"use one of the http.Status constants, such as http.StatusOK or http.StatusCreated")
	case status < 200:
		return refuse(fmt.Sprintf("status %s is an interim (1xx) response and cannot be the final status of a handler in net/http", statusName(status)),
			"use a final status from 200 to 599; send interim responses from middleware with w.WriteHeader before the handler runs")
	case hasBody && !BodyAllowed(status):
		return refuse(fmt.Sprintf("status %s must not have a response body, but %s has a Body field", statusName(status), output),
			"remove the Body field from %s, or use a status that allows a body, such as 200 OK", output)
	}
	statuses, err := dynamicStatuses(output)
	if err != nil {
		return refuse(fmt.Sprintf("the enum tag of %s.Status lists %s, which is not a final status", output, err),
			`list final statuses from 200 to 599, such as enum:"200,304"`)
	}
	if len(statuses) > 0 {
		if op.Metadata == nil {
			op.Metadata = map[string]any{}
		}
		op.Metadata[dynamicStatusesKey] = statuses
	}
	for key, response := range op.Responses {
		k := responseKey(key)
		switch {
		case !k.valid():
			return refuse(fmt.Sprintf("Responses has the key %q, which OpenAPI does not allow", key),
				`use a status code "100".."599", a range "1XX".."5XX" (upper-case X) or "default"`)
		case response == nil:
			return refuse(fmt.Sprintf("Responses[%q] is nil", key),
				`document it, e.g. &huma.Response{Description: %q}, or remove the key`, k.description())
		case len(response.Content) > 0 && !k.bodyAllowed():
			return refuse(fmt.Sprintf("the documented response %s declares content, but that status must not have a response body", key),
				"remove Content from Responses[%q], or document the response under a status that allows a body", key)
		}
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
	return nil
}

// defaultStatus is the status of an operation that declares none: 200 when
// it has a body, 204 No Content otherwise. A HEAD operation describes the
// representation a GET would send, so it answers 200 either way.
func defaultStatus(method string, hasBody bool) int {
	if hasBody || method == http.MethodHead {
		return http.StatusOK
	}
	return http.StatusNoContent
}
