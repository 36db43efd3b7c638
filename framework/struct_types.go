package framework

import "reflect"

// derefType is t with its pointers taken off: the struct Huma reads an
// input or output into.
func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
