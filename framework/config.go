package framework

import (
	"log/slog"

	"github.com/signet-go/signet/docsui"
)

// Disabled, as the path of a route in Config, switches that route off.
const Disabled = "-"

// Config describes an App. The zero value of every field has a sensible
// default, so Config{Title: "Items API", Version: "1.0.0"} is a complete
// configuration.
type Config struct {
	// Title and Version are the API's name and version in the document.
	Title   string
	Version string
	// Description is the API's description in the document (CommonMark).
	Description string

	// Paths of the routes that serve the OpenAPI document. Empty means the
	// default shown; Disabled switches the route off.
	OpenAPIJSONPath   string // default "/openapi.json" (OpenAPI 3.1)
	OpenAPIYAMLPath   string // default "/openapi.yaml" (OpenAPI 3.1)
	OpenAPI30JSONPath string // default "/openapi-3.0.json"
	OpenAPI30YAMLPath string // default "/openapi-3.0.yaml"

	// DocsPath is where Swagger UI, the interactive documentation, is
	// served from assets embedded in the binary: the page at DocsPath and
	// DocsPath + "/", its assets and OAuth2 redirect page below. Empty means
	// "/docs"; Disabled switches the docs off.
	DocsPath string
	// DocsUI configures the docs page: Swagger UI options (deep linking,
	// "Try it out", any other option as JSON), the page title (default:
	// Title + " - API documentation") and extra origins the page may
	// connect to. See package docsui.
	DocsUI docsui.Config

	// SchemaLinks adds Huma's "$schema" property to JSON response bodies, a
	// "Link: <...>; rel=describedby" header to responses, and serves the
	// schemas under /schemas. Off by default: most clients do not want them.
	SchemaLinks bool

	// ValidateResponses, for development, checks every response of the
	// running App against the document, as package frameworktest does in
	// tests: LogInvalidResponses logs each violation, RejectInvalidResponses
	// also replaces the response by a 500. Off (ResponsesUnchecked) by
	// default, and then it costs nothing.
	ValidateResponses ResponseValidation

	// Logger receives handler errors, recovered panics and server events.
	// Nil means slog.Default().
	Logger *slog.Logger
}

// withDefaults returns c with every empty field set to its default.
func (c Config) withDefaults() Config {
	defaultTo(&c.OpenAPIJSONPath, "/openapi.json")
	defaultTo(&c.OpenAPIYAMLPath, "/openapi.yaml")
	defaultTo(&c.OpenAPI30JSONPath, "/openapi-3.0.json")
	defaultTo(&c.OpenAPI30YAMLPath, "/openapi-3.0.yaml")
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

func defaultTo(field *string, value string) {
	if *field == "" {
		*field = value
	}
}
