package conformance

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// CheckEvent checks one server-sent event of a stream whose head CheckHead
// checked: that its type is one the document lists, and that it matches
// the documented schema of that type. A stream whose document gives no
// event schema, or whose head the document does not describe, has nothing
// to check here.
func (c *Checker) CheckEvent(req *http.Request, status int, header http.Header, event Event) []Violation {
	route := c.findRoute(req)
	if route == nil {
		return nil
	}
	response := documentedResponse(route.Operation, status)
	if response == nil {
		return nil
	}
	media := response.Content.Get(header.Get("Content-Type"))
	if media == nil || media.Schema == nil || media.Schema.Value == nil {
		return nil
	}
	v := &verdict{
		req: req, resp: Response{Status: status, Header: header}, bodyAllowed: c.bodyAllowed,
		jsonSchema2020: c.doc.IsOpenAPI31OrLater(), headOnly: true, operation: route.Method + " " + route.Path,
	}
	v.checkEvent(media.Schema.Value, event)
	return v.violations
}

// checkEventStream checks each event of a whole event stream received as
// one body.
func (v *verdict) checkEventStream(stream *openapi3.Schema) {
	events := NewEventReader(bytes.NewReader(v.resp.Body))
	for {
		event, err := events.Next()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				v.add(RuleEvent, "the event stream cannot be read: "+err.Error(),
					EventStreamMediaType, describeBody(v.resp.Header, v.resp.Body))
			}
			return
		}
		v.checkEvent(stream, event)
	}
}

// defaultEventType is the type of an event without an "event" field, as
// browsers dispatch it.
const defaultEventType = "message"

// checkEvent checks one event against the schema of the stream it is part of.
func (v *verdict) checkEvent(stream *openapi3.Schema, event Event) {
	schema := eventSchema(stream)
	if schema == nil {
		return // the document does not describe the events one by one
	}
	name := cmp.Or(event.Type, defaultEventType)
	object := eventObject(event)
	if types := eventTypes(schema); types != nil {
		documented, ok := types[name]
		if !ok {
			names := slices.Sorted(maps.Keys(types))
			v.add(RuleEvent, fmt.Sprintf("the event type %q is not documented", name),
				"event types "+strings.Join(names, ", "), describeEvent(event))
			return
		}
		schema = documented.schema
		if event.Type != "" {
			// "" and "message" both name the default type: the field sent
			// is held to the name the document spells.
			object["event"] = documented.literal
		}
	}
	for _, e := range v.validate(schema, object) {
		at := "/" + strings.Join(e.JSONPointer(), "/")
		sent := "nothing"
		if found, ok := valueAt(object, e.JSONPointer()); ok {
			sent = jsonText(found)
		}
		v.add(RuleEvent, fmt.Sprintf("the %q event does not match the schema at %s: %s", name, at, schemaReason(e)),
			schemaKeyword(e), sent)
	}
}

// eventSchema finds the schema of one event in the schema of a stream.
// Huma's sse package documents a stream as an array of events, each an
// object with "data" (the schema of its type), "event", "id" and "retry";
// a schema that is itself such an object, or a oneOf or anyOf of them,
// describes one event. Any other schema (a string, say) describes the
// stream's text as a whole, which is not checked event by event.
func eventSchema(stream *openapi3.Schema) *openapi3.Schema {
	if stream.Type.Is(openapi3.TypeArray) && stream.Items != nil && stream.Items.Value != nil {
		stream = stream.Items.Value
	}
	if describesEvent(stream) {
		return stream
	}
	return nil
}

func describesEvent(schema *openapi3.Schema) bool {
	if _, ok := schema.Properties["data"]; ok {
		return true
	}
	for _, branch := range slices.Concat(schema.OneOf, schema.AnyOf) {
		if branch.Value != nil && describesEvent(branch.Value) {
			return true
		}
	}
	return false
}

// eventType is the schema of one documented type of event, and its name as
// the document spells it.
type eventType struct {
	schema  *openapi3.Schema
	literal string
}

// eventTypes maps the event types an event schema documents to their
// schemas, when every branch names its type (an "event" property with a
// const, or an enum of one value); otherwise it is nil, and the event is
// held to the schema as a whole.
func eventTypes(schema *openapi3.Schema) map[string]eventType {
	branches := slices.Concat(schema.OneOf, schema.AnyOf)
	if len(branches) == 0 {
		branches = openapi3.SchemaRefs{openapi3.NewSchemaRef("", schema)}
	}
	types := map[string]eventType{}
	for _, branch := range branches {
		if branch.Value == nil {
			return nil
		}
		literal, ok := eventName(branch.Value)
		if !ok {
			return nil
		}
		types[cmp.Or(literal, defaultEventType)] = eventType{schema: branch.Value, literal: literal}
	}
	return types
}

// eventName is the const of an event schema's "event" property.
func eventName(schema *openapi3.Schema) (string, bool) {
	property := schema.Properties["event"]
	if property == nil || property.Value == nil {
		return "", false
	}
	if name, ok := property.Value.Const.(string); ok {
		return name, true
	}
	if len(property.Value.Enum) == 1 {
		name, ok := property.Value.Enum[0].(string)
		return name, ok
	}
	return "", false
}

// eventObject is an event as the object its schema describes: the data
// decoded as JSON (or kept as text when it is not JSON), and the fields the
// event carried, numbers where they are numbers.
func eventObject(event Event) map[string]any {
	object := map[string]any{"data": jsonOrText(event.Data)}
	if event.Type != "" {
		object["event"] = event.Type
	}
	if event.ID != "" {
		object["id"] = numberOrText(event.ID)
	}
	if event.Retry != "" {
		object["retry"] = numberOrText(event.Retry)
	}
	return object
}

func jsonOrText(data string) any {
	var value any
	if err := json.Unmarshal([]byte(data), &value); err != nil {
		return data
	}
	return value
}

func numberOrText(text string) any {
	if n, err := strconv.ParseFloat(text, 64); err == nil {
		return n
	}
	return text
}

// describeEvent quotes an event as it was sent.
func describeEvent(event Event) string {
	var b strings.Builder
	if event.Type != "" {
		fmt.Fprintf(&b, "event: %s, ", event.Type)
	}
	fmt.Fprintf(&b, "data: %s", excerpt([]byte(event.Data)))
	return b.String()
}
