package humacompat

import (
	"net/http"
	"slices"
	"strings"

	"github.com/signet-go/signet/framework"
)

// difference is a way in which Signet deliberately answers otherwise than
// stock Huma. docs/coming-from-huma.md lists the same identifiers and
// reasons, in the same order (TestDifferencesDocumented).
type difference struct {
	id     string
	reason string // one line, as in the guide
	// rows whose answers may differ from stock Huma's for this reason, in
	// any way: a difference that shows in a few rows.
	rows []string
	// normalize, for a difference that shows in every row it touches,
	// edits stock Huma's answer into what Signet answers instead: a rule
	// that Signet's answers must then follow (no "$schema", no "value" in
	// errors, ...), or, where Signet's own value cannot be foretold (a
	// document's ETag), Signet's value copied where its answer shows the
	// difference. The rest of the answer is still compared.
	normalize func(stock, signet *answer, config framework.Config)
}

// deliberateDifferences is the one list of the ways Signet is meant to
// differ from stock Huma.
var deliberateDifferences = []difference{
	{
		id:        "no-schema-links",
		reason:    "Responses carry no `$schema` member and no `Link: rel=describedby` header, and no `/schemas` route is served, unless Config.SchemaLinks: most clients do not want them (Huma issues #230, #428).",
		normalize: dropSchemaLinks,
		rows:      []string{"config/schemas-default"},
	},
	{
		id:        "no-input-values-in-errors",
		reason:    "Problem details never carry the rejected input (`errors[].value`): for a malformed body Huma's value is the whole body, passwords included.",
		normalize: dropErrorValues,
	},
	{
		id:        "no-error-details-in-5xx",
		reason:    "A 5xx problem carries no `errors`: they hold Go error text (file paths, database addresses); Signet logs them instead.",
		normalize: drop5xxErrors,
	},
	{
		id:        "nosniff",
		reason:    "Every response says `X-Content-Type-Options: nosniff`, so that a browser never runs a response as a script or page against its Content-Type.",
		normalize: addNosniff,
	},
	{
		id:        "problems-for-unrouted",
		reason:    "A request that matches no route gets a 404, or a 405 whose Allow lists HEAD beside GET, as problem details like every other error, not chi's plain text.",
		normalize: unroutedAsProblems,
	},
	{
		id:        "document-routes",
		reason:    "Signet serves the documents itself (package openapi: deterministic, keys in the conventional order) as `application/json` and `application/yaml`, the media types of their formats, with an ETag and `Cache-Control: no-cache` so that clients revalidate cheaply, and gzip-encoded for clients that accept it (`Vary: Accept-Encoding`).",
		normalize: signetDocumentHeaders,
	},
	{
		id:     "content-type-required",
		reason: "A request body without a Content-Type gets 415: a browser sends such a body cross-origin without a CORS preflight, so reading it as JSON would let any page post JSON with the user's cookies.",
		rows:   []string{"body/without-content-type"},
	},
	{
		id:     "documented-media-types",
		reason: "A request body is read only in a media type the operation documents (matched regardless of case and parameters), and the 415 names those types and never repeats the one received; Huma decodes any `+json` type as JSON and quotes the Content-Type back.",
		rows:   []string{"body/unsupported-content-type", "body/json-suffix-content-type", "body/bytes"},
	},
	{
		id:     "strict-json",
		reason: "A JSON body that names a member twice, or is not UTF-8, gets 400: parsers disagree on which duplicate wins, and RFC 8259 requires UTF-8.",
		rows:   []string{"body/json-duplicate-member", "body/json-invalid-utf8"},
	},
	{
		id:     "body-limit-inclusive",
		reason: "A body of exactly MaxBodyBytes is accepted (Huma refuses it: off by one), and the 413 states the limit.",
		rows:   []string{"body/max-bytes"},
	},
	{
		id:     "integer-ranges",
		reason: "A parameter value that does not fit its Go integer type gets 422, where Huma truncates it (4294967297 reaches an int32 as 1).",
		rows:   []string{"query/int-out-of-range"},
	},
	{
		id:     "standard-types",
		reason: "A `json.Number` or `*big.Int` is documented and validated as the JSON number encoding/json writes and reads, and a `net.IP` as an IPv4 or IPv6 address; Huma documents a string and an IPv4 address, so it refuses a number (or \"::1\") with 422 and responses contradict their schema.",
		rows:   []string{"body/standard-types"},
	},
	{
		id:     "string-option",
		reason: "A field tagged `json:\",string\"` is documented and validated as the JSON string encoding/json sends and reads for it (`{\"id\":\"12\"}`); Huma documents the number and validates requests against it, so the field can never be sent; numeric bounds on such a field are refused at registration.",
		rows:   []string{"body/string-option"},
	},
	{
		id:     "wire-shapes",
		reason: "A map or `[]byte` member without omitempty is documented as nullable, since encoding/json sends null for a nil one, and an array of bytes (`[32]byte`) as the array of numbers encoding/json sends and reads; Huma documents an object, a string and a base64 string, so a zero response contradicts the document and a digest cannot be sent.",
		rows:   []string{"body/wire-shapes"},
	},
	{
		id:     "bodiless-statuses",
		reason: "Responses with status 1xx, 204, 205 and 304 carry no body and no content headers, as RFC 9110 requires; Huma sends a 205's body and a 204's Content-Type.",
		rows:   []string{"response/body-on-204", "response/dynamic-304-with-body"},
	},
	{
		id:     "contradictions-refused",
		reason: "An operation that contradicts itself or HTTP (a Body on a 204, a {param} with no field, a response body type embedding an unexported type whose fields encoding/json writes but the schema leaves out, a body holding a url.URL, which encoding/json writes as an object and Huma documents as a string, or a time.Time whose timeFormat or format tag documents a date where encoding/json sends a date-time) is refused at registration with what to change, instead of misbehaving on the wire.",
		rows:   []string{"path/declared-but-missing", "params/embedded-unexported", "response/body-on-204", "body/url-member", "body/time-format"},
	},
	{
		id:     "status-rules",
		reason: "A dynamic Status left at 0 means the operation's DefaultStatus, and one outside 200-599 becomes a logged 500; on Huma the first panics (no response) and the second goes out as is.",
		rows:   []string{"response/dynamic-status-zero", "response/dynamic-status-invalid"},
	},
	{
		id:     "panics-answered",
		reason: "A handler that panics gets a logged 500 problem; Huma leaves it to net/http, which drops the connection.",
		rows:   []string{"errors/panic"},
	},
	{
		id:     "head-for-get",
		reason: "Every GET operation also answers HEAD (RFC 9110 section 9.3.2 asks for it); humachi answers 405.",
		rows:   []string{"response/head-on-get", "sse/document"},
	},
	{
		id:     "swagger-ui-docs",
		reason: "The docs page is Swagger UI, embedded in the binary and served under a strict Content-Security-Policy: it works offline, where Huma's renderers load from a CDN; so New refuses a Config.Huma whose DocsRenderer is Scalar, and serves Stoplight Elements, huma.DefaultConfig's choice, as Swagger UI.",
		rows:   []string{"config/docs-default", "config/docs-path", "config/docs-renderer"},
	},
	{
		id:     "framework-unwrap",
		reason: "Middleware reaches net/http through `framework.Unwrap(ctx)`: `humachi.Unwrap` knows only humachi's own context type and panics on any other adapter's, Signet's included (a logged 500); Signet's context keeps the `Unwrap() (*http.Request, http.ResponseWriter)` that Huma's adapters' contexts share, which humachi.Unwrap cannot see through.",
		rows:   []string{"context/humachi-unwrap"},
	},
	{
		id:     "groups-are-prefix-and-options",
		reason: "framework.Group is a path prefix and options that edit each operation, like FastAPI's APIRouter; what else Huma's groups do (several prefixes, a modifier that leaves an operation out, group transformers) is written with `huma.NewGroup(app.API(), ...)` and Huma's registration functions, where Signet's rules hold too, less what only framework.Register reads from Go types.",
		rows:   []string{"group/several-prefixes", "group/modifier-skips-operation", "group/transformer"},
	},
	{
		id:     "not-acceptable-answered",
		reason: "With NoFormatFallback, a request whose Accept admits none of the formats gets Huma's 406 problem before its handler runs, and one without Accept, or admitting a format through `*/*` or `type/*`, gets that format; Huma runs the handler, then drops the connection, for all three.",
		rows:   []string{"config/no-format-fallback"},
	},
}

// dropSchemaLinks: without Config.SchemaLinks, no "$schema" member and no
// Link header with rel=describedby. With Config.Huma, the links are those
// its CreateHooks add, as on stock Huma.
func dropSchemaLinks(stock, _ *answer, config framework.Config) {
	if config.SchemaLinks || config.Huma != nil {
		return
	}
	if obj, ok := stock.json.(map[string]any); ok {
		delete(obj, "$schema")
	}
	links := slices.DeleteFunc(slices.Clone(stock.header.Values("Link")), describesBy)
	if len(links) == 0 {
		stock.header.Del("Link")
	} else {
		stock.header["Link"] = links
	}
}

// describesBy reports whether a Link header value is a schema link.
func describesBy(link string) bool {
	return strings.Contains(strings.ToLower(link), `rel="describedby"`)
}

// dropErrorValues removes the "value" of every error of a problem.
func dropErrorValues(stock, _ *answer, _ framework.Config) {
	for _, e := range problemErrors(stock) {
		delete(e, "value")
	}
}

// drop5xxErrors removes "errors" from a 5xx problem.
func drop5xxErrors(stock, _ *answer, _ framework.Config) {
	if obj, ok := stock.json.(map[string]any); ok && stock.status >= 500 && problemErrors(stock) != nil {
		delete(obj, "errors")
	}
}

// addNosniff adds X-Content-Type-Options: nosniff.
func addNosniff(stock, _ *answer, _ framework.Config) {
	stock.header.Set("X-Content-Type-Options", "nosniff")
}

// unroutedAsProblems: chi's plain-text 404 and bodiless 405 become the
// problem details Signet sends with the same status, and a 405's Allow
// lists HEAD after GET.
func unroutedAsProblems(stock, signet *answer, _ framework.Config) {
	if stock.status != signet.status || (stock.status != http.StatusNotFound && stock.status != http.StatusMethodNotAllowed) {
		return
	}
	if strings.Contains(stock.header.Get("Content-Type"), "json") || signet.header.Get("Content-Type") != "application/problem+json" {
		return
	}
	stock.header.Set("Content-Type", signet.header.Get("Content-Type"))
	stock.body, stock.json = signet.body, cloneJSON(signet.json)
	if allow := stock.header.Get("Allow"); allow != "" {
		stock.header.Set("Allow", strings.Replace(allow, "GET", "GET, HEAD", 1))
	}
}

// signetDocumentHeaders: a document that Huma serves as
// application/openapi+json or +yaml goes out as application/json or
// application/yaml, with Signet's caching and encoding headers.
func signetDocumentHeaders(stock, signet *answer, _ framework.Config) {
	ours, theirs := stock.header.Get("Content-Type"), signet.header.Get("Content-Type")
	if ours == "application/openapi+json" && theirs == "application/json" || ours == "application/openapi+yaml" && theirs == "application/yaml" {
		stock.header.Set("Content-Type", theirs)
		for _, name := range []string{"Etag", "Cache-Control", "Accept-Ranges", "Vary", "Content-Encoding"} {
			if stock.header.Get(name) == "" && signet.header.Get(name) != "" {
				stock.header[name] = signet.header[name]
			}
		}
	}
}

// problemErrors returns the objects of a problem's "errors" member.
func problemErrors(a *answer) []map[string]any {
	obj, ok := a.json.(map[string]any)
	if !ok || !strings.Contains(a.header.Get("Content-Type"), "problem+json") {
		return nil
	}
	list, _ := obj["errors"].([]any)
	var out []map[string]any
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
