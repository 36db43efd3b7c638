package framework

import (
	"fmt"
	"net/url"
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// checkURLMembers refuses an operation whose request or response body
// types hold a url.URL. encoding/json writes and reads one as an object of
// its parts ({"Scheme":"https","Host":...}: url.URL has no MarshalText),
// while Huma documents it as the URL string (format uri): the document
// would describe other bodies than those sent, and a client that sends the
// URL as a string, as documented, would be refused.
//
// It reads the members of the schemas Huma documented for op
// (bodyMembers), so it applies whoever registered op.
func checkURLMembers(op *huma.Operation, members []bodyMember) *RegistrationError {
	for _, m := range members {
		if elementType(m.field.Type) != urlType {
			continue
		}
		return &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
			Problem: fmt.Sprintf("the %s body holds a url.URL (field %s of %s): encoding/json writes and reads a url.URL as an object of its parts (Scheme, Host, Path, ...), but the document would say a URL string",
				m.owner.body, m.field.Name, typeDescription(m.owner.t)),
			Fix: fmt.Sprintf("make the field %s a string tagged format:\"uri\" (documented and validated as a URL) and parse it with url.Parse, or give it a type with MarshalText and UnmarshalText",
				m.field.Name),
		}
	}
	return nil
}

var urlType = reflect.TypeFor[url.URL]()

// elementType is t without its pointers, slices, arrays and maps: the type
// of the values it holds.
func elementType(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}
