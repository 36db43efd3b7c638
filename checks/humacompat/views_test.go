package humacompat

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Views reduce a body to what a row compares, where the rest differs by
// construction (the document's layout, a docs page's HTML).

// document parses an OpenAPI document, or returns why not.
func document(body []byte) (map[string]any, string) {
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, "not a JSON document: " + abbreviate(string(body), 80)
	}
	return doc, ""
}

// operation returns paths[p][method] of a document.
func operation(doc map[string]any, method, p string) map[string]any {
	paths, _ := doc["paths"].(map[string]any)
	item, _ := paths[p].(map[string]any)
	op, _ := item[strings.ToLower(method)].(map[string]any)
	return op
}

// operationParameters views a document as the parameters of GET p: name,
// location, whether required.
func operationParameters(p string) func([]byte) string {
	return func(body []byte) string {
		doc, bad := document(body)
		if doc == nil {
			return bad
		}
		op := operation(doc, "GET", p)
		if op == nil {
			return "no GET " + p
		}
		var params []string
		list, _ := op["parameters"].([]any)
		for _, p := range list {
			m, _ := p.(map[string]any)
			params = append(params, fmt.Sprintf("%v in %v required=%v", m["name"], m["in"], m["required"] == true))
		}
		slices.Sort(params)
		return "parameters: " + strings.Join(params, "; ")
	}
}

// operations views a document as its operations: method, path,
// operationId and tags.
func operations(body []byte) string {
	doc, bad := document(body)
	if doc == nil {
		return bad
	}
	var ops []string
	paths, _ := doc["paths"].(map[string]any)
	for p, item := range paths {
		methods, _ := item.(map[string]any)
		for method, v := range methods {
			op, ok := v.(map[string]any)
			if !ok {
				continue
			}
			ops = append(ops, fmt.Sprintf("%s %s id=%v tags=%v summary=%v", strings.ToUpper(method), p, op["operationId"], op["tags"], op["summary"]))
		}
	}
	slices.Sort(ops)
	return strings.Join(ops, "\n")
}

// requestSchema views a document as the request body schema of op,
// resolved when it is a reference: its required properties and whether it
// allows additional ones.
func requestSchema(method, p string) func([]byte) string {
	return func(body []byte) string {
		doc, bad := document(body)
		if doc == nil {
			return bad
		}
		op := operation(doc, method, p)
		rb, _ := op["requestBody"].(map[string]any)
		content, _ := rb["content"].(map[string]any)
		media, _ := content["application/json"].(map[string]any)
		schema, _ := media["schema"].(map[string]any)
		if ref, ok := schema["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, "#/components/schemas/")
			components, _ := doc["components"].(map[string]any)
			schemas, _ := components["schemas"].(map[string]any)
			schema, _ = schemas[name].(map[string]any)
		}
		props, _ := schema["properties"].(map[string]any)
		delete(props, "$schema") // Huma's schema links add it; see no-schema-links
		return fmt.Sprintf("required body=%v; required=%v additionalProperties=%v properties=%v",
			rb["required"], schema["required"], schema["additionalProperties"], slices.Sorted(maps.Keys(props)))
	}
}

// servers views a document as its servers and security schemes.
func serversAndSecurity(body []byte) string {
	doc, bad := document(body)
	if doc == nil {
		return bad
	}
	var servers []string
	list, _ := doc["servers"].([]any)
	for _, s := range list {
		m, _ := s.(map[string]any)
		servers = append(servers, fmt.Sprint(m["url"]))
	}
	components, _ := doc["components"].(map[string]any)
	schemes, _ := components["securitySchemes"].(map[string]any)
	info, _ := doc["info"].(map[string]any)
	return fmt.Sprintf("servers=%v securitySchemes=%v contact=%v", servers, slices.Sorted(maps.Keys(schemes)), info["contact"])
}

// docsRenderer views a docs page as the renderer it loads.
func docsRenderer(body []byte) string {
	page := strings.ToLower(string(body))
	var found []string
	for _, name := range []string{"stoplight", "scalar", "swagger-ui"} {
		if strings.Contains(page, name) {
			found = append(found, name)
		}
	}
	if len(found) == 0 {
		return "a page with no known renderer: " + abbreviate(string(body), 80)
	}
	return "a page rendered by " + strings.Join(found, " and ")
}

// sizeOnly views a body as whether it is empty.
func nonEmpty(body []byte) string {
	if len(body) == 0 {
		return "empty"
	}
	return "a body"
}
