// Command items serves a complete items resource built with Signet:
// paginated list, create (201 + Location), conditional read (ETag,
// Last-Modified, 304), HEAD, replace guarded by If-Match (412 stale, 428
// missing), delete (204), and problem details for 404, 409 and 422.
//
//	go run ./examples/items            # http://localhost:8080, docs at /docs
//	go run ./examples/items --help
package main

import (
	"time"

	"github.com/signet-go/signet/framework/cli"
)

func main() {
	cli.Run(newApp(newStore(), time.Now, nil))
}
