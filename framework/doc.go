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
// registration (contradictions panic with a message that says what to
// change), in the document (bodiless responses have no content) and on the
// wire (no body bytes and no content headers).
package framework
