package framework

import (
	"maps"
	"reflect"
	"slices"

	"github.com/danielgtaylor/huma/v2"
)

// namedSchema is a schema of the registry, its reference, the Go type it
// documents, and the first body of an operation it was found in ("request
// application/json", "response 200 application/json").
type namedSchema struct {
	schema *huma.Schema
	ref    string
	t      reflect.Type
	body   string
}

// bodySchemas lists the registry's schemas that op's request and response
// bodies refer to, at any depth, with their Go types, less those whose
// reference is in skip (schemas already checked).
func bodySchemas(op *huma.Operation, registry huma.Registry, skip map[string]bool) []namedSchema {
	var found []namedSchema
	seen := map[string]bool{}
	var walk func(s *huma.Schema, body string)
	walk = func(s *huma.Schema, body string) {
		eachRef(s, func(ref string) {
			if seen[ref] || skip[ref] {
				return
			}
			seen[ref] = true
			named, t := registry.SchemaFromRef(ref), registry.TypeFromRef(ref)
			if named != nil && t != nil {
				found = append(found, namedSchema{named, ref, t, body})
				walk(named, body)
			}
		})
	}
	if op.RequestBody != nil {
		for _, mediaType := range slices.Sorted(maps.Keys(op.RequestBody.Content)) {
			if content := op.RequestBody.Content[mediaType]; content != nil {
				walk(content.Schema, "request "+mediaType)
			}
		}
	}
	for _, status := range slices.Sorted(maps.Keys(op.Responses)) {
		if response := op.Responses[status]; response != nil {
			for _, mediaType := range slices.Sorted(maps.Keys(response.Content)) {
				if content := response.Content[mediaType]; content != nil {
					walk(content.Schema, "response "+status+" "+mediaType)
				}
			}
		}
	}
	return found
}

// jsonFields lists the fields of struct t that Huma documents as members,
// as Huma finds them: exported fields, and those of embedded structs that
// have no json name, first seen first.
func jsonFields(t reflect.Type) []reflect.StructField {
	return jsonFieldsOf(t, map[reflect.Type]bool{})
}

func jsonFieldsOf(t reflect.Type, seen map[reflect.Type]bool) []reflect.StructField {
	t = derefType(t)
	if t.Kind() != reflect.Struct || seen[t] {
		return nil
	}
	seen[t] = true
	var fields, embedded []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case !f.IsExported() || f.Tag.Get("json") == "-":
		case f.Anonymous && f.Tag.Get("json") == "":
			embedded = append(embedded, f)
		default:
			fields = append(fields, f)
		}
	}
	for _, f := range embedded {
		fields = append(fields, jsonFieldsOf(f.Type, seen)...)
	}
	return fields
}

// jsonMemberName is the member name Huma documents f under.
func jsonMemberName(f reflect.StructField) string {
	if name := jsonName(f); name != "" {
		return name
	}
	return f.Name
}

// typeDescription names t in a message.
func typeDescription(t reflect.Type) string {
	if t.Name() == "" {
		return "an anonymous struct"
	}
	return t.String()
}
