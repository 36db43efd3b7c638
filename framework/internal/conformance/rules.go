package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// problemMediaType is the media type of RFC 9457 problem details.
const problemMediaType = "application/problem+json"

// documentedResponse is the response the document gives for status: the
// exact code, else its range ("4XX"), else "default"; nil when none.
func documentedResponse(op *openapi3.Operation, status int) *openapi3.Response {
	if op.Responses == nil {
		return nil
	}
	ref := op.Responses.Status(status)
	if ref == nil {
		ref = op.Responses.Default()
	}
	if ref == nil {
		return nil
	}
	return ref.Value
}

// documentedStatuses lists an operation's response keys: "200 OK, 4XX, default".
func documentedStatuses(op *openapi3.Operation) string {
	if op.Responses == nil || op.Responses.Len() == 0 {
		return "no responses"
	}
	keys := op.Responses.Keys()
	slices.Sort(keys) // codes, then ranges within their class, then "default"
	names := make([]string, len(keys))
	for i, key := range keys {
		names[i] = key
		var code int
		if _, err := fmt.Sscanf(key, "%d", &code); err == nil && len(key) == 3 {
			names[i] = statusName(code)
		}
	}
	return strings.Join(names, ", ")
}

// checkBodiless reports a body on a status that must not have one and
// tells whether the content checks apply.
func (v *verdict) checkBodiless() bool {
	if v.bodyAllowed(v.resp.Status) {
		return true
	}
	status := v.resp.Status
	if len(v.resp.Body) > 0 {
		v.add(RuleBodiless, fmt.Sprintf("a %s response must not have a body (RFC 9110)", statusName(status)),
			"no content", describeBody(v.resp.Header, v.resp.Body))
	} else if contentType := v.resp.Header.Get("Content-Type"); contentType != "" {
		v.add(RuleBodiless, fmt.Sprintf("a %s response has no content for a Content-Type to describe", statusName(status)),
			"no Content-Type", "Content-Type: "+contentType)
	}
	if length := v.resp.Header.Get("Content-Length"); length != "" && (status < 200 || status == http.StatusNoContent) {
		v.add(RuleBodiless, fmt.Sprintf("a %s response must not send Content-Length (RFC 9110, section 8.6)", statusName(status)),
			"no Content-Length", "Content-Length: "+length)
	}
	return false
}

// checkProblem checks that an error (4xx or 5xx) is RFC 9457 problem
// details: application/problem+json, a JSON object whose members have the
// types the RFC gives them and whose "status" is the status sent. It tells
// whether the content checks may go on.
func (v *verdict) checkProblem(documented *openapi3.Response) bool {
	if v.resp.Status < 400 {
		return true
	}
	if documented != nil && len(documented.Content) > 0 && documented.Content.Get(problemMediaType) == nil {
		return true // the document chose another media type; checkContent holds the response to it
	}
	const what = "application/problem+json (RFC 9457)"
	mediaType := baseMediaType(v.resp.Header.Get("Content-Type"))
	if mediaType != problemMediaType {
		sent := describeBody(v.resp.Header, v.resp.Body)
		if v.req.Method == http.MethodHead || len(v.resp.Body) == 0 {
			sent = "Content-Type: " + orNone(v.resp.Header.Get("Content-Type"))
		}
		v.add(RuleProblem, "the error is not problem details", what, sent)
		return false
	}
	if v.req.Method == http.MethodHead || v.headOnly {
		return true
	}
	var members map[string]any
	if err := json.Unmarshal(v.resp.Body, &members); err != nil || members == nil {
		v.add(RuleProblem, "the problem details are not a JSON object", what, describeBody(v.resp.Header, v.resp.Body))
		return false
	}
	if status, ok := members["status"]; ok {
		if n, isNumber := status.(float64); !isNumber || int(n) != v.resp.Status || n != float64(int(n)) {
			v.add(RuleProblem, `the problem's "status" member is not the status sent`,
				fmt.Sprintf(`"status": %d`, v.resp.Status), fmt.Sprintf(`"status": %s`, jsonText(status)))
		}
	}
	for _, name := range []string{"type", "title", "detail", "instance"} {
		if value, ok := members[name]; ok {
			if _, isString := value.(string); !isString {
				v.add(RuleProblem, fmt.Sprintf("the problem's %q member is not a string", name),
					fmt.Sprintf("%q: a string", name), fmt.Sprintf("%q: %s", name, jsonText(value)))
			}
		}
	}
	return true
}

// checkContent checks the Content-Type and the body against the content the
// document lists for the response.
func (v *verdict) checkContent(documented *openapi3.Response) {
	head := v.req.Method == http.MethodHead
	contentType := v.resp.Header.Get("Content-Type")
	stream := baseMediaType(contentType) == EventStreamMediaType
	if len(documented.Content) == 0 {
		if len(v.resp.Body) > 0 {
			v.add(RuleBody, "the documented response has no content, but a body was sent",
				"no content", describeBody(v.resp.Header, v.resp.Body))
		} else if v.headOnly && contentType != "" {
			v.add(RuleBody, "the documented response has no content, but content is being sent",
				"no content", "Content-Type: "+contentType)
		}
		return
	}
	listed := mediaTypes(documented.Content)
	// An event stream may end before its first event.
	if !head && !v.headOnly && !stream && len(v.resp.Body) == 0 {
		v.add(RuleBody, "the documented response has content, but no body was sent", listed, "no body")
		return
	}
	if head && contentType == "" {
		return // a HEAD response need not describe the content it omits
	}
	media := documented.Content.Get(contentType)
	if contentType == "" || media == nil {
		v.add(RuleContentType, "the Content-Type is not one the document lists for this status",
			listed, "Content-Type: "+orNone(contentType))
		return
	}
	if head || v.headOnly || media.Schema == nil || media.Schema.Value == nil {
		return
	}
	if stream {
		v.checkEventStream(media.Schema.Value)
		return
	}
	value, err := decodeBody(contentType, v.resp.Header, v.resp.Body, media.Schema)
	if errors.Is(err, errNoDecoder) {
		return // the schema cannot be applied to this media type
	}
	if err != nil {
		v.add(RuleBody, fmt.Sprintf("the body is not valid %s", baseMediaType(contentType)),
			listed, describeBody(v.resp.Header, v.resp.Body))
		return
	}
	for _, e := range v.validate(media.Schema.Value, value) {
		at := "/" + strings.Join(e.JSONPointer(), "/")
		sent := "nothing"
		if found, ok := valueAt(value, e.JSONPointer()); ok {
			sent = jsonText(found)
		}
		v.add(RuleBody, fmt.Sprintf("the body does not match the schema at %s: %s", at, schemaReason(e)), schemaKeyword(e), sent)
	}
}

// validate applies schema to value as kin-openapi validates responses, and
// returns each failure.
func (v *verdict) validate(schema *openapi3.Schema, value any) []*openapi3.SchemaError {
	options := []openapi3.SchemaValidationOption{openapi3.MultiErrors(), openapi3.VisitAsResponse()}
	if v.jsonSchema2020 {
		options = append(options, openapi3.EnableJSONSchema2020())
	}
	err := schema.VisitJSON(value, options...)
	if err == nil {
		return nil
	}
	var failures []*openapi3.SchemaError
	collectSchemaErrors(err, &failures)
	if len(failures) == 0 {
		failures = append(failures, &openapi3.SchemaError{Reason: err.Error()})
	}
	// The validator visits properties in map order: report in a stable one.
	slices.SortStableFunc(failures, func(a, b *openapi3.SchemaError) int {
		if c := slices.Compare(a.JSONPointer(), b.JSONPointer()); c != 0 {
			return c
		}
		return strings.Compare(a.Reason, b.Reason)
	})
	return failures
}

func collectSchemaErrors(err error, out *[]*openapi3.SchemaError) {
	var multi openapi3.MultiError
	if errors.As(err, &multi) {
		for _, e := range multi {
			collectSchemaErrors(e, out)
		}
		return
	}
	var schemaErr *openapi3.SchemaError
	if errors.As(err, &schemaErr) {
		*out = append(*out, schemaErr)
	}
}

// schemaReason is what a schema failure says the document requires, without
// the schema dump kin-openapi appends to its messages.
func schemaReason(e *openapi3.SchemaError) string {
	if e.Reason != "" {
		// The JSON Schema 2020-12 validator (OpenAPI 3.1) puts where the
		// value is in front of the reason; the violation says it already.
		return locationPrefix.ReplaceAllString(e.Reason, "")
	}
	if e.SchemaField != "" {
		return fmt.Sprintf("the schema's %q keyword", e.SchemaField)
	}
	msg, _, _ := strings.Cut(e.Error(), "\nSchema:")
	return msg
}

// locationPrefix matches the `error at "/price": at '/price': ` that starts
// the reasons of kin-openapi's JSON Schema 2020-12 validator.
var locationPrefix = regexp.MustCompile(`^(error at "[^"]*": )?(at '[^']*': )?`)

// schemaKeyword quotes the keyword of the schema that failed, as the
// document has it: `"minimum": 0`. Without one, it gives the reason.
func schemaKeyword(e *openapi3.SchemaError) string {
	if e.Schema != nil && e.SchemaField != "" {
		data, err := json.Marshal(e.Schema)
		var keywords map[string]json.RawMessage
		if err == nil && json.Unmarshal(data, &keywords) == nil {
			if value, ok := keywords[e.SchemaField]; ok {
				return fmt.Sprintf("%q: %s", e.SchemaField, shorten(string(value)))
			}
		}
	}
	return schemaReason(e)
}

var errNoDecoder = errors.New("no decoder for the media type")

// decodeBody decodes a body with the decoder kin-openapi registers for its
// media type; JSON-based types ("+json") decode as JSON.
func decodeBody(contentType string, header http.Header, body []byte, schema *openapi3.SchemaRef) (any, error) {
	mediaType := baseMediaType(contentType)
	decoder := openapi3filter.RegisteredBodyDecoder(mediaType)
	if decoder == nil && strings.HasSuffix(mediaType, "+json") {
		decoder = openapi3filter.JSONBodyDecoder
	}
	if decoder == nil {
		return nil, errNoDecoder
	}
	return decoder(bytes.NewReader(body), header, schema, func(string) *openapi3.Encoding { return nil })
}

// valueAt finds the value a JSON Pointer (as path segments) points to.
func valueAt(value any, pointer []string) (any, bool) {
	for _, segment := range pointer {
		switch container := value.(type) {
		case map[string]any:
			next, ok := container[segment]
			if !ok {
				return nil, false
			}
			value = next
		case []any:
			var i int
			if _, err := fmt.Sscanf(segment, "%d", &i); err != nil || i < 0 || i >= len(container) {
				return nil, false
			}
			value = container[i]
		default:
			return nil, false
		}
	}
	return value, true
}

// mediaTypes lists the media types of content: "application/json or text/plain".
func mediaTypes(content openapi3.Content) string {
	keys := make([]string, 0, len(content))
	for key := range content {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return strings.Join(keys, " or ")
}

// baseMediaType is a Content-Type without its parameters, in lower case.
func baseMediaType(contentType string) string {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		base, _, _ := strings.Cut(contentType, ";")
		return strings.ToLower(strings.TrimSpace(base))
	}
	return mediaType
}

// jsonText writes a decoded JSON value back as JSON, shortened.
func jsonText(value any) string {
	data, err := json.Marshal(value)
	if err != nil {
		return fmt.Sprint(value)
	}
	return shorten(string(data))
}

// shorten cuts text to the excerpt limit.
func shorten(text string) string {
	if len(text) > excerptLimit {
		return text[:excerptLimit] + "..."
	}
	return text
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
