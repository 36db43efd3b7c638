package frameworktest

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/url"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"pgregory.net/rapid"
)

// maxDepth bounds the nesting of generated values.
const maxDepth = 4

// generateRequest draws a request for op: its parameters and body follow
// their schemas, except that now and then one is replaced by something that
// does not (a malformed value the App must answer with a 4xx, not a 5xx).
//
// Entity tags the App sent earlier in the case are reused for the
// conditional request headers (If-Match, If-None-Match) half of the time,
// so that 304s and guarded updates are reached, not only 412s.
//
// A parameter that supplied reports the client's defaults send (such as an
// API key in a query parameter) is left to them.
func generateRequest(t *rapid.T, o operation, seen *memory, supplied func(in, name string) bool) *http.Request {
	path := o.path
	query := url.Values{}
	header := http.Header{}
	var cookies []string
	for _, ref := range o.parameters {
		p := ref.Value
		if p == nil || supplied(p.In, p.Name) {
			continue
		}
		if p.In != openapi3.ParameterInPath && !p.Required && !rapid.Bool().Draw(t, "send "+p.Name) {
			continue
		}
		values := drawParameter(t, p)
		if p.In == openapi3.ParameterInPath && len(seen.fields[p.Name]) > 0 &&
			drawReuse(t, p.Name+" reuses a value the App returned") {
			values = []string{rapid.SampledFrom(seen.fields[p.Name]).Draw(t, p.Name)}
		}
		if p.In == openapi3.ParameterInHeader && isETagCondition(p.Name) && len(seen.etags) > 0 &&
			drawReuse(t, p.Name+" reuses an entity tag") {
			values = []string{rapid.SampledFrom(seen.etags).Draw(t, p.Name)}
		}
		switch p.In {
		case openapi3.ParameterInPath:
			path = strings.Replace(path, "{"+p.Name+"}", url.PathEscape(strings.Join(values, ",")), 1)
		case openapi3.ParameterInQuery:
			if p.Explode != nil && !*p.Explode {
				values = []string{strings.Join(values, ",")}
			}
			query[p.Name] = values
		case openapi3.ParameterInHeader:
			header.Set(p.Name, strings.Map(printableASCII, strings.Join(values, ",")))
		case openapi3.ParameterInCookie:
			for i, value := range values {
				values[i] = strings.Map(cookieOctet, value)
			}
			cookies = append(cookies, p.Name+"="+strings.Join(values, ","))
		}
	}
	if len(cookies) > 0 {
		header.Set("Cookie", strings.Join(cookies, "; "))
	}
	target := path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	body, contentType := drawBody(t, o.op.RequestBody)
	req, err := http.NewRequest(o.method, target, body)
	if err != nil {
		t.Fatalf("frameworktest: cannot build a request for %s %s: %v", o.method, target, err)
	}
	for name, values := range header {
		req.Header[name] = values
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return req
}

// drawReuse decides whether a parameter takes a value the App returned
// earlier in the case: most of the time, so that sequences such as create,
// read, then update with the read's entity tag are common.
func drawReuse(t *rapid.T, label string) bool {
	return rapid.IntRange(0, 4).Draw(t, label+" (0 = no)") > 0
}

// memory is what a case has seen from the App so far.
type memory struct {
	etags  []string
	fields map[string][]string // values of the top-level fields of JSON bodies, by name
}

// remember keeps what a response tells about the App's state: its entity
// tag, and the scalar fields of its JSON object (or array of objects), so
// that an "id" the App returned can come back as the {id} of a path.
func (m *memory) remember(resp *http.Response) {
	if etag := resp.Header.Get("ETag"); etag != "" && !slices.Contains(m.etags, etag) {
		m.etags = append(m.etags, etag)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode >= 300 {
		return
	}
	var decoded any
	if json.Unmarshal(body, &decoded) != nil {
		return
	}
	objects, ok := decoded.([]any)
	if !ok {
		objects = []any{decoded}
	}
	for _, item := range objects {
		object, _ := item.(map[string]any)
		for name, value := range object {
			switch value.(type) {
			case string, float64, bool:
				text := formatScalar(value)
				if m.fields == nil {
					m.fields = map[string][]string{}
				}
				if !slices.Contains(m.fields[name], text) {
					m.fields[name] = append(m.fields[name], text)
				}
			}
		}
	}
}

// isETagCondition reports whether a request header carries entity tags to
// compare (RFC 9110 sections 13.1.1 and 13.1.2).
func isETagCondition(name string) bool {
	return strings.EqualFold(name, "If-Match") || strings.EqualFold(name, "If-None-Match")
}

// drawParameter draws the values of a parameter in OpenAPI's simple and
// form styles: one value, or one per item of an array.
func drawParameter(t *rapid.T, p *openapi3.Parameter) []string {
	label := p.In + " " + p.Name
	if !drawValid(t, label) {
		return []string{rapid.SampledFrom(malformedText).Draw(t, label)}
	}
	var schema *openapi3.Schema
	if p.Schema != nil {
		schema = p.Schema.Value
	}
	value := drawValue(t, schema, label, 0)
	if items, ok := value.([]any); ok {
		out := make([]string, len(items))
		for i, item := range items {
			out[i] = formatScalar(item)
		}
		return out
	}
	return []string{formatScalar(value)}
}

// malformedText is what a generated parameter sometimes is instead of a
// value of its schema.
var malformedText = []string{"", "-1", "0", "abc", "1.5", "99999999999999999999999", "1e309", "null", "true", "%", "../x", " "}

// drawValid decides whether a part of the request follows its schema: most
// of the time it does.
func drawValid(t *rapid.T, label string) bool {
	return rapid.IntRange(0, 9).Draw(t, label+" follows its schema (0 = no)") > 0
}

// drawBody draws a JSON body for a documented request body, or none.
func drawBody(t *rapid.T, ref *openapi3.RequestBodyRef) (io.Reader, string) {
	if ref == nil || ref.Value == nil {
		return nil, ""
	}
	media := ref.Value.Content.Get("application/json")
	if media == nil {
		return nil, ""
	}
	if !ref.Value.Required && !rapid.Bool().Draw(t, "send a body") {
		return nil, ""
	}
	if !drawValid(t, "body") {
		raw := rapid.SampledFrom([]string{"", "{", "null", "[]", `"text"`, "42", `{"name": 1}`}).Draw(t, "body")
		return bytes.NewReader([]byte(raw)), "application/json"
	}
	var schema *openapi3.Schema
	if media.Schema != nil {
		schema = media.Schema.Value
	}
	data, err := json.Marshal(drawValue(t, schema, "body", 0))
	if err != nil {
		t.Fatalf("frameworktest: cannot encode a generated body: %v", err)
	}
	return bytes.NewReader(data), "application/json"
}

// drawValue draws a JSON value that schema accepts.
func drawValue(t *rapid.T, schema *openapi3.Schema, label string, depth int) any {
	switch {
	case schema == nil:
		return rapid.SampledFrom([]any{nil, true, 1.0, "x"}).Draw(t, label)
	case len(schema.Enum) > 0:
		return rapid.SampledFrom(schema.Enum).Draw(t, label)
	case schema.Const != nil:
		return schema.Const
	case len(schema.OneOf) > 0:
		return drawValue(t, rapid.SampledFrom(schema.OneOf).Draw(t, label+" oneOf").Value, label, depth)
	case len(schema.AnyOf) > 0:
		return drawValue(t, rapid.SampledFrom(schema.AnyOf).Draw(t, label+" anyOf").Value, label, depth)
	case len(schema.AllOf) == 1:
		return drawValue(t, schema.AllOf[0].Value, label, depth)
	}
	types := schema.Type.Slice()
	if len(types) == 0 {
		switch {
		case len(schema.Properties) > 0:
			types = []string{openapi3.TypeObject}
		case schema.Items != nil:
			types = []string{openapi3.TypeArray}
		default:
			return drawValue(t, nil, label, depth)
		}
	}
	switch rapid.SampledFrom(types).Draw(t, label+" type") {
	case openapi3.TypeBoolean:
		return rapid.Bool().Draw(t, label)
	case openapi3.TypeInteger:
		low, high := bounds(schema, -1000, 1000)
		lo, hi := int64(math.Ceil(low)), int64(math.Floor(high))
		if rapid.Bool().Draw(t, label+" near its minimum") {
			hi = min(hi, lo+9) // IDs and counts that exist are mostly small
		}
		return rapid.Int64Range(lo, hi).Draw(t, label)
	case openapi3.TypeNumber:
		low, high := bounds(schema, -1000, 1000)
		return rapid.Float64Range(low, high).Draw(t, label)
	case openapi3.TypeString:
		return drawString(t, schema, label)
	case openapi3.TypeArray:
		return drawArray(t, schema, label, depth)
	case openapi3.TypeObject:
		return drawObject(t, schema, label, depth)
	}
	return nil // "null"
}

// bounds are a number schema's inclusive bounds, defaulting to low and high
// (and kept within them when the schema allows more).
func bounds(schema *openapi3.Schema, low, high float64) (float64, float64) {
	if schema.Min != nil {
		low = *schema.Min
		if schema.ExclusiveMin.IsTrue() {
			low = math.Nextafter(low, math.Inf(1))
		}
	}
	if v := schema.ExclusiveMin.Value; v != nil && *v >= low {
		low = math.Nextafter(*v, math.Inf(1))
	}
	if schema.Max != nil {
		high = *schema.Max
		if schema.ExclusiveMax.IsTrue() {
			high = math.Nextafter(high, math.Inf(-1))
		}
	}
	if v := schema.ExclusiveMax.Value; v != nil && *v <= high {
		high = math.Nextafter(*v, math.Inf(-1))
	}
	if schema.Min != nil && schema.Max == nil {
		high = math.Max(high, low+1000)
	}
	if schema.Max != nil && schema.Min == nil {
		low = math.Min(low, high-1000)
	}
	if schema.Type.Is(openapi3.TypeInteger) && math.Floor(high) < math.Ceil(low) {
		high = math.Ceil(low) // no integer in range: send the nearest one
	}
	return low, math.Max(low, high)
}

func drawString(t *rapid.T, schema *openapi3.Schema, label string) string {
	switch schema.Format {
	case "date-time":
		return time.Unix(rapid.Int64Range(0, 4102444800).Draw(t, label), 0).UTC().Format(time.RFC3339)
	case "date":
		return time.Unix(rapid.Int64Range(0, 4102444800).Draw(t, label), 0).UTC().Format(time.DateOnly)
	case "email":
		return rapid.StringMatching(`[a-z]{1,8}@example\.com`).Draw(t, label)
	case "uri", "url":
		return rapid.StringMatching(`https://example\.com/[a-z]{0,8}`).Draw(t, label)
	case "uuid":
		return rapid.StringMatching(`[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`).Draw(t, label)
	}
	if schema.Pattern != "" {
		if _, err := syntax.Parse(schema.Pattern, syntax.Perl); err == nil {
			return rapid.StringMatching(schema.Pattern).Draw(t, label)
		}
	}
	minRunes, maxRunes := int(schema.MinLength), int(schema.MinLength)+16
	if schema.MaxLength != nil {
		maxRunes = min(maxRunes, int(*schema.MaxLength))
	}
	return rapid.StringOfN(rapid.Rune(), minRunes, max(minRunes, maxRunes), -1).Draw(t, label)
}

func drawArray(t *rapid.T, schema *openapi3.Schema, label string, depth int) []any {
	minItems, maxItems := int(schema.MinItems), int(schema.MinItems)+4
	if schema.MaxItems != nil {
		maxItems = min(maxItems, int(*schema.MaxItems))
	}
	if depth >= maxDepth {
		maxItems = minItems
	}
	var items *openapi3.Schema
	if schema.Items != nil {
		items = schema.Items.Value
	}
	n := rapid.IntRange(minItems, max(minItems, maxItems)).Draw(t, label+" length")
	out := make([]any, n)
	for i := range out {
		out[i] = drawValue(t, items, label+"["+strconv.Itoa(i)+"]", depth+1)
	}
	return out
}

func drawObject(t *rapid.T, schema *openapi3.Schema, label string, depth int) map[string]any {
	names := make([]string, 0, len(schema.Properties))
	for name := range schema.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	out := map[string]any{}
	for _, name := range names {
		property := schema.Properties[name].Value
		if property == nil || property.ReadOnly {
			continue
		}
		required := slices.Contains(schema.Required, name)
		if !required && (depth >= maxDepth || !rapid.Bool().Draw(t, label+"."+name+" present")) {
			continue
		}
		out[name] = drawValue(t, property, label+"."+name, depth+1)
	}
	return out
}

// formatScalar writes a drawn value as parameter text.
func formatScalar(value any) string {
	switch v := value.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	data, _ := json.Marshal(value)
	return string(data)
}

// printableASCII keeps a header value sendable: other runes are dropped.
func printableASCII(r rune) rune {
	if r < 0x20 || r > 0x7e {
		return -1
	}
	return r
}

// cookieOctet keeps a rune a cookie value may hold as it is (RFC 6265,
// section 4.1.1: printable ASCII but space, '"', ',', ';' and '\\') and
// turns any other into '_'. The items of an array parameter are then joined
// with commas, as OpenAPI's form style says; RFC 6265 has no place for
// them, but Go's cookie parser and Huma read them.
func cookieOctet(r rune) rune {
	if r <= ' ' || r >= 0x7f || strings.ContainsRune("\",;\\", r) {
		return '_'
	}
	return r
}
