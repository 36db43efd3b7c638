package openapi

import (
	"strconv"
	"strings"
)

// kind names an OpenAPI object type. The walker uses it to know which keys an
// object has, in which order they are written, and which of them hold other
// OpenAPI objects.
type kind string

const (
	kindDocument       kind = "OpenAPI"
	kindInfo           kind = "Info"
	kindContact        kind = "Contact"
	kindLicense        kind = "License"
	kindServer         kind = "Server"
	kindServerVariable kind = "Server Variable"
	kindComponents     kind = "Components"
	kindPathItem       kind = "Path Item"
	kindOperation      kind = "Operation"
	kindExternalDocs   kind = "External Documentation"
	kindParameter      kind = "Parameter"
	kindRequestBody    kind = "Request Body"
	kindMediaType      kind = "Media Type"
	kindEncoding       kind = "Encoding"
	kindResponse       kind = "Response"
	kindCallback       kind = "Callback"
	kindExample        kind = "Example"
	kindLink           kind = "Link"
	kindHeader         kind = "Header"
	kindTag            kind = "Tag"
	kindReference      kind = "Reference"
	kindSchema         kind = "Schema"
	kindDiscriminator  kind = "Discriminator"
	kindSecurityScheme kind = "Security Scheme"
	kindOAuthFlows     kind = "OAuth Flows"
	kindOAuthFlow      kind = "OAuth Flow"
	kindXML            kind = "XML"
)

// shape says how a member holds objects of its kind.
type shape int

const (
	one   shape = iota // a single object
	list               // an array of objects
	mapOf              // an object whose values are objects, keyed by name
)

type child struct {
	kind  kind
	shape shape
}

// anyKey stands for every key of a kind whose members are all of one kind
// (a Callback maps expressions to Path Items).
const anyKey = "*"

// children lists, per kind, the members that hold OpenAPI objects.
var children = map[kind]map[string]child{
	kindDocument: {
		"info":         {kindInfo, one},
		"servers":      {kindServer, list},
		"paths":        {kindPathItem, mapOf},
		"webhooks":     {kindPathItem, mapOf},
		"components":   {kindComponents, one},
		"tags":         {kindTag, list},
		"externalDocs": {kindExternalDocs, one},
	},
	kindInfo: {
		"contact": {kindContact, one},
		"license": {kindLicense, one},
	},
	kindServer: {
		"variables": {kindServerVariable, mapOf},
	},
	kindComponents: {
		"schemas":         {kindSchema, mapOf},
		"responses":       {kindResponse, mapOf},
		"parameters":      {kindParameter, mapOf},
		"examples":        {kindExample, mapOf},
		"requestBodies":   {kindRequestBody, mapOf},
		"headers":         {kindHeader, mapOf},
		"securitySchemes": {kindSecurityScheme, mapOf},
		"links":           {kindLink, mapOf},
		"callbacks":       {kindCallback, mapOf},
		"pathItems":       {kindPathItem, mapOf},
	},
	kindPathItem: {
		"get":        {kindOperation, one},
		"put":        {kindOperation, one},
		"post":       {kindOperation, one},
		"delete":     {kindOperation, one},
		"options":    {kindOperation, one},
		"head":       {kindOperation, one},
		"patch":      {kindOperation, one},
		"trace":      {kindOperation, one},
		"servers":    {kindServer, list},
		"parameters": {kindParameter, list},
	},
	kindOperation: {
		"externalDocs": {kindExternalDocs, one},
		"parameters":   {kindParameter, list},
		"requestBody":  {kindRequestBody, one},
		"responses":    {kindResponse, mapOf},
		"callbacks":    {kindCallback, mapOf},
		"servers":      {kindServer, list},
	},
	kindParameter: {
		"schema":   {kindSchema, one},
		"examples": {kindExample, mapOf},
		"content":  {kindMediaType, mapOf},
	},
	kindHeader: {
		"schema":   {kindSchema, one},
		"examples": {kindExample, mapOf},
		"content":  {kindMediaType, mapOf},
	},
	kindRequestBody: {
		"content": {kindMediaType, mapOf},
	},
	kindMediaType: {
		"schema":   {kindSchema, one},
		"examples": {kindExample, mapOf},
		"encoding": {kindEncoding, mapOf},
	},
	kindEncoding: {
		"headers": {kindHeader, mapOf},
	},
	kindResponse: {
		"headers": {kindHeader, mapOf},
		"content": {kindMediaType, mapOf},
		"links":   {kindLink, mapOf},
	},
	kindCallback: {
		anyKey: {kindPathItem, one},
	},
	kindLink: {
		"server": {kindServer, one},
	},
	kindTag: {
		"externalDocs": {kindExternalDocs, one},
	},
	kindSecurityScheme: {
		"flows": {kindOAuthFlows, one},
	},
	kindOAuthFlows: {
		"implicit":          {kindOAuthFlow, one},
		"password":          {kindOAuthFlow, one},
		"clientCredentials": {kindOAuthFlow, one},
		"authorizationCode": {kindOAuthFlow, one},
	},
	kindSchema: {
		"$defs":                 {kindSchema, mapOf},
		"properties":            {kindSchema, mapOf},
		"patternProperties":     {kindSchema, mapOf},
		"dependentSchemas":      {kindSchema, mapOf},
		"additionalProperties":  {kindSchema, one},
		"unevaluatedProperties": {kindSchema, one},
		"propertyNames":         {kindSchema, one},
		"items":                 {kindSchema, one},
		"prefixItems":           {kindSchema, list},
		"contains":              {kindSchema, one},
		"unevaluatedItems":      {kindSchema, one},
		"allOf":                 {kindSchema, list},
		"anyOf":                 {kindSchema, list},
		"oneOf":                 {kindSchema, list},
		"not":                   {kindSchema, one},
		"if":                    {kindSchema, one},
		"then":                  {kindSchema, one},
		"else":                  {kindSchema, one},
		"discriminator":         {kindDiscriminator, one},
		"externalDocs":          {kindExternalDocs, one},
		"xml":                   {kindXML, one},
	},
}

// keyOrder is the order in which each kind's keys are written: the order of
// the fixed fields in the OpenAPI Specification and, for schemas, an order a
// reader expects (what it is, then its constraints, then its parts). Keys not
// listed come after, sorted, and specification extensions (x-) come last.
var keyOrder = map[kind][]string{
	kindDocument:       {"openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs"},
	kindInfo:           {"title", "summary", "description", "termsOfService", "contact", "license", "version"},
	kindContact:        {"name", "url", "email"},
	kindLicense:        {"name", "identifier", "url"},
	kindServer:         {"url", "description", "variables"},
	kindServerVariable: {"enum", "default", "description"},
	kindComponents:     {"schemas", "responses", "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems"},
	kindPathItem:       {"$ref", "summary", "description", "get", "put", "post", "delete", "options", "head", "patch", "trace", "servers", "parameters"},
	kindOperation:      {"tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses", "callbacks", "deprecated", "security", "servers"},
	kindExternalDocs:   {"description", "url"},
	kindParameter:      {"name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema", "example", "examples", "content"},
	kindHeader:         {"description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema", "example", "examples", "content"},
	kindRequestBody:    {"description", "content", "required"},
	kindMediaType:      {"schema", "example", "examples", "encoding"},
	kindEncoding:       {"contentType", "headers", "style", "explode", "allowReserved"},
	kindResponse:       {"description", "headers", "content", "links"},
	kindExample:        {"summary", "description", "value", "externalValue"},
	kindLink:           {"operationRef", "operationId", "parameters", "requestBody", "description", "server"},
	kindTag:            {"name", "description", "externalDocs"},
	kindReference:      {"$ref", "summary", "description"},
	kindDiscriminator:  {"propertyName", "mapping"},
	kindSecurityScheme: {"type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl"},
	kindOAuthFlows:     {"implicit", "password", "clientCredentials", "authorizationCode"},
	kindOAuthFlow:      {"authorizationUrl", "tokenUrl", "refreshUrl", "scopes"},
	kindXML:            {"name", "namespace", "prefix", "attribute", "wrapped"},
	kindSchema: {
		"$schema", "$id", "$ref", "title", "description",
		"type", "nullable", "format", "contentMediaType", "contentEncoding",
		"const", "enum", "default", "example", "examples",
		"readOnly", "writeOnly", "deprecated",
		"multipleOf", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum",
		"minLength", "maxLength", "pattern",
		"items", "prefixItems", "contains", "minItems", "maxItems", "uniqueItems",
		"properties", "required", "dependentRequired", "additionalProperties",
		"patternProperties", "propertyNames", "minProperties", "maxProperties",
		"allOf", "anyOf", "oneOf", "not", "if", "then", "else",
		"discriminator", "xml", "externalDocs", "$defs",
	},
}

// visitFunc is called for every OpenAPI object in a document, before the
// walker looks at the object's members, so a visitor may change them.
// path is the object's location as a JSON Pointer fragment, like
// "#/paths/~1items/get".
type visitFunc func(obj *object, k kind, path string)

// walk calls visit for v, an object of kind k, and for every OpenAPI object
// inside it. Specification extensions (x-) are not entered.
func walk(v any, k kind, path string, visit visitFunc) {
	obj, ok := v.(*object)
	if !ok {
		return // e.g. `additionalProperties: false`
	}
	if k != kindSchema && k != kindPathItem {
		if _, isRef := obj.get("$ref"); isRef {
			k = kindReference
		}
	}
	visit(obj, k, path)
	for _, m := range obj.members {
		if strings.HasPrefix(m.key, "x-") {
			continue
		}
		c, ok := children[k][m.key]
		if !ok {
			c, ok = children[k][anyKey]
		}
		if !ok {
			continue
		}
		at := path + "/" + escapePointer(m.key)
		switch c.shape {
		case one:
			if items, isList := m.value.([]any); isList && k == kindSchema {
				walkList(items, c.kind, at, visit) // draft-04 style tuple `items`
				continue
			}
			walk(m.value, c.kind, at, visit)
		case list:
			items, _ := m.value.([]any)
			walkList(items, c.kind, at, visit)
		case mapOf:
			if named, ok := m.value.(*object); ok {
				for _, entry := range named.members {
					if c.kind != kindSchema && strings.HasPrefix(entry.key, "x-") {
						continue // an extension of a map-like object such as Paths
					}
					walk(entry.value, c.kind, at+"/"+escapePointer(entry.key), visit)
				}
			}
		}
	}
}

func walkList(items []any, k kind, path string, visit visitFunc) {
	for i, item := range items {
		walk(item, k, path+"/"+strconv.Itoa(i), visit)
	}
}

// escapePointer escapes a key for use in a JSON Pointer (RFC 6901).
func escapePointer(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key // most keys; rendering 1,000 operations calls this ~10^5 times
	}
	return pointerEscaper.Replace(key)
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")
