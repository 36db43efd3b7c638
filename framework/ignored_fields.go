package framework

import (
	"fmt"
	"log/slog"
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

// warnIgnoredFields logs a warning when an input or output struct embeds an
// unexported struct type declaring parameters or headers. Huma looks only
// at exported fields, so it never binds, validates or documents them:
// `?limit=99` reaches the handler past `maximum:"10"` as 0. The document
// and the wire still agree (neither has the field), and huma.Register on
// App.API, which never sees the Go types, accepts the same type silently;
// so Register warns rather than refuses, and both ways register alike.
func warnIgnoredFields(logger *slog.Logger, op *Operation, input, output reflect.Type) {
	for _, side := range []struct {
		t    reflect.Type
		tags []string
		what string
	}{{input, inputTags, "parameters"}, {output, outputTags, "response headers"}} {
		embedded, fields := ignoredFields(side.t, side.tags, map[reflect.Type]bool{})
		if len(fields) == 0 {
			continue
		}
		logger.Warn(fmt.Sprintf("signet: %s %s: %s embeds %s, an unexported type, so its %s (%s) are neither read nor documented, as on Huma. "+
			"Fix: export the embedded type (rename %s to %s), or declare the fields in %s itself",
			op.Method, op.Path, side.t, embedded, side.what, strings.Join(fields, ", "),
			embedded.Name(), exportedName(embedded.Name()), side.t),
			"method", op.Method, "path", op.Path)
	}
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
