package framework

import "net/http"

// withSecurityHeaders sets the headers every response of the App carries,
// whoever writes it (operations, the document and docs routes, 404, 405,
// middleware):
//   - X-Content-Type-Options: nosniff, so that a browser never runs a
//     response as a script or a page unless its Content-Type says so; a
//     problem+json body that quotes a client's input stays data.
//
// Nothing names the server or its versions: net/http sends no Server
// header and Signet adds none.
func withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["X-Content-Type-Options"] = nosniff
		next.ServeHTTP(w, r)
	})
}

// nosniff is the value of X-Content-Type-Options, shared by every response
// so that setting it costs no allocation. Header.Set and Header.Add replace
// or extend the slice, never change it in place.
var nosniff = []string{"nosniff"}
