package openapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// version30 is the OpenAPI version a downgraded document declares.
const version30 = "3.0.3"

// schemaKeywords30 are the keywords an OpenAPI 3.0 Schema Object may have
// besides specification extensions (OpenAPI 3.0.3, section 4.7.24).
var schemaKeywords30 = []string{
	"$ref", "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
	"exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
	"minItems", "uniqueItems", "maxProperties", "minProperties", "required",
	"enum", "type", "allOf", "oneOf", "anyOf", "not", "items", "properties",
	"additionalProperties", "description", "format", "default", "nullable",
	"discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "example",
	"deprecated",
}

// downgrader rewrites an OpenAPI 3.1 document as OpenAPI 3.0, reporting
// through warn everything 3.0 cannot express and that it drops.
type downgrader struct {
	warn func(msg string)
	// mutualTLS holds the names of dropped mutualTLS security schemes, which
	// security requirements must stop naming.
	mutualTLS []string
}

func downgrade(doc any, warn func(string)) {
	if warn == nil {
		warn = func(string) {}
	}
	d := &downgrader{warn: warn}
	walk(doc, kindDocument, "#", d.visit)
}

func (d *downgrader) dropped(path, what, why string) {
	d.warn(fmt.Sprintf("openapi 3.0: dropped %s at %s: %s", what, path, why))
}

func (d *downgrader) visit(obj *object, k kind, path string) {
	switch k {
	case kindDocument:
		d.document(obj)
	case kindInfo:
		if obj.remove("summary") {
			d.dropped(path, "summary", "OpenAPI 3.0 Info has no summary")
		}
	case kindLicense:
		if obj.remove("identifier") {
			d.dropped(path, "identifier", "OpenAPI 3.0 License has no SPDX identifier; set its url instead")
		}
	case kindOperation:
		d.security(obj, path)
	case kindReference:
		for _, key := range []string{"summary", "description"} {
			if obj.remove(key) {
				d.dropped(path, key, "OpenAPI 3.0 Reference Objects have no other fields than $ref")
			}
		}
	case kindSchema:
		d.schema(obj, path)
	}
}

func (d *downgrader) document(doc *object) {
	doc.set("openapi", version30)
	if doc.remove("jsonSchemaDialect") {
		d.dropped("#", "jsonSchemaDialect", "OpenAPI 3.0 has a fixed schema dialect")
	}
	if webhooks := doc.getObject("webhooks"); webhooks != nil {
		for _, name := range webhooks.keys() {
			d.dropped("#/webhooks", fmt.Sprintf("webhook %q", name), "OpenAPI 3.0 has no webhooks")
		}
		doc.remove("webhooks")
	}
	if _, ok := doc.get("paths"); !ok {
		doc.set("paths", &object{}) // required in 3.0, optional in 3.1
	}
	if components := doc.getObject("components"); components != nil {
		if items := components.getObject("pathItems"); items != nil {
			for _, name := range items.keys() {
				d.dropped("#/components/pathItems", fmt.Sprintf("path item %q", name), "OpenAPI 3.0 Components have no pathItems")
			}
			components.remove("pathItems")
		}
		if schemes := components.getObject("securitySchemes"); schemes != nil {
			for _, name := range schemes.keys() {
				scheme := schemes.getObject(name)
				if scheme == nil {
					continue
				}
				if typ, _ := scheme.get("type"); typ == "mutualTLS" {
					d.dropped("#/components/securitySchemes", fmt.Sprintf("security scheme %q", name), "OpenAPI 3.0 has no mutualTLS security scheme")
					schemes.remove(name)
					d.mutualTLS = append(d.mutualTLS, name)
				}
			}
		}
	}
	d.security(doc, "#")
}

// security removes dropped security schemes from obj's security requirements.
func (d *downgrader) security(obj *object, path string) {
	requirements, _ := obj.get("security")
	list, _ := requirements.([]any)
	for i, item := range list {
		requirement, ok := item.(*object)
		if !ok {
			continue
		}
		for _, name := range d.mutualTLS {
			if requirement.remove(name) {
				d.dropped(fmt.Sprintf("%s/security/%d", path, i), fmt.Sprintf("requirement of %q", name), "its mutualTLS scheme was dropped")
			}
		}
	}
}

func (d *downgrader) schema(s *object, path string) {
	d.refSiblings(s)
	d.types(s)
	if value, ok := s.get("const"); ok {
		s.remove("const")
		if _, hasEnum := s.get("enum"); !hasEnum {
			s.set("enum", []any{value})
		} else {
			d.dropped(path, "const", "it cannot be combined with the enum already there in OpenAPI 3.0")
		}
	}
	if value, ok := s.get("examples"); ok {
		s.remove("examples")
		if examples, _ := value.([]any); len(examples) > 0 {
			s.set("example", examples[0])
			if len(examples) > 1 {
				d.dropped(path, fmt.Sprintf("examples after the first (%d)", len(examples)-1), "OpenAPI 3.0 schemas have a single example")
			}
		}
	}
	exclusiveBound(s, "exclusiveMinimum", "minimum", func(a, b float64) bool { return a >= b })
	exclusiveBound(s, "exclusiveMaximum", "maximum", func(a, b float64) bool { return a <= b })
	d.content(s, path)
	if items, ok := s.get("items"); ok {
		if _, tuple := items.([]any); tuple {
			s.remove("items")
			d.dropped(path, "items (a tuple)", "OpenAPI 3.0 items is a single schema")
		}
	}
	for _, key := range s.keys() {
		if strings.HasPrefix(key, "x-") || slices.Contains(schemaKeywords30, key) {
			continue
		}
		s.remove(key)
		d.dropped(path, fmt.Sprintf("schema keyword %q", key), "OpenAPI 3.0 schemas do not have it")
	}
}

// refSiblings keeps what sits next to a $ref: OpenAPI 3.0 ignores a $ref's
// siblings, so the reference moves into an allOf next to them.
func (d *downgrader) refSiblings(s *object) {
	ref, ok := s.get("$ref")
	if !ok || len(s.members) == 1 {
		return
	}
	s.remove("$ref")
	wrapped := &object{members: []member{{"$ref", ref}}}
	allOf, _ := s.get("allOf")
	list, _ := allOf.([]any)
	s.set("allOf", append([]any{wrapped}, list...))
}

// types turns a list of types into a single type and `nullable`, or into an
// anyOf of one schema per type.
func (d *downgrader) types(s *object) {
	value, ok := s.get("type")
	if !ok {
		return
	}
	if single, ok := value.(string); ok {
		if single == "null" {
			s.remove("type")
			s.set("nullable", true)
			s.set("enum", []any{nil})
		}
		return
	}
	list, _ := value.([]any)
	var types []any
	for _, t := range list {
		if t == "null" {
			s.set("nullable", true)
		} else {
			types = append(types, t)
		}
	}
	switch len(types) {
	case 0:
		s.remove("type")
		s.set("enum", []any{nil})
	case 1:
		s.set("type", types[0])
	default:
		s.remove("type")
		var alternatives []any
		for _, t := range types {
			alternatives = append(alternatives, &object{members: []member{{"type", t}}})
		}
		if _, taken := s.get("anyOf"); taken {
			allOf, _ := s.get("allOf")
			list, _ := allOf.([]any)
			s.set("allOf", append(list, &object{members: []member{{"anyOf", alternatives}}}))
		} else {
			s.set("anyOf", alternatives)
		}
	}
}

// exclusiveBound turns a 3.1 numeric exclusive bound into the 3.0 form: the
// bound in `bound` and `exclusive: true`. When both bounds are set, the
// stricter one stays; stricter(a, b) reports whether exclusive a is.
func exclusiveBound(s *object, exclusive, bound string, stricter func(a, b float64) bool) {
	value, ok := s.get(exclusive)
	if !ok {
		return
	}
	limit, isNumber := value.(json.Number)
	if !isNumber {
		return // already a 3.0 boolean
	}
	if other, ok := s.get(bound); ok {
		a, errA := limit.Float64()
		b, errB := other.(json.Number).Float64()
		if errA == nil && errB == nil && !stricter(a, b) {
			s.remove(exclusive)
			return
		}
	}
	s.set(bound, limit)
	s.set(exclusive, true)
}

// content expresses contentEncoding and contentMediaType as 3.0 formats.
func (d *downgrader) content(s *object, path string) {
	if encoding, ok := s.get("contentEncoding"); ok {
		s.remove("contentEncoding")
		if encoding == "base64" {
			s.set("format", "byte")
		} else {
			d.dropped(path, fmt.Sprintf("contentEncoding %v", encoding), "OpenAPI 3.0 only has format byte, for base64")
		}
	}
	if mediaType, ok := s.get("contentMediaType"); ok {
		s.remove("contentMediaType")
		if format, _ := s.get("format"); format != "binary" {
			d.dropped(path, fmt.Sprintf("contentMediaType %v", mediaType), "OpenAPI 3.0 schemas do not have it")
		}
	}
}
