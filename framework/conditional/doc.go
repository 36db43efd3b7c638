// Package conditional evaluates conditional requests (If-Match,
// If-None-Match, If-Modified-Since, If-Unmodified-Since) exactly as RFC 9110
// section 13.2.2 orders them, for caching (304 Not Modified) and optimistic
// concurrency (412 Precondition Failed).
//
// A handler embeds [Params] in its input, which documents the four headers
// as parameters of the operation, and registers the operation with
// [Document], which documents 304 (for GET, without content) and 412. It
// then declares the current [Validators] of the resource and acts on the
// [Outcome]:
//
//	type getItemInput struct {
//		ID int64 `path:"id"`
//		conditional.Params
//	}
//
//	type getItemOutput struct {
//		Status       int       // 0 means the operation's DefaultStatus
//		ETag         string    `header:"ETag"`
//		LastModified time.Time `header:"Last-Modified"`
//		CacheControl string    `header:"Cache-Control"`
//		Body         Item
//	}
//
//	func getItem(ctx context.Context, in *getItemInput) (*getItemOutput, error) {
//		item := ... // 404 first: preconditions apply only to what would succeed
//		v := conditional.Validators{ETag: conditional.StrongETag(item.Version), LastModified: item.UpdatedAt}
//		out := &getItemOutput{ETag: v.ETag.String(), LastModified: v.LastModified, CacheControl: "no-cache"}
//		switch in.Evaluate(http.MethodGet, v) {
//		case conditional.NotModified:
//			out.Status = http.StatusNotModified // same headers as a 200, no body
//			return out, nil
//		case conditional.PreconditionFailed:
//			return nil, huma.Error412PreconditionFailed("the item has changed")
//		}
//		out.Body = item
//		return out, nil
//	}
//
// A 304 is an ordinary output with its Status set, so it carries the same
// ETag, Last-Modified, Cache-Control, Expires, Vary and Content-Location
// headers as the 200 would (RFC 9110 section 15.4.5); Signet drops the body
// and the content headers on the wire. A 412 is a problem, returned as an
// error.
//
// For a state-changing request, evaluate the preconditions and make the
// change under the same lock or transaction, or two clients holding the same
// ETag can both succeed.
//
// What the package does not do: it ignores If-Range (which decides whether a
// Range is honoured, not whether the request proceeds), and it does not
// detect that a failed state-changing request had already been applied (RFC
// 9110 allows a 2xx instead of 412 then; that is the handler's call).
package conditional
