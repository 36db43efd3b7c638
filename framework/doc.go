// Package framework is the heart of Signet: typed HTTP handlers on chi and
// Huma whose OpenAPI document is derived from the handlers' signatures and
// never disagrees with what goes on the wire.
//
// # Handlers and operations
//
// A handler is a plain function from a typed input to a typed output:
//
//	func(ctx context.Context, in *In) (*Out, error)
//
// Input and output structs follow Huma's conventions. Fields tagged path,
// query, header or cookie are request parameters, bound and validated
// before the handler runs; a Body field is the request body, decoded from
// JSON and validated against its schema. In the output, a Body field is the
// response body, fields tagged header are response headers, and an int
// field named Status chooses the status at run time. Validation tags
// (minimum, maxLength, enum, pattern, ...) go into the schema and are
// enforced on every request.
//
// An [Operation] describes where a handler is served: its method and path,
// its DefaultStatus, summary, tags and any other responses to document.
// [Register] adds one to an [App]; [Get], [Post], [Put], [Patch] and [Delete]
// are shortcuts that name the operation from its method and path.
//
//	app := framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
//	framework.Get(app, "/items/{id}", func(ctx context.Context, in *GetItemInput) (*GetItemOutput, error) {
//		...
//	})
//
// [App.Group] gives operations a path prefix and shared options (tags,
// security, ...), as FastAPI's APIRouter does.
//
// # Status codes
//
// Status codes are first class. The success status is the operation's
// DefaultStatus (200 when the output has a Body, 204 when it has none), or
// the output's Status field, whose possible values are listed in its enum
// tag. One predicate, [BodyAllowed], decides which statuses may carry
// content (not 1xx, 204, 205 or 304), and it is applied at registration, in
// the document (bodiless responses have no content) and on the wire (no
// body bytes and no content headers).
//
// An operation that contradicts itself or HTTP (a Body on a 204, a status
// outside 100-599, a {param} in the path with no field to bind it, a second
// operation on a method and path already taken) is refused when it is
// registered: the registration panics with a [RegistrationError] whose
// message names the operation and says what to change, as net/http's
// ServeMux panics on conflicting patterns. Registering after the App has
// served its first request panics too: the document it served never
// changes.
//
// # Errors
//
// A handler returns an error to fail. A huma.StatusError (huma.Error404NotFound
// and its siblings, or huma.NewError) is written as problem details (RFC
// 9457, application/problem+json) with its status; list such statuses in the
// operation's Errors so that the document shows them. Any other error is a
// 500 whose body says nothing about it: the error is logged through the
// App's logger, never sent. Config.ErrorMapping maps domain errors (such as
// sql.ErrNoRows) to status errors in one place. A handler error wrapping
// context.DeadlineExceeded becomes 504, and a request whose client went away
// is not logged as a failure.
//
// Every status Signet itself can send is documented on the operation that
// sends it: 400 for a malformed body, 413 and 415 for operations with a
// body, 422 when an input can fail validation, 401 and 403 for secured
// operations, 500 always, each as problem details with an example.
//
// # Requests
//
// Request bodies are limited (Config.MaxBodyBytes, 1 MiB by default, per
// operation with Operation.MaxBodyBytes) and accepted only in a media type
// the document lists for them. JSON bodies are decoded strictly: duplicate
// member names, invalid UTF-8 and unknown members are refused, and the work
// and memory a body costs are bounded by its size and a nesting limit. Problem details
// never echo the request: they name offending members, at most ten, cut
// short. The server that [App.Serve] runs has timeouts and header limits of
// its own (see [Config]).
//
// # Security
//
// Config.SecuritySchemes declares how clients authenticate (bearer tokens,
// API keys, HTTP Basic, OAuth 2), Config.Security what the API requires by
// default, and Config.Authenticators the function that checks each
// scheme's credentials ([Authenticator]). Signet enforces what the document
// says: a request to a secured operation without valid credentials gets 401
// with a WWW-Authenticate challenge, one without the required scopes 403.
//
// # The document and the docs
//
// The App serves its document as OpenAPI 3.1 (/openapi.json,
// /openapi.yaml) and 3.0 (/openapi-3.0.json, /openapi-3.0.yaml), and Swagger
// UI at /docs from assets embedded in the binary, so that it works offline.
// [App.OpenAPI] returns the document for editing until the App first
// serves it; package cli exports it without starting a server.
//
// # Huma underneath
//
// The rules hold whichever way an operation is registered: [Register] and
// its shortcuts, or Huma's own huma.Register, huma.Get, huma.NewGroup and
// helpers (sse.Register, autopatch) on [App.API]. Signet applies them in the
// hooks Huma gives every operation: its adapter admits each operation and
// reads each request body under the input policy; its document hook
// documents the statuses Signet sends; its transformer keeps problem details
// free of internal error text and bounded in size. [Register] adds what only
// the Go types tell: the statuses of a dynamic Status field, the exact range
// of narrow integer parameters, required output headers, and error mapping.
// A program coming from Huma passes its huma.Config as Config.Huma.
//
// # Serving
//
// An App is an http.Handler. [App.Serve] runs it with the limits of Config
// and shuts down gracefully when its context ends; [App.Use] adds net/http
// middleware around every route, and [App.Router] mounts plain handlers
// beside the operations.
//
// # Related packages
//
//   - cli: the command line of an API program (serve, openapi), as humacli;
//   - frameworktest: a test client that checks every response against the
//     document, and generates requests from it;
//   - conditional: ETags and conditional requests (304, 412);
//   - accesslog: one log line per request through log/slog;
//   - responsecheck: checking responses against the document while
//     developing, linked only into programs that import it.
package framework
