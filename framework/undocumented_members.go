package framework

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// checkResponseMembers refuses an operation whose response body types
// would put members on the wire that their schema leaves out. encoding/json
// writes the exported fields of an embedded struct even when the embedded
// type is unexported; Huma's schemas, like its binding, read exported
// fields only, and close the object (additionalProperties: false). Such a
// response would contradict the document.
//
// It reads the schemas Huma documented for op and finds their Go types in
// the registry, so it applies whoever registered op.
func checkResponseMembers(op *huma.Operation, registry huma.Registry) *RegistrationError {
	for _, key := range slices.Sorted(maps.Keys(op.Responses)) {
		response := op.Responses[key]
		if response == nil {
			continue
		}
		for _, mediaType := range slices.Sorted(maps.Keys(response.Content)) {
			content := response.Content[mediaType]
			if content == nil {
				continue
			}
			for _, t := range schemaTypes(content.Schema, registry) {
				owner, embedded, fields := hiddenMembers(t, map[reflect.Type]bool{})
				if embedded == nil {
					continue
				}
				return &RegistrationError{
					Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
					Problem: fmt.Sprintf("the response %s body type %s embeds %s, an unexported type: encoding/json writes its fields (%s), but the schema leaves them out, so responses would carry members the document does not list",
						key, owner, embedded, strings.Join(fields, ", ")),
					Fix: fmt.Sprintf("export the embedded type (rename %s to %s) so that the document lists its fields, or tag the embedded field `json:\"-\"` to leave them out of responses",
						embedded.Name(), exportedName(embedded.Name())),
				}
			}
		}
	}
	return nil
}

// schemaTypes lists the Go types behind the schemas s refers to, through
// arrays, maps, properties and compositions.
func schemaTypes(s *huma.Schema, registry huma.Registry) []reflect.Type {
	var types []reflect.Type
	eachRef(s, func(ref string) {
		if t := registry.TypeFromRef(ref); t != nil {
			types = append(types, t)
		}
	})
	return types
}

// eachRef calls visit with each reference s holds, through arrays, maps,
// properties and compositions, without following them.
func eachRef(s *huma.Schema, visit func(ref string)) {
	seen := map[*huma.Schema]bool{}
	var walk func(s *huma.Schema)
	walk = func(s *huma.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		if s.Ref != "" {
			visit(s.Ref)
			return
		}
		walk(s.Items)
		walk(s.Not)
		if additional, ok := s.AdditionalProperties.(*huma.Schema); ok {
			walk(additional)
		}
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			walk(s.Properties[name])
		}
		for _, list := range [][]*huma.Schema{s.AllOf, s.AnyOf, s.OneOf} {
			for _, sub := range list {
				walk(sub)
			}
		}
	}
	walk(s)
}

// hiddenMembers finds, in t or any type it reaches through fields,
// elements and map values, a struct that embeds an unexported struct type
// whose exported fields encoding/json would write. It returns that struct,
// the embedded type and the fields' Go names.
func hiddenMembers(t reflect.Type, seen map[reflect.Type]bool) (owner, embedded reflect.Type, fields []string) {
	t = derefType(t)
	if seen[t] {
		return nil, nil, nil
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return hiddenMembers(t.Elem(), seen)
	case reflect.Struct:
	default:
		return nil, nil, nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Tag.Get("json") == "-" {
			continue
		}
		if inner := derefType(f.Type); f.Anonymous && !f.IsExported() && inner.Kind() == reflect.Struct {
			if name := jsonName(f); name != "" {
				return t, inner, []string{name}
			}
			if names := jsonWrittenFields(inner, map[reflect.Type]bool{}); len(names) > 0 {
				return t, inner, names
			}
		}
		if f.IsExported() {
			if owner, embedded, fields := hiddenMembers(f.Type, seen); embedded != nil {
				return owner, embedded, fields
			}
		}
	}
	return nil, nil, nil
}

// jsonWrittenFields lists the fields of struct t that encoding/json writes:
// exported or named by a json tag, not tagged `json:"-"`, and those of the
// structs t embeds without a name.
func jsonWrittenFields(t reflect.Type, seen map[reflect.Type]bool) []string {
	if seen[t] {
		return nil
	}
	seen[t] = true
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, embeddedStruct := jsonName(f), f.Anonymous && derefType(f.Type).Kind() == reflect.Struct
		switch {
		case f.Tag.Get("json") == "-":
		case embeddedStruct && name == "":
			names = append(names, jsonWrittenFields(derefType(f.Type), seen)...)
		case f.IsExported() || embeddedStruct: // an unexported embedded struct named by its tag is written too
			names = append(names, f.Name)
		}
	}
	return names
}

// jsonName is the member name f's json tag gives, "" when it gives none.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}
