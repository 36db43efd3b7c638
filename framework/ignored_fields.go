package framework

import (
	"fmt"
	"reflect"
	"strings"
)

// inputTags are the struct tags that make a field of an input struct a
// request parameter; outputTags make a field of an output struct a response
// header.
var (
	inputTags  = []string{"path", "query", "header", "cookie", "form"}
	outputTags = []string{"header"}
)

// checkIgnoredFields refuses an input or output struct that embeds an
// unexported struct type declaring parameters or headers. Huma only looks
// at exported fields, so it would never bind, validate or document them:
// `?limit=99` would reach the handler past `maximum:"10"` as 0.
func checkIgnoredFields(op *Operation, input, output reflect.Type) *RegistrationError {
	for _, side := range []struct {
		t    reflect.Type
		tags []string
		what string
	}{{input, inputTags, "parameters"}, {output, outputTags, "response headers"}} {
		embedded, fields := ignoredFields(side.t, side.tags, map[reflect.Type]bool{})
		if len(fields) == 0 {
			continue
		}
		return &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus, Input: input, Output: output,
			Problem: fmt.Sprintf("%s embeds %s, an unexported type, so its %s (%s) would be neither read nor documented",
				side.t, embedded, side.what, strings.Join(fields, ", ")),
			Fix: fmt.Sprintf("export the embedded type (rename %s to %s), or declare the fields in %s itself",
				embedded.Name(), exportedName(embedded.Name()), side.t),
		}
	}
	return nil
}

// ignoredFields finds the first unexported struct type embedded in t, through
// exported embedded structs as Huma walks them, whose fields (its own or
// promoted) carry one of tags. It returns that type and the fields, as
// "name in tag". seen holds the types already walked: a type may embed a
// pointer to itself.
func ignoredFields(t reflect.Type, tags []string, seen map[reflect.Type]bool) (reflect.Type, []string) {
	t = derefType(t)
	if t.Kind() != reflect.Struct || seen[t] {
		return nil, nil
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous || derefType(f.Type).Kind() != reflect.Struct {
			continue
		}
		if f.IsExported() {
			if embedded, fields := ignoredFields(f.Type, tags, seen); len(fields) > 0 {
				return embedded, fields
			}
			continue
		}
		if fields := taggedFields(derefType(f.Type), tags, map[reflect.Type]bool{}); len(fields) > 0 {
			return derefType(f.Type), fields
		}
	}
	return nil, nil
}

// taggedFields lists the fields of t and of the structs it embeds that
// carry one of tags.
func taggedFields(t reflect.Type, tags []string, seen map[reflect.Type]bool) []string {
	if seen[t] {
		return nil
	}
	seen[t] = true
	var fields []string
	for i := range t.NumField() {
		f := t.Field(i)
		for _, tag := range tags {
			if name, ok := f.Tag.Lookup(tag); ok {
				fields = append(fields, fmt.Sprintf("%s in %s", strings.Split(name, ",")[0], tag))
			}
		}
		if f.Anonymous && derefType(f.Type).Kind() == reflect.Struct {
			fields = append(fields, taggedFields(derefType(f.Type), tags, seen)...)
		}
	}
	return fields
}
