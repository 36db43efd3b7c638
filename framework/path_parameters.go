package framework

import (
	"fmt"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// checkPathParameters refuses an operation whose path has a {name} that no
// path parameter of its input declares, or the reverse.
func checkPathParameters(op *huma.Operation) *RegistrationError {
	var inPath, declared []string
	for segment := range strings.SplitSeq(op.Path, "{") {
		if name, _, ok := strings.Cut(segment, "}"); ok {
			inPath = append(inPath, name)
		}
	}
	for _, p := range op.Parameters {
		if p != nil && p.In == "path" {
			declared = append(declared, p.Name)
		}
	}
	refuse := func(problem, fix string) *RegistrationError {
		return &RegistrationError{Method: op.Method, Path: op.Path, Status: op.DefaultStatus, Problem: problem, Fix: fix}
	}
	for _, name := range inPath {
		if !slices.Contains(declared, name) {
			return refuse(fmt.Sprintf("the path has {%s}, but the input declares no path parameter %q", name, name),
				fmt.Sprintf("add a field such as `%s string `path:\"%s\"`` to the input struct; fields of an embedded struct count only when the embedded type is exported", exportedName(name), name))
		}
	}
	for _, name := range declared {
		if !slices.Contains(inPath, name) {
			return refuse(fmt.Sprintf("the input declares the path parameter %q, but the path has no {%s}", name, name),
				fmt.Sprintf("add {%s} to the path, or make the field a query parameter with `query:\"%s\"`", name, name))
		}
	}
	return nil
}

// exportedName capitalizes a parameter name into a field name for a hint.
func exportedName(name string) string {
	if name == "" {
		return "Param"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}
