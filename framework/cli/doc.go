// Package cli is the command line of a Signet App, as humacli is Huma's:
// a program's main hands its App to [Run], and the binary gets the
// commands every API needs.
//
//	func main() {
//		app := framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
//		// register operations ...
//		cli.Run(app)
//	}
//
// The commands:
//
//	serve [--addr HOST:PORT] [--access-log=false]
//	                             serve the API (the default command), on
//	                             localhost:8080 unless told otherwise, until
//	                             SIGINT or SIGTERM, then shut down gracefully;
//	                             log one line per request unless told not to
//	openapi [--format json|yaml] [--spec-version 3.1|3.0] [--output FILE]
//	                             write the OpenAPI document and exit, without
//	                             listening on any port
//	help                         list the commands (also --help)
//
// serve logs each request to the App's logger (app.Logger()) through the
// access log of package accesslog, which it puts around the whole App,
// outside the App's own middlewares: it sees every response, including a
// middleware's 401 and the 404s. The line has the method, the path without
// the query, the status, the body bytes, the duration and the request ID
// (see package accesslog for how it gets there); never a header or the
// query, where secrets travel. An App served any other way logs no
// requests unless it is wrapped in accesslog.Middleware.
//
// Each command takes --help. An unknown command or flag prints the usage
// and exits 2; a failure (an address already in use, a file that cannot be
// written) exits 1 with a message on stderr. [Execute] runs one command
// line with the streams and the context given, for tests and for programs
// that read some arguments of their own first.
package cli
