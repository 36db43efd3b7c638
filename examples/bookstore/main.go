// Command bookstore serves a catalogue of books built with Signet, the
// shape of a real API: operations under /v1, public reads with filters,
// enums, bounds and cursor pagination, conditional reads (ETag, 304),
// changes behind a bearer token, cover images uploaded as multipart forms
// and checked by their bytes, a stream of changes as server-sent events,
// and a domain error mapped to 404 in one place.
//
//	BOOKSTORE_TOKEN=s3cret go run ./examples/bookstore   # http://localhost:8080, docs at /docs
//	go run ./examples/bookstore --help
//
// Without BOOKSTORE_TOKEN, the server makes a token for the run and logs it.
// BOOKSTORE_URL is the URL clients reach the server at, named in the
// document's servers (default http://localhost:8080, where `serve` listens
// by default); set it when serving elsewhere, so that the docs' "Try it
// out" reaches the server.
package main

import (
	"log/slog"
	"os"
	"time"

	"github.com/signet-go/signet/framework/cli"
)

func main() {
	logger := slog.Default()
	publicURL, err := serverURL(os.Getenv)
	if err != nil {
		logger.Error(err.Error())
		os.Exit(2)
	}
	// A graceful shutdown ends the event streams, whose clients never
	// leave by themselves: Signet cancels their requests when it begins.
	app := newApp(newStore(), bearerToken(os.Args[1:], os.Getenv, logger), publicURL, time.Now, logger)
	cli.Run(app)
}
