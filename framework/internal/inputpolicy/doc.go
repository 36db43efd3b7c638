// Package inputpolicy reads the body of a request for an operation under
// Signet's input policy, before Huma binds and validates it:
//
//   - the body is read whole, up to the operation's limit: a body of exactly
//     the limit is accepted, a larger one is refused with 413 Content Too
//     Large, as soon as its Content-Length announces it or as soon as the
//     limit is crossed;
//   - a body must come with a Content-Type (415 otherwise: a browser posts a
//     body without one cross-origin without a CORS preflight), and that media
//     type must be one the operation documents for its body (415 otherwise,
//     naming the documented types and never repeating the one received).
//     Media types match regardless of case and parameters (RFC 9110 section
//     8.3.1), and a documented range such as "image/*" admits its members;
//   - a body that cannot be read (a connection that ends early, malformed
//     chunked encoding) is the client's fault, 400 Bad Request, and a body
//     that does not arrive in the operation's read timeout is 408 Request
//     Timeout.
//
// The body read here is what Huma then reads; Huma never sees more of the
// request than the policy admitted.
package inputpolicy
