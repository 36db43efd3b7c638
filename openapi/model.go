package openapi

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// modelTree builds the JSON tree of doc straight from Huma's model: the
// members and values Huma's MarshalJSON methods write, without encoding the
// document and decoding it again (that round trip was most of the cost of
// the first /openapi.json of a large API). Members are added in no
// particular order; arrange orders them. It departs from Huma's output in
// one place: a nil schema registry is left out instead of written as null.
//
// What the model holds as `any` (examples, defaults, extensions, link
// parameters) is encoded as encoding/json encodes it, so a value of the
// application's own type keeps its MarshalJSON. A value encoding/json
// refuses (a channel, NaN) is an error, as it is for Huma.
func modelTree(doc *huma.OpenAPI) (any, error) {
	var b builder
	tree := b.document(doc)
	return tree, b.err
}

// builder converts Huma's model objects into tree values. Each method
// mirrors the MarshalJSON method of its type: the same members, left out
// under the same conditions (omitempty, or only when nil).
type builder struct {
	err error // the first value encoding/json refused
}

func (b *builder) document(d *huma.OpenAPI) any {
	if d == nil {
		return nil
	}
	o := newObject(10)
	o.add("openapi", d.OpenAPI)
	o.add("info", b.info(d.Info))
	o.addString("jsonSchemaDialect", d.JSONSchemaDialect)
	addList(o, "servers", d.Servers, b.server)
	addMap(o, "paths", d.Paths, b.pathItem)
	addMap(o, "webhooks", d.Webhooks, b.pathItem)
	if d.Components != nil {
		o.add("components", b.components(d.Components))
	}
	if d.Security != nil {
		o.add("security", securityRequirements(d.Security))
	}
	addList(o, "tags", d.Tags, b.tag)
	if d.ExternalDocs != nil {
		o.add("externalDocs", b.externalDocs(d.ExternalDocs))
	}
	return b.extend(o, d.Extensions)
}

func (b *builder) info(i *huma.Info) any {
	if i == nil {
		return nil
	}
	o := newObject(4)
	o.add("title", i.Title)
	o.addString("description", i.Description)
	o.addString("termsOfService", i.TermsOfService)
	if i.Contact != nil {
		o.add("contact", b.contact(i.Contact))
	}
	if i.License != nil {
		o.add("license", b.license(i.License))
	}
	o.add("version", i.Version)
	return b.extend(o, i.Extensions)
}

func (b *builder) contact(c *huma.Contact) any {
	o := newObject(3)
	o.addString("name", c.Name)
	o.addString("url", c.URL)
	o.addString("email", c.Email)
	return b.extend(o, c.Extensions)
}

func (b *builder) license(l *huma.License) any {
	o := newObject(3)
	o.add("name", l.Name)
	o.addString("identifier", l.Identifier)
	o.addString("url", l.URL)
	return b.extend(o, l.Extensions)
}

func (b *builder) server(s *huma.Server) any {
	if s == nil {
		return nil
	}
	o := newObject(3)
	o.add("url", s.URL)
	o.addString("description", s.Description)
	addMap(o, "variables", s.Variables, b.serverVariable)
	return b.extend(o, s.Extensions)
}

func (b *builder) serverVariable(v *huma.ServerVariable) any {
	if v == nil {
		return nil
	}
	o := newObject(3)
	addList(o, "enum", v.Enum, asString)
	o.add("default", v.Default)
	o.addString("description", v.Description)
	return b.extend(o, v.Extensions)
}

func (b *builder) pathItem(p *huma.PathItem) any {
	if p == nil {
		return nil
	}
	o := newObject(4)
	o.addString("$ref", p.Ref)
	o.addString("summary", p.Summary)
	o.addString("description", p.Description)
	for _, op := range []struct {
		method string
		op     *huma.Operation
	}{
		{"get", p.Get}, {"put", p.Put}, {"post", p.Post}, {"delete", p.Delete},
		{"options", p.Options}, {"head", p.Head}, {"patch", p.Patch}, {"trace", p.Trace},
	} {
		if op.op != nil {
			o.add(op.method, b.operation(op.op))
		}
	}
	addList(o, "servers", p.Servers, b.server)
	addList(o, "parameters", p.Parameters, b.param)
	return b.extend(o, p.Extensions)
}

func (b *builder) operation(op *huma.Operation) any {
	o := newObject(8)
	addList(o, "tags", op.Tags, asString)
	o.addString("summary", op.Summary)
	o.addString("description", op.Description)
	if op.ExternalDocs != nil {
		o.add("externalDocs", b.externalDocs(op.ExternalDocs))
	}
	o.addString("operationId", op.OperationID)
	addList(o, "parameters", op.Parameters, b.param)
	if op.RequestBody != nil {
		o.add("requestBody", b.requestBody(op.RequestBody))
	}
	addMap(o, "responses", op.Responses, b.response)
	if len(op.Callbacks) > 0 {
		o.add("callbacks", namedMap(op.Callbacks, func(c map[string]*huma.PathItem) any {
			return namedMap(c, b.pathItem)
		}))
	}
	o.addBool("deprecated", op.Deprecated)
	if op.Security != nil {
		o.add("security", securityRequirements(op.Security))
	}
	addList(o, "servers", op.Servers, b.server)
	return b.extend(o, op.Extensions)
}

func (b *builder) externalDocs(e *huma.ExternalDocs) any {
	o := newObject(2)
	o.addString("description", e.Description)
	o.add("url", e.URL)
	return b.extend(o, e.Extensions)
}

// param is a Parameter, and a Header (huma.Header is huma.Param).
func (b *builder) param(p *huma.Param) any {
	if p == nil {
		return nil
	}
	o := newObject(6)
	o.addString("$ref", p.Ref)
	o.addString("name", p.Name)
	o.addString("in", p.In)
	o.addString("description", p.Description)
	o.addBool("required", p.Required)
	o.addBool("deprecated", p.Deprecated)
	o.addBool("allowEmptyValue", p.AllowEmptyValue)
	o.addString("style", p.Style)
	if p.Explode != nil {
		o.add("explode", *p.Explode)
	}
	o.addBool("allowReserved", p.AllowReserved)
	if p.Schema != nil {
		o.add("schema", b.schema(p.Schema))
	}
	if !isNil(p.Example) {
		o.add("example", b.value(p.Example))
	}
	addMap(o, "examples", p.Examples, b.example)
	return b.extend(o, p.Extensions)
}

func (b *builder) requestBody(r *huma.RequestBody) any {
	if r == nil {
		return nil
	}
	o := newObject(3)
	o.addString("$ref", r.Ref)
	o.addString("description", r.Description)
	o.add("content", namedMap(r.Content, b.mediaType))
	o.addBool("required", r.Required)
	return b.extend(o, r.Extensions)
}

func (b *builder) mediaType(m *huma.MediaType) any {
	if m == nil {
		return nil
	}
	o := newObject(2)
	if m.Schema != nil {
		o.add("schema", b.schema(m.Schema))
	}
	if !isNil(m.Example) {
		o.add("example", b.value(m.Example))
	}
	addMap(o, "examples", m.Examples, b.example)
	addMap(o, "encoding", m.Encoding, b.encoding)
	return b.extend(o, m.Extensions)
}

func (b *builder) encoding(e *huma.Encoding) any {
	if e == nil {
		return nil
	}
	o := newObject(3)
	o.addString("contentType", e.ContentType)
	addMap(o, "headers", e.Headers, b.param)
	o.addString("style", e.Style)
	if e.Explode != nil {
		o.add("explode", *e.Explode)
	}
	o.addBool("allowReserved", e.AllowReserved)
	return b.extend(o, e.Extensions)
}

func (b *builder) example(e *huma.Example) any {
	if e == nil {
		return nil
	}
	o := newObject(3)
	o.addString("$ref", e.Ref)
	o.addString("summary", e.Summary)
	o.addString("description", e.Description)
	if !isNil(e.Value) {
		o.add("value", b.value(e.Value))
	}
	o.addString("externalValue", e.ExternalValue)
	return b.extend(o, e.Extensions)
}

func (b *builder) response(r *huma.Response) any {
	if r == nil {
		return nil
	}
	o := newObject(3)
	o.addString("$ref", r.Ref)
	o.addString("description", r.Description)
	addMap(o, "headers", r.Headers, b.param)
	addMap(o, "content", r.Content, b.mediaType)
	addMap(o, "links", r.Links, b.link)
	return b.extend(o, r.Extensions)
}

func (b *builder) link(l *huma.Link) any {
	if l == nil {
		return nil
	}
	o := newObject(3)
	o.addString("$ref", l.Ref)
	o.addString("operationRef", l.OperationRef)
	o.addString("operationId", l.OperationID)
	if len(l.Parameters) > 0 {
		o.add("parameters", b.value(l.Parameters))
	}
	if !isNil(l.RequestBody) {
		o.add("requestBody", b.value(l.RequestBody))
	}
	o.addString("description", l.Description)
	if l.Server != nil {
		o.add("server", b.server(l.Server))
	}
	return b.extend(o, l.Extensions)
}

func (b *builder) tag(t *huma.Tag) any {
	if t == nil {
		return nil
	}
	o := newObject(2)
	o.add("name", t.Name)
	o.addString("description", t.Description)
	if t.ExternalDocs != nil {
		o.add("externalDocs", b.externalDocs(t.ExternalDocs))
	}
	return b.extend(o, t.Extensions)
}

func (b *builder) components(c *huma.Components) any {
	o := newObject(2)
	// Huma writes "schemas": null for a nil registry, which no version of
	// OpenAPI allows; the one place the tree leaves Huma's output.
	if !isNil(c.Schemas) {
		o.add("schemas", b.registry(c.Schemas))
	}
	addMap(o, "responses", c.Responses, b.response)
	addMap(o, "parameters", c.Parameters, b.param)
	addMap(o, "examples", c.Examples, b.example)
	addMap(o, "requestBodies", c.RequestBodies, b.requestBody)
	addMap(o, "headers", c.Headers, b.param)
	addMap(o, "securitySchemes", c.SecuritySchemes, b.securityScheme)
	addMap(o, "links", c.Links, b.link)
	addMap(o, "callbacks", c.Callbacks, b.pathItem)
	addMap(o, "pathItems", c.PathItems, b.pathItem)
	return b.extend(o, c.Extensions)
}

// mapRegistryType is the type of Huma's own registry, whose MarshalJSON
// writes its Map.
var mapRegistryType = reflect.TypeOf(huma.NewMapRegistry(componentSchemasPath, huma.DefaultSchemaNamer))

func (b *builder) registry(r huma.Registry) any {
	if reflect.TypeOf(r) != mapRegistryType {
		return b.value(r) // a registry of the application's own encodes itself
	}
	return namedMap(r.Map(), b.schema)
}

func (b *builder) securityScheme(s *huma.SecurityScheme) any {
	if s == nil {
		return nil
	}
	o := newObject(3)
	o.add("type", s.Type)
	o.addString("description", s.Description)
	o.addString("name", s.Name)
	o.addString("in", s.In)
	o.addString("scheme", s.Scheme)
	o.addString("bearerFormat", s.BearerFormat)
	if s.Flows != nil {
		o.add("flows", b.oauthFlows(s.Flows))
	}
	o.addString("openIdConnectUrl", s.OpenIDConnectURL)
	return b.extend(o, s.Extensions)
}

func (b *builder) oauthFlows(f *huma.OAuthFlows) any {
	o := newObject(1)
	for _, flow := range []struct {
		name string
		flow *huma.OAuthFlow
	}{
		{"implicit", f.Implicit}, {"password", f.Password},
		{"clientCredentials", f.ClientCredentials}, {"authorizationCode", f.AuthorizationCode},
	} {
		if flow.flow != nil {
			o.add(flow.name, b.oauthFlow(flow.flow))
		}
	}
	return b.extend(o, f.Extensions)
}

func (b *builder) oauthFlow(f *huma.OAuthFlow) any {
	o := newObject(3)
	o.addString("authorizationUrl", f.AuthorizationURL)
	o.add("tokenUrl", f.TokenURL)
	o.addString("refreshUrl", f.RefreshURL)
	o.add("scopes", namedMap(f.Scopes, asString))
	return b.extend(o, f.Extensions)
}

// extend adds a model object's extensions to o. Like Huma, an extension
// replaces a fixed member of the same name.
func (b *builder) extend(o *object, extensions map[string]any) *object {
	for key, value := range extensions {
		o.set(key, b.value(value))
	}
	return o
}

// value converts a value the model holds as `any`. The common JSON shapes
// are converted directly; anything else is encoded with encoding/json and
// read back, which is what Huma's MarshalJSON does with it.
func (b *builder) value(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string, bool:
		return v
	case int:
		return json.Number(strconv.Itoa(v))
	case *huma.Schema:
		return b.schema(v)
	case []any:
		return listOf(v, b.value)
	case map[string]any:
		return namedMap(v, b.value)
	}
	raw, err := json.Marshal(v)
	if err == nil {
		var tree any
		if tree, err = decodeTree(raw); err == nil {
			return tree
		}
	}
	if b.err == nil {
		b.err = err
	}
	return nil
}

func newObject(capacity int) *object {
	return &object{members: make([]member, 0, capacity)}
}

// add appends a member; the caller knows the key is not there yet.
func (o *object) add(key string, value any) {
	o.members = append(o.members, member{key, value})
}

// addString adds a string member unless it is empty (omitempty).
func (o *object) addString(key, value string) {
	if value != "" {
		o.add(key, value)
	}
}

// addBool adds a boolean member when it is true (omitempty).
func (o *object) addBool(key string, value bool) {
	if value {
		o.add(key, true)
	}
}

// namedMap converts a map with its keys sorted, as encoding/json writes a
// map; a nil map is null.
func namedMap[V any](m map[string]V, convert func(V) any) any {
	if m == nil {
		return nil
	}
	o := newObject(len(m))
	for _, key := range slices.Sorted(maps.Keys(m)) {
		o.add(key, convert(m[key]))
	}
	return o
}

// listOf converts a slice; a nil slice is null.
func listOf[V any](items []V, convert func(V) any) any {
	if items == nil {
		return nil
	}
	list := make([]any, len(items))
	for i, item := range items {
		list[i] = convert(item)
	}
	return list
}

// addMap adds a map member unless the map is empty (omitempty).
func addMap[V any](o *object, key string, m map[string]V, convert func(V) any) {
	if len(m) > 0 {
		o.add(key, namedMap(m, convert))
	}
}

// addList adds a list member unless the list is empty (omitempty).
func addList[V any](o *object, key string, items []V, convert func(V) any) {
	if len(items) > 0 {
		o.add(key, listOf(items, convert))
	}
}

func asString(s string) any { return s }

func stringList(items []string) any { return listOf(items, asString) }

func securityRequirements(requirements []map[string][]string) any {
	return listOf(requirements, func(r map[string][]string) any {
		return namedMap(r, stringList)
	})
}

// isNil reports whether v is nil or holds a nil pointer, map, slice,
// interface, channel or function: Huma leaves such members out.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return rv.IsNil()
	}
	return false
}
