package conformance

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// checkHeaders checks the documented response headers: a required one must
// be present, and a present one must match its schema. Unlike kin-openapi,
// it checks every status (3xx and 304 included) and reports every header.
func (v *verdict) checkHeaders(documented *openapi3.Response) {
	names := make([]string, 0, len(documented.Headers))
	for name := range documented.Headers {
		// OpenAPI: a response header named Content-Type is ignored.
		if !strings.EqualFold(name, "Content-Type") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		ref := documented.Headers[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		header := ref.Value
		var schema *openapi3.Schema
		if header.Schema != nil {
			schema = header.Schema.Value
		}
		values := v.resp.Header.Values(name)
		if len(values) == 0 {
			if header.Required {
				v.add(RuleHeader, fmt.Sprintf("the required header %s is missing", name),
					fmt.Sprintf("%s: %s (required)", name, describeSchema(schema)), "no "+name+" header")
			}
			continue
		}
		if schema == nil {
			continue // described by content, or not at all: nothing to apply
		}
		raw := strings.Join(values, ", ")
		value, err := decodeHeader(raw, schema)
		if err != nil {
			problem := fmt.Sprintf("the header %s is not %s", name, describeSchema(schema))
			if !errors.Is(err, errNotItsType) {
				problem += ": " + err.Error()
			}
			v.add(RuleHeader, problem,
				fmt.Sprintf("%s: %s", name, describeSchema(schema)), fmt.Sprintf("%s: %s", name, raw))
			continue
		}
		for _, e := range v.validate(schema, value) {
			v.add(RuleHeader, fmt.Sprintf("the header %s does not match its schema: %s", name, schemaReason(e)),
				fmt.Sprintf("%s: %s", name, schemaKeyword(e)), fmt.Sprintf("%s: %s", name, raw))
		}
	}
}

// errNotItsType says a header value is not of its schema's type.
var errNotItsType = errors.New("not of the schema's type")

// decodeHeader turns a header value into the JSON value its schema
// describes, in OpenAPI's "simple" style: numbers, booleans, strings, and
// arrays of them separated by commas.
func decodeHeader(raw string, schema *openapi3.Schema) (any, error) {
	types := schema.Type
	switch {
	case types.Permits(openapi3.TypeArray) && !types.Permits(openapi3.TypeString):
		var items []any
		for _, part := range strings.Split(raw, ",") {
			item := strings.TrimSpace(part)
			if schema.Items == nil || schema.Items.Value == nil {
				items = append(items, item)
				continue
			}
			decoded, err := decodeHeader(item, schema.Items.Value)
			if err != nil {
				return nil, fmt.Errorf("its item %q is not %s", item, describeSchema(schema.Items.Value))
			}
			items = append(items, decoded)
		}
		return items, nil
	case types.Permits(openapi3.TypeInteger) || types.Permits(openapi3.TypeNumber):
		if n, err := strconv.ParseFloat(raw, 64); err == nil {
			return n, nil
		}
		if !types.Permits(openapi3.TypeString) {
			return nil, errNotItsType
		}
	case types.Permits(openapi3.TypeBoolean) && !types.Permits(openapi3.TypeString):
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return nil, errNotItsType
		}
		return b, nil
	}
	return raw, nil
}

// describeSchema names what a schema accepts: "integer", "string (date-time)",
// "one of [a, b]".
func describeSchema(schema *openapi3.Schema) string {
	if schema == nil {
		return "any value"
	}
	if len(schema.Enum) > 0 {
		return "one of " + jsonText(schema.Enum)
	}
	described := "any value"
	if types := schema.Type.Slice(); len(types) > 0 {
		described = "a value of type " + strings.Join(types, " or ")
		if len(types) == 1 {
			described = "a" + article(types[0]) + " " + types[0]
		}
	}
	if schema.Format != "" {
		described += " (" + schema.Format + ")"
	}
	return described
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "n"
	}
	return ""
}
