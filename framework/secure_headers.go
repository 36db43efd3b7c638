package framework

import "net/http"

// setSecurityHeaders sets the headers every response of the App carries,
// whoever writes it (operations, the document and docs routes, 404, 405,
// middleware, handlers mounted on Router()):
//   - X-Content-Type-Options: nosniff, so that a browser never runs a
//     response as a script or a page unless its Content-Type says so; a
//     problem+json body that quotes a client's input stays data.
//
// App.ServeHTTP calls it before anything else runs, rather than through a
// handler wrapped around the middlewares: one call less per request.
// Nothing names the server or its versions: net/http sends no Server
// header and Signet adds none. Each response gets a value slice of its own:
// a middleware may change a header's values in place.
func setSecurityHeaders(h http.Header) {
	h["X-Content-Type-Options"] = []string{"nosniff"}
}
