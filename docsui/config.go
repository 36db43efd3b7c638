package docsui

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// Config sets the page title and Swagger UI's behaviour, in the manner of
// FastAPI's swagger_ui_parameters. The zero value is Swagger UI's defaults
// with the validator badge off.
type Config struct {
	// Title is the page's <title>. It is HTML-escaped. Empty means
	// "API documentation".
	Title string

	// DeepLinking gives each tag and operation a URL fragment, so a link can
	// open the page at an operation (Swagger UI option deepLinking).
	DeepLinking bool
	// PersistAuthorization keeps what was entered in "Authorize" across
	// reloads, in the browser's localStorage (persistAuthorization).
	PersistAuthorization bool
	// TryItOutEnabled opens operations with "Try it out" already on
	// (tryItOutEnabled).
	TryItOutEnabled bool
	// DisplayRequestDuration shows how long each "Try it out" request took
	// (displayRequestDuration).
	DisplayRequestDuration bool
	// DocExpansion is how much is expanded when the page opens: "list"
	// (tags open, operations closed; the default), "full" or "none"
	// (docExpansion).
	DocExpansion string
	// NoSyntaxHighlight switches off the colouring of bodies and examples,
	// which makes very large bodies render faster (syntaxHighlight: false).
	NoSyntaxHighlight bool
	// SyntaxHighlightTheme is the colour theme of bodies and examples: one
	// of "agate" (the default), "arta", "monokai", "nord", "obsidian",
	// "tomorrow-night" or "idea" (syntaxHighlight.theme).
	SyntaxHighlightTheme string

	// Parameters sets any other Swagger UI option, by its Swagger UI name,
	// to a value that is marshalled to JSON; for example
	// {"defaultModelsExpandDepth": -1, "filter": true}. A parameter wins
	// over the typed fields above. Options whose value is a JavaScript
	// function cannot be set. The options that the page itself depends on
	// ("dom_id", "url", "urls", "layout", "presets", "plugins") are refused.
	Parameters map[string]any

	// ConnectSources are origins besides the page's own that the page may
	// connect to, such as "https://auth.example.com" for an OAuth2 token
	// endpoint or the origin of an API server named in the document's
	// servers when it differs from the docs' origin. They are added to the
	// Content-Security-Policy's connect-src.
	ConnectSources []string
}

// reservedParameters are Swagger UI options that the page sets itself.
var reservedParameters = []string{"dom_id", "url", "urls", "layout", "presets", "plugins"}

var docExpansions = []string{"list", "full", "none"}

var syntaxThemes = []string{"agate", "arta", "monokai", "nord", "obsidian", "tomorrow-night", "idea"}

// swaggerOptions returns the options passed to SwaggerUIBundle, as JSON.
func (c Config) swaggerOptions(documentURL string) ([]byte, error) {
	if c.DocExpansion != "" && !slices.Contains(docExpansions, c.DocExpansion) {
		return nil, fmt.Errorf("docsui: DocExpansion %q: use one of %q", c.DocExpansion, docExpansions)
	}
	if c.SyntaxHighlightTheme != "" && !slices.Contains(syntaxThemes, c.SyntaxHighlightTheme) {
		return nil, fmt.Errorf("docsui: SyntaxHighlightTheme %q: use one of %q", c.SyntaxHighlightTheme, syntaxThemes)
	}
	options := map[string]any{
		"dom_id":       "#swagger-ui",
		"url":          documentURL,
		"validatorUrl": nil, // the badge would call an online validator
	}
	setIf := func(key string, set bool, value any) {
		if set {
			options[key] = value
		}
	}
	setIf("deepLinking", c.DeepLinking, true)
	setIf("persistAuthorization", c.PersistAuthorization, true)
	setIf("tryItOutEnabled", c.TryItOutEnabled, true)
	setIf("displayRequestDuration", c.DisplayRequestDuration, true)
	setIf("docExpansion", c.DocExpansion != "", c.DocExpansion)
	setIf("syntaxHighlight", c.SyntaxHighlightTheme != "", map[string]any{"activated": true, "theme": c.SyntaxHighlightTheme})
	setIf("syntaxHighlight", c.NoSyntaxHighlight, false)

	for _, key := range slices.Sorted(maps.Keys(c.Parameters)) {
		if slices.Contains(reservedParameters, key) {
			return nil, fmt.Errorf("docsui: Parameters[%q]: the page sets this option itself; remove it (the document URL is New's argument)", key)
		}
		value, err := json.Marshal(c.Parameters[key])
		if err != nil {
			return nil, fmt.Errorf("docsui: Parameters[%q] cannot be marshalled to JSON: %w", key, err)
		}
		options[key] = json.RawMessage(value)
	}
	return json.Marshal(options)
}
