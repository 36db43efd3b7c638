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

// hasField reports whether struct type t has a field called name, including
// one promoted from an embedded struct (Huma finds fields the same way).
func hasField(t reflect.Type, name string) bool {
	_, ok := t.FieldByName(name)
	return ok
}
