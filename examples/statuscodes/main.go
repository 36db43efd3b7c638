// Command statuscodes is the status-code guide as a runnable API: a small
// notes service with one operation for each case the guide names (200 OK
// by default, 201 Created, 204 No Content, 304 Not Modified, 400 Bad
// Request, 404 Not Found, 500 from a failing handler) and one whose
// DefaultStatus is a constant of the API's own status type, like Python's
// IntEnum. Each operation's description, shown in /docs, says when it
// answers what.
//
//	go run ./examples/statuscodes            # http://localhost:8080, docs at /docs
//	go run ./examples/statuscodes --help
package main

import "github.com/signet-go/signet/framework/cli"

func main() {
	cli.Run(newApp(newNotes(), noTranslator{}, nil))
}
