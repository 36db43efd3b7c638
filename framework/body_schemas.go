package framework

import (
	"encoding"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"

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

// bodyMember is a member of a body schema: the Go field encoding/json
// writes and reads it from, the member's schema (nil when Huma documents
// none), and the schema it belongs to.
type bodyMember struct {
	field  reflect.StructField
	schema *huma.Schema
	owner  namedSchema
}

// bodyMembers lists the members of schemas, as Huma finds them in their Go
// types, less those of types with their own JSON methods: how such a type
// writes and reads its fields is its own.
func bodyMembers(schemas []namedSchema) []bodyMember {
	var members []bodyMember
	for _, named := range schemas {
		if implementsJSONMethods(named.t) {
			continue
		}
		for _, f := range jsonFields(named.t) {
			members = append(members, bodyMember{f, named.schema.Properties[jsonMemberName(f)], named})
		}
	}
	return members
}

// implementsJSONMethods reports whether t encodes or decodes itself, so
// that encoding/json applies neither its options (",string") nor its own
// encoding of t's kind.
func implementsJSONMethods(t reflect.Type) bool {
	for _, method := range jsonMethods {
		if t.Implements(method) || reflect.PointerTo(derefType(t)).Implements(method) {
			return true
		}
	}
	return false
}

var jsonMethods = []reflect.Type{
	reflect.TypeFor[json.Marshaler](), reflect.TypeFor[json.Unmarshaler](),
	reflect.TypeFor[encoding.TextMarshaler](), reflect.TypeFor[encoding.TextUnmarshaler](),
}

// hasJSONOption reports whether f's json tag gives option ("string",
// "omitempty", ...).
func hasJSONOption(f reflect.StructField, option string) bool {
	_, options, _ := strings.Cut(f.Tag.Get("json"), ",")
	return slices.Contains(strings.Split(options, ","), option)
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
