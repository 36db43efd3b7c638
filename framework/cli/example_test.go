package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/cli"
)

// Execute runs one command line of an App with the streams given: here the
// openapi command, which writes the document and exits without serving,
// then the same command with a bad flag, a usage error. A program's main
// calls cli.Run(app) instead, which reads os.Args and exits with the status.
func ExampleExecute() {
	app := framework.New(framework.Config{Title: "Greeter", Version: "1.0.0"})
	framework.Get(app, "/hello", func(context.Context, *struct{}) (*struct{ Body string }, error) {
		return &struct{ Body string }{Body: "hello"}, nil
	})

	var stdout, stderr bytes.Buffer
	code := cli.Execute(context.Background(), app, []string{"openapi", "--format", "yaml"}, &stdout, &stderr)
	head := strings.SplitAfterN(stdout.String(), "\n", 6)[:5]
	fmt.Printf("exit status %d\n%s", code, strings.Join(head, ""))

	stdout.Reset()
	code = cli.Execute(context.Background(), app, []string{"openapi", "--format", "xml"}, &stdout, &stderr)
	firstLine, _, _ := strings.Cut(stderr.String(), "\n")
	fmt.Printf("exit status %d: %s\n", code, firstLine)
	// Output:
	// exit status 0
	// openapi: 3.1.0
	// info:
	//   title: Greeter
	//   version: 1.0.0
	// paths:
	// exit status 2: invalid --format "xml": use json or yaml
}
