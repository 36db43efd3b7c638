package framework

import (
	"fmt"
	"reflect"
)

// checkTypes refuses, with a *RegistrationError, what only the Go types of
// an operation show to be wrong, before Huma reads them, and returns what
// the types tell the rules that apply to every operation.
func checkTypes(op *Operation, input, output reflect.Type) (*typedFacts, *RegistrationError) {
	refuse := func(problem, fix string) *RegistrationError {
		return &RegistrationError{Method: op.Method, Path: op.Path, Status: op.DefaultStatus, Problem: problem, Fix: fix}
	}
	switch {
	case op.Method == "":
		return nil, refuse("the operation has no Method", "set Method, for example http.MethodGet")
	case op.Path == "":
		return nil, refuse("the operation has no Path", `set Path, for example "/items/{id}"`)
	case output.Kind() != reflect.Struct:
		return nil, refuse("the output type is not a struct",
			fmt.Sprintf("return a pointer to a struct with a Body field, e.g. *struct{ Body %s }", output))
	}
	statuses, err := dynamicStatuses(output)
	if err != nil {
		return nil, refuse(fmt.Sprintf("the enum tag of %s.Status lists %s, which is not a final status", output, err),
			`list final statuses from 200 to 599, such as enum:"200,304"`)
	}
	return &typedFacts{
		dynamicStatuses: statuses,
		integerBounds:   integerParamBounds(input),
		requiredHeaders: requiredHeaderFields(output),
		streaming:       isStreaming(output),
		maxBodyBytes:    op.MaxBodyBytes,
	}, nil
}
