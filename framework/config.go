package framework

import (
	"github.com/danielgtaylor/huma/v2"
	"log/slog"
	"time"

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
	// License is the API's license in the document, such as
	// &huma.License{Name: "MIT", URL: "https://opensource.org/license/mit"}.
	// Nil leaves it out.
	License *huma.License

	// Servers are the API's servers in the document, such as
	// {URL: "https://api.example.com/v1"}. Nil leaves them out.
	Servers []*huma.Server

	// SecuritySchemes declares the ways clients authenticate, by name, as
	// the document's components.securitySchemes: an HTTP bearer token
	// ({Type: "http", Scheme: "bearer"}), HTTP Basic ({Type: "http",
	// Scheme: "basic"}), an API key in a header, query parameter or cookie
	// ({Type: "apiKey", In: "header", Name: "X-API-Key"}), OAuth 2 and
	// OpenID Connect (their access tokens, sent as bearer tokens).
	SecuritySchemes map[string]*huma.SecurityScheme
	// Security is what every operation requires unless it (or its group)
	// says otherwise, as the document's top-level security: each element is
	// an alternative, naming schemes that must all be satisfied, with the
	// scopes each must grant. An operation with a non-nil empty Security
	// is public.
	Security []map[string][]string
	// Authenticators check the credentials of each scheme (see
	// Authenticator). Signet enforces what the document says: an operation
	// is refused at registration when it requires a scheme that is not
	// declared or has no authenticator; a request without valid credentials
	// gets 401 with a WWW-Authenticate challenge; one whose credentials do
	// not grant the scopes the operation requires gets 403.
	Authenticators map[string]Authenticator

	// ErrorMapping turns errors that handlers return into status errors in
	// one place, as FastAPI's exception handlers do (see ErrorMapping).
	ErrorMapping ErrorMapping

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

	// NoSlashRedirect switches off the trailing-slash redirect: by default a
	// request for /items/ where only /items has a route (or the reverse) is
	// answered 307 Temporary Redirect to the path that has one, query kept,
	// as FastAPI's redirect_slashes does. A redirect never leaves the
	// origin. With NoSlashRedirect, such a request gets 404.
	NoSlashRedirect bool

	// SchemaLinks adds Huma's "$schema" property to JSON response bodies, a
	// "Link: <...>; rel=describedby" header to responses, and serves the
	// schemas under /schemas. Off by default: most clients do not want them.
	SchemaLinks bool

	// Huma is the configuration of a program coming from Huma
	// (huma.DefaultConfig and its edits). When set, the App starts from it,
	// so that every option keeps the meaning it has on Huma, and applies
	// Signet's own rules on top: its document and docs routes, limits and
	// problem hygiene. New first runs its CreateHooks, as huma.NewAPI does
	// (huma.DefaultConfig's hook adds the "$schema" links), then takes:
	//   - its document, copied: Info, Servers, Security, Tags, Components
	//     (the schema registry, security schemes, ...), OnAddOperation, ...;
	//   - OpenAPIPath P as the four documents Huma serves (P.json, P.yaml,
	//     P-3.0.json, P-3.0.yaml), DocsPath as Config.DocsPath, and "" for
	//     either as Disabled;
	//   - SchemasPath, Formats, DefaultFormat, NoFormatFallback,
	//     RejectUnknownQueryParameters, FieldsOptionalByDefault,
	//     AllowAdditionalPropertiesByDefault and Transformers as Huma does,
	//     with three differences: every JSON format keeps Signet's JSON
	//     policy, Signet's problem transformer runs after the others, and
	//     a request whose Accept admits no format gets 406 problem details
	//     before its handler runs (Huma runs the handler, then drops the
	//     connection).
	// The document states what these options make possible: 406 with
	// NoFormatFallback, 422 with RejectUnknownQueryParameters, bodies in
	// each of the Formats where Huma documents only JSON. New panics,
	// saying what to change, for what Signet cannot honour: a DocsRenderer
	// that loads from a CDN (Scalar; Stoplight Elements, huma.DefaultConfig's
	// choice, is served as Signet's Swagger UI), a setting given both here
	// and in Config with different values, SchemaLinks (the links are the
	// CreateHooks' to add), operations already in the document, no Formats
	// or a DefaultFormat not among them, or an OpenAPI version other than
	// 3.1.
	Huma *huma.Config

	// Logger receives handler errors, recovered panics and server events.
	// Nil means slog.Default().
	Logger *slog.Logger

	// Limits of the server that `serve` and App.Serve run.
	// Zero means the default shown; a negative value means no limit, except
	// where said otherwise.
	//
	// ReadHeaderTimeout bounds reading a request's header (against slow
	// clients, "slowloris"); default 10s.
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included; default
	// 60s. An operation's huma.Operation.BodyReadTimeout (Huma's default
	// 5s) bounds the body of that operation further.
	ReadTimeout time.Duration
	// WriteTimeout bounds writing a response, from the end of its request's
	// header; default 60s. Streaming operations (an output Body of type
	// func(huma.Context), as huma.StreamResponse has) are exempt: they may
	// write for as long as they run. A handler mounted on Router() that
	// streams must lift the deadline itself:
	// http.NewResponseController(w).SetWriteDeadline(time.Time{}).
	WriteTimeout time.Duration
	// IdleTimeout is how long a keep-alive connection waits for its next
	// request; default 120s. Negative means ReadTimeout, as in net/http.
	IdleTimeout time.Duration
	// MaxHeaderBytes bounds the request line and header; default 64 KiB
	// (net/http allows 4 KiB more). Larger requests get 431 Request Header
	// Fields Too Large. Negative means net/http's default, 1 MiB.
	MaxHeaderBytes int
	// ShutdownGrace is how long requests in flight may run after SIGINT or
	// SIGTERM (or the end of App.Serve's context); default 10s.
	ShutdownGrace time.Duration

	// MaxBodyBytes is the largest request body an operation accepts, in
	// bytes; default 1 MiB. A body of exactly MaxBodyBytes is accepted; a
	// larger one gets 413 Content Too Large. It applies to every server,
	// httptest included. An operation's own huma.Operation.MaxBodyBytes,
	// when set, replaces it for that operation, with the same meaning.
	MaxBodyBytes int64
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
	c.limitsWithDefaults()
	return c
}

func defaultTo(field *string, value string) {
	if *field == "" {
		*field = value
	}
}
