package humacompat

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// Content negotiation and each huma.Config option. A row about an option
// gives Signet the same huma.Config as stock Huma, as Config.Huma (see
// asOnHuma), as a program coming from Huma does; it must then answer as
// Huma does, or differ for a listed reason (framework.New refusing an
// option it cannot honour is a difference to list, with its reason). Rows
// about an option that framework.Config also has set it there instead.

// linesFormat writes an object's members as "name=value" lines, in order
// of name, leaving out the "$schema" member of Huma's schema links: a
// format of the application's own, for the Formats rows.
var linesFormat = huma.Format{
	Marshal: func(w io.Writer, v any) error {
		encoded, err := json.Marshal(v)
		if err != nil {
			return err
		}
		var members map[string]any
		if err := json.Unmarshal(encoded, &members); err != nil {
			return err
		}
		delete(members, "$schema")
		for _, name := range slices.Sorted(maps.Keys(members)) {
			if _, err := fmt.Fprintf(w, "%s=%v\n", name, members[name]); err != nil {
				return err
			}
		}
		return nil
	},
	Unmarshal: func([]byte, any) error { return fmt.Errorf("lines cannot be read") },
}

// withLines returns Huma's default formats plus linesFormat, leaving
// huma.DefaultFormats, shared by every API in the process, unchanged.
func withLines(c *huma.Config) {
	c.Formats = maps.Clone(c.Formats)
	c.Formats["application/x-lines"] = linesFormat
}

type partialPet struct {
	Body struct {
		Name string `json:"name"`
		Kind string `json:"kind"`
	}
}

// negotiationRows: Huma's default formats are JSON only (CBOR comes with
// an import of huma/v2/formats/cbor, which this package does not make), so
// a request for CBOR, like any unknown type, falls back to JSON.
func negotiationRows() []row {
	item := func(r routes) { get(r, "/items/1", getItem) }
	return []row{
		{name: "negotiation/accept", setup: item, requests: []request{
			GET("/items/1", "Accept: application/json"),
			GET("/items/1", "Accept: */*"),
			GET("/items/1", "Accept: application/*"),
			GET("/items/1", "Accept: text/html, application/json;q=0.5"),
		}},
		{name: "negotiation/unknown-falls-back-to-json", setup: item, requests: []request{
			GET("/items/1", "Accept: application/xml"),
			GET("/items/1", "Accept: application/cbor"),
			GET("/items/1", "Accept: application/vnd.api+json"),
		}},
	}
}

func configRows() []row {
	item := func(r routes) { get(r, "/items/1", getItem) }
	pets := func(r routes) { post(r, "/pets", echo[partialPet]) }
	return []row{
		{name: "config/transformers", stock: func(c *huma.Config) {
			c.Transformers = append(c.Transformers, renameItems)
		}, sameConfig: true, setup: item, requests: []request{GET("/items/1")}},
		{name: "config/create-hooks", stock: func(c *huma.Config) {
			c.CreateHooks = append(c.CreateHooks, func(c huma.Config) huma.Config {
				c.Transformers = append(c.Transformers, renameItems)
				return c
			})
		}, sameConfig: true, setup: item, requests: []request{GET("/items/1")}},
		{name: "config/reject-unknown-query-parameters", stock: func(c *huma.Config) {
			c.RejectUnknownQueryParameters = true
		}, sameConfig: true, setup: func(r routes) { get(r, "/search", echo[queryString]) },
			requests: []request{GET("/search?q=x"), GET("/search?q=x&other=y")}},
		{name: "config/no-format-fallback", stock: func(c *huma.Config) {
			c.NoFormatFallback = true
		}, sameConfig: true, setup: item,
			requests: []request{
				GET("/items/1", "Accept: application/xml"),
				GET("/items/1", "Accept: application/json"),
				GET("/items/1", "Accept: */*"),
				GET("/items/1", "Accept: application/xml, application/*;q=0.5"),
				GET("/items/1"),
			}},
		{name: "config/fields-optional-by-default", stock: func(c *huma.Config) {
			c.FieldsOptionalByDefault = true
		}, sameConfig: true, setup: pets,
			requests: []request{POST("/pets", `{"name":"Tom"}`), GET("/openapi.json").viewed(requestSchema("POST", "/pets"))}},
		{name: "config/allow-additional-properties-by-default", stock: func(c *huma.Config) {
			c.AllowAdditionalPropertiesByDefault = true
		}, sameConfig: true, setup: pets,
			requests: []request{POST("/pets", `{"name":"Tom","kind":"cat","color":"black"}`), GET("/openapi.json").viewed(requestSchema("POST", "/pets"))}},
		{name: "config/formats", stock: withLines, sameConfig: true, setup: item,
			requests: []request{GET("/items/1", "Accept: application/x-lines"), GET("/items/1")}},
		{name: "config/default-format", stock: func(c *huma.Config) {
			withLines(c)
			c.DefaultFormat = "application/x-lines"
		}, sameConfig: true, setup: item,
			requests: []request{GET("/items/1"), GET("/items/1", "Accept: application/json")}},
		{name: "config/docs-default", setup: item, requests: []request{GET("/docs").viewed(docsRenderer)}},
		{name: "config/docs-renderer", stock: func(c *huma.Config) {
			c.DocsRenderer = huma.DocsRendererScalar
		}, sameConfig: true, setup: item, requests: []request{GET("/docs").viewed(docsRenderer)}},
		{name: "config/docs-path", stock: func(c *huma.Config) {
			c.DocsPath = "/reference"
		}, signet: func(c *framework.Config) string {
			c.DocsPath = "/reference"
			return ""
		}, setup: item, requests: []request{GET("/reference").viewed(docsRenderer), GET("/docs").viewed(nonEmpty)}},
		{name: "config/docs-off", stock: func(c *huma.Config) {
			c.DocsPath = ""
		}, signet: func(c *framework.Config) string {
			c.DocsPath = framework.Disabled
			return ""
		}, setup: item, requests: []request{GET("/docs").viewed(nonEmpty)}},
		{name: "config/openapi-documents", setup: item, requests: []request{
			GET("/openapi.json").viewed(operations),
			GET("/openapi.yaml").viewed(nonEmpty),
			GET("/openapi-3.0.json").viewed(openAPIVersion),
			GET("/openapi-3.0.yaml").viewed(nonEmpty),
		}},
		{name: "config/openapi-path", stock: func(c *huma.Config) {
			c.OpenAPIPath = "/spec"
		}, signet: func(c *framework.Config) string {
			c.OpenAPIJSONPath, c.OpenAPIYAMLPath = "/spec.json", "/spec.yaml"
			c.OpenAPI30JSONPath, c.OpenAPI30YAMLPath = "/spec-3.0.json", "/spec-3.0.yaml"
			return ""
		}, setup: item, requests: []request{
			GET("/spec.json").viewed(operations),
			GET("/spec.yaml").viewed(nonEmpty),
			GET("/spec-3.0.json").viewed(openAPIVersion),
			GET("/openapi.json").viewed(nonEmpty),
		}},
		{name: "config/openapi-off", stock: func(c *huma.Config) {
			c.OpenAPIPath = ""
			c.DocsPath = ""
		}, signet: func(c *framework.Config) string {
			c.OpenAPIJSONPath, c.OpenAPIYAMLPath, c.OpenAPI30JSONPath, c.OpenAPI30YAMLPath = framework.Disabled, framework.Disabled, framework.Disabled, framework.Disabled
			c.DocsPath = framework.Disabled
			return ""
		}, setup: item, requests: []request{GET("/openapi.json").viewed(nonEmpty)}},
		{name: "config/info", stock: func(c *huma.Config) {
			c.Info.Description = "All about items."
			c.Info.License = &huma.License{Name: "MIT", Identifier: "MIT"}
		}, signet: func(c *framework.Config) string {
			c.Description = "All about items."
			c.License = &huma.License{Name: "MIT", Identifier: "MIT"}
			return ""
		}, setup: item, requests: []request{GET("/openapi.json").viewed(info)}},
		{name: "config/openapi-servers-and-security", stock: func(c *huma.Config) {
			c.Servers = []*huma.Server{{URL: "https://api.example.com"}}
			c.Info.Contact = &huma.Contact{Name: "Ops", Email: "ops@example.com"}
			c.Components.SecuritySchemes = map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}}
		}, setup: func(r routes) {
			if r.signet() { // Signet's way: edit the document before the first request
				doc := r.app.OpenAPI()
				doc.Servers = []*huma.Server{{URL: "https://api.example.com"}}
				doc.Info.Contact = &huma.Contact{Name: "Ops", Email: "ops@example.com"}
				doc.Components.SecuritySchemes = map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}}
			}
			get(r, "/items/1", getItem)
		}, requests: []request{GET("/openapi.json").viewed(serversAndSecurity)}},
		{name: "config/on-add-operation", stock: func(c *huma.Config) {
			c.OnAddOperation = append(c.OnAddOperation, tagAll)
		}, setup: func(r routes) {
			if r.signet() { // Signet's way: the document's hooks, before registering
				r.app.OpenAPI().OnAddOperation = append(r.app.OpenAPI().OnAddOperation, tagAll)
			}
			get(r, "/items/1", getItem)
		}, requests: []request{GET("/openapi.json").viewed(operations)}},
		{name: "config/schemas-default", setup: item, requests: []request{GET("/schemas/Item.json"), GET("/items/1")}},
		{name: "config/schemas-path", stock: func(c *huma.Config) {
			c.SchemasPath = "/json-schemas"
		}, sameConfig: true, setup: item, requests: []request{GET("/json-schemas/Item.json"), GET("/items/1")}},
		{name: "config/schema-links", signet: func(c *framework.Config) string {
			c.SchemaLinks = true
			return ""
		}, setup: func(r routes) {
			item(r)
			post(r, "/pets", echo[partialPet])
		}, requests: []request{
			GET("/items/1"),
			GET("/schemas/Item.json"),
			POST("/pets", `{"name":"Tom"}`),
			POST("/pets", `{"name":"Tom",`),
			POST("/pets", `{"$schema":"http://server/schemas/PartialPetBody.json","name":"Tom","kind":"cat"}`),
		}},

		// Options that framework.Config has too, given as Config.Huma.
		{name: "config/huma-default-config", sameConfig: true, setup: func(r routes) {
			item(r)
			pets(r)
		}, requests: []request{
			GET("/items/1"),
			GET("/schemas/Item.json"),
			POST("/pets", `{"name":"Tom"}`),
			POST("/pets", `{"$schema":"http://server/schemas/PartialPetBody.json","name":"Tom","kind":"cat"}`),
			GET("/openapi.json").viewed(operations),
			GET("/openapi-3.0.yaml").viewed(nonEmpty),
		}},
		{name: "config/huma-info", stock: func(c *huma.Config) {
			c.Info.Description = "All about items."
			c.Info.License = &huma.License{Name: "MIT", Identifier: "MIT"}
			c.Info.Contact = &huma.Contact{Name: "Ops", Email: "ops@example.com"}
		}, sameConfig: true, setup: item, requests: []request{GET("/openapi.json").viewed(info)}},
		{name: "config/huma-openapi-path", stock: func(c *huma.Config) {
			c.OpenAPIPath = "/spec"
		}, sameConfig: true, setup: item, requests: []request{
			GET("/spec.json").viewed(operations),
			GET("/spec.yaml").viewed(nonEmpty),
			GET("/spec-3.0.json").viewed(openAPIVersion),
			GET("/openapi.json").viewed(nonEmpty),
		}},
		{name: "config/huma-openapi-off", stock: func(c *huma.Config) {
			c.OpenAPIPath = ""
			c.DocsPath = ""
		}, sameConfig: true, setup: item, requests: []request{GET("/openapi.json").viewed(nonEmpty), GET("/docs").viewed(nonEmpty)}},
		{name: "config/huma-servers-and-security", stock: func(c *huma.Config) {
			c.Servers = []*huma.Server{{URL: "https://api.example.com"}}
			c.Components.SecuritySchemes = map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}}
		}, sameConfig: true, setup: item, requests: []request{GET("/openapi.json").viewed(serversAndSecurity)}},
		{name: "config/huma-on-add-operation", stock: func(c *huma.Config) {
			c.OnAddOperation = append(c.OnAddOperation, tagAll)
		}, sameConfig: true, setup: item, requests: []request{GET("/openapi.json").viewed(operations)}},
	}
}

// tagAll is an OnAddOperation hook that tags every operation.
func tagAll(_ *huma.OpenAPI, op *huma.Operation) {
	op.Tags = append(op.Tags, "all")
}

// info views a document as its info object.
func info(body []byte) string {
	doc, bad := document(body)
	if doc == nil {
		return bad
	}
	return fmt.Sprint(doc["info"])
}

// openAPIVersion views a document as its "openapi" member.
func openAPIVersion(body []byte) string {
	doc, bad := document(body)
	if doc == nil {
		return bad
	}
	v, _ := doc["openapi"].(string)
	return "openapi " + strings.Join(strings.Split(v, ".")[:2], ".")
}
