package framework

import (
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"slices"

	"github.com/danielgtaylor/huma/v2"
)

// checkURLMembers refuses an operation whose request or response body
// types hold a url.URL. encoding/json writes and reads one as an object of
// its parts ({"Scheme":"https","Host":...}: url.URL has no MarshalText),
// while Huma documents it as the URL string (format uri): the document
// would describe other bodies than those sent, and a client that sends the
// URL as a string, as documented, would be refused.
//
// Like checkResponseMembers, it reads the schemas Huma documented for op
// and finds their Go types in the registry, so it applies whoever
// registered op.
func checkURLMembers(op *huma.Operation, registry huma.Registry) *RegistrationError {
	bodies := map[string]*huma.MediaType{}
	if op.RequestBody != nil {
		for mediaType, content := range op.RequestBody.Content {
			bodies["request "+mediaType] = content
		}
	}
	for status, response := range op.Responses {
		if response != nil {
			for mediaType, content := range response.Content {
				bodies["response "+status+" "+mediaType] = content
			}
		}
	}
	for _, which := range slices.Sorted(maps.Keys(bodies)) {
		if bodies[which] == nil {
			continue
		}
		for _, t := range schemaTypes(bodies[which].Schema, registry) {
			owner, field := urlMember(t, map[reflect.Type]bool{})
			if owner == nil {
				continue
			}
			where := "an anonymous struct"
			if owner.Name() != "" {
				where = owner.String()
			}
			return &RegistrationError{
				Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
				Problem: fmt.Sprintf("the %s body holds a url.URL (field %s of %s): encoding/json writes and reads a url.URL as an object of its parts (Scheme, Host, Path, ...), but the document would say a URL string",
					which, field, where),
				Fix: fmt.Sprintf("make the field %s a string tagged format:\"uri\" (documented and validated as a URL) and parse it with url.Parse, or give it a type with MarshalText and UnmarshalText",
					field),
			}
		}
	}
	return nil
}

var urlType = reflect.TypeFor[url.URL]()

// urlMember finds, in t or any type it reaches through the fields
// encoding/json reads and writes, elements and map values, a field whose
// type holds a url.URL (through pointers, elements and map values). It
// returns the struct of that field and its Go name.
func urlMember(t reflect.Type, seen map[reflect.Type]bool) (owner reflect.Type, field string) {
	t = derefType(t)
	if seen[t] {
		return nil, ""
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return urlMember(t.Elem(), seen)
	case reflect.Struct:
	default:
		return nil, ""
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Tag.Get("json") == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if elementType(f.Type) == urlType {
			return t, f.Name
		}
		if owner, field := urlMember(f.Type, seen); owner != nil {
			return owner, field
		}
	}
	return nil, ""
}

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
