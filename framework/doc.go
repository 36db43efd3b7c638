// Package framework is the heart of Signet: typed HTTP handlers on chi and
// Huma whose OpenAPI document is derived from the handlers' signatures and
// never lies about status codes.
//
// A handler is a plain function
//
//	func(ctx context.Context, in *In) (*Out, error)
//
// registered with an [Operation] (method, path, DefaultStatus, summary, tags,
// extra documented responses). Input and output structs follow Huma's
// conventions: path, query, header and cookie tags, a Body field, output
// header fields and an optional output Status field.
//
// Status codes are first class. One predicate, [BodyAllowed], decides which
// statuses may carry content (not 1xx, 204, 205 or 304), and it is applied at
// registration (contradictions panic with a [RegistrationError] that says
// what to change), in the document (bodiless responses have no content) and
// on the wire (no body bytes and no content headers).
//
// The rules hold whichever way an operation is registered: [Register] and
// its shortcuts, or Huma's own huma.Register, huma.Get, huma.NewGroup and
// helpers (sse.Register, autopatch) on [App.API]. Signet applies them in the
// hooks Huma gives every operation: its adapter admits each operation (the
// status rules, one operation per method and path, nothing after the App
// first served) and reads each request body under the input policy (limits
// and media types); its document hook documents every status Signet itself
// sends; its transformer keeps problem details free of internal error text
// and bounded in size. [Register] adds what only the Go types tell: dynamic
// statuses, narrow integer parameters, required output headers.
package framework
