// Command signet holds Signet's tools that work on an API's OpenAPI
// document rather than serve it. Install it with
//
//	go install github.com/signet-go/signet/cmd/signet@latest
//
// or pin it in your module with a tool directive (go get -tool
// github.com/signet-go/signet/cmd/signet) and run it as go tool signet.
// It lives in a module of its own so that what it needs (oasdiff and its
// dependencies) never enters the module graph or the binaries of a program
// that only serves an API.
//
// # signet diff
//
//	signet diff [--fail-on breaking|warning] [--format text|json|markdown] BASE NEW
//
// compares two OpenAPI documents of one API, BASE (the contract clients
// were built against, say the committed openapi.json of the main branch)
// and NEW (the document of the change under review), and prints each change
// with its level (breaking, warning or info), the operation and what
// changed. Either may be "-" for standard input. Documents may be JSON or
// YAML, OpenAPI 3.0 or 3.1.
//
// The exit status is 1 when a change is breaking (or, with --fail-on
// warning, a warning), 0 otherwise, and 2 on a usage error or a document
// that cannot be read, with a one-line message on standard error.
//
// --format text (the default) is for people, json for tools and markdown
// for a pull-request comment.
//
// In a CI job, export the current document with your App's openapi command
// and compare it with the main branch's:
//
//	go run ./cmd/myapi openapi > /tmp/openapi.json
//	git show origin/main:openapi.json | signet diff - /tmp/openapi.json
package main
