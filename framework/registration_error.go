package framework

import (
	"fmt"
	"reflect"
	"strings"
)

// RegistrationError is what Register panics with when an operation
// contradicts itself or HTTP. Its message names the method, the path, the
// status, the types involved and the fix.
type RegistrationError struct {
	Method, Path string
	Status       int          // the operation's DefaultStatus (0 if unset)
	Input        reflect.Type // the handler's input type
	Output       reflect.Type // the handler's output type
	Problem      string       // what is wrong
	Fix          string       // what to change
}

func (e *RegistrationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "signet: cannot register %s %s", e.Method, e.Path)
	var about []string
	if e.Status != 0 {
		about = append(about, "status "+statusName(e.Status))
	}
	if e.Input != nil {
		about = append(about, "input "+e.Input.String())
	}
	if e.Output != nil {
		about = append(about, "output "+e.Output.String())
	}
	if len(about) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(about, ", "))
	}
	fmt.Fprintf(&b, ": %s. Fix: %s.", e.Problem, e.Fix)
	return b.String()
}
