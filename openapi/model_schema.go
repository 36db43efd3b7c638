package openapi

import (
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// schema mirrors huma.Schema's MarshalJSON.
func (b *builder) schema(s *huma.Schema) any {
	if s == nil {
		return nil
	}
	o := newObject(6)
	if s.Nullable {
		o.add("type", []any{s.Type, "null"})
	} else {
		o.addString("type", s.Type)
	}
	o.addString("title", s.Title)
	o.addString("description", s.Description)
	o.addString("$ref", s.Ref)
	o.addString("format", s.Format)
	if s.Format == "binary" {
		o.add("contentMediaType", "application/octet-stream")
	}
	o.addString("contentEncoding", s.ContentEncoding)
	if !isNil(s.Default) {
		o.add("default", b.value(s.Default))
	}
	addList(o, "examples", s.Examples, b.value)
	if s.Items != nil {
		o.add("items", b.schema(s.Items))
	}
	if !isNil(s.AdditionalProperties) {
		o.add("additionalProperties", b.value(s.AdditionalProperties))
	}
	if properties := visibleProperties(s.Properties); len(properties) > 0 {
		o.add("properties", namedMap(properties, b.schema))
	}
	addList(o, "enum", s.Enum, b.value)
	addNumber(b, o, "minimum", s.Minimum)
	addNumber(b, o, "exclusiveMinimum", s.ExclusiveMinimum)
	addNumber(b, o, "maximum", s.Maximum)
	addNumber(b, o, "exclusiveMaximum", s.ExclusiveMaximum)
	addNumber(b, o, "multipleOf", s.MultipleOf)
	addNumber(b, o, "minLength", s.MinLength)
	addNumber(b, o, "maxLength", s.MaxLength)
	o.addString("pattern", s.Pattern)
	o.addString("patternDescription", s.PatternDescription)
	addNumber(b, o, "minItems", s.MinItems)
	addNumber(b, o, "maxItems", s.MaxItems)
	o.addBool("uniqueItems", s.UniqueItems)
	addList(o, "required", s.Required, asString)
	addMap(o, "dependentRequired", s.DependentRequired, stringList)
	addNumber(b, o, "minProperties", s.MinProperties)
	addNumber(b, o, "maxProperties", s.MaxProperties)
	o.addBool("readOnly", s.ReadOnly)
	o.addBool("writeOnly", s.WriteOnly)
	o.addBool("deprecated", s.Deprecated)
	addList(o, "oneOf", s.OneOf, b.schema)
	addList(o, "anyOf", s.AnyOf, b.schema)
	addList(o, "allOf", s.AllOf, b.schema)
	if s.Not != nil {
		o.add("not", b.schema(s.Not))
	}
	if d := s.Discriminator; d != nil {
		discriminator := newObject(2)
		discriminator.add("propertyName", d.PropertyName)
		if len(d.Mapping) > 0 {
			discriminator.add("mapping", namedMap(d.Mapping, asString))
		}
		o.add("discriminator", discriminator)
	}
	return b.extend(o, s.Extensions)
}

// addNumber adds a numeric keyword that is set (a nil pointer is absent).
func addNumber[N int | float64](b *builder, o *object, key string, n *N) {
	if n != nil {
		o.add(key, b.value(*n))
	}
}

// schemaHidden is the index of huma.Schema's unexported hidden field, set
// for a property tagged `hidden:"true"`: Huma validates such a property but
// leaves it out of the document. Nil if a later Huma drops the field.
var schemaHidden = func() []int {
	if f, ok := reflect.TypeFor[huma.Schema]().FieldByName("hidden"); ok && f.Type.Kind() == reflect.Bool {
		return f.Index
	}
	return nil
}()

// visibleProperties returns properties without the hidden ones, copying
// the map only when there are some.
func visibleProperties(properties map[string]*huma.Schema) map[string]*huma.Schema {
	if schemaHidden == nil {
		return properties
	}
	hidden := func(s *huma.Schema) bool {
		return s != nil && reflect.ValueOf(s).Elem().FieldByIndex(schemaHidden).Bool()
	}
	for _, p := range properties {
		if hidden(p) {
			visible := make(map[string]*huma.Schema, len(properties))
			for name, p := range properties {
				if !hidden(p) {
					visible[name] = p
				}
			}
			return visible
		}
	}
	return properties
}
