package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/openapi"
)

// openapiCommand writes the App's OpenAPI document without serving it, so a
// build can export it: `items openapi > openapi.json`.
var openapiCommand = command{
	name:    "openapi",
	summary: "write the OpenAPI document to stdout or a file, without serving",
	run: func(_ context.Context, app *framework.App, args []string, stdout, stderr io.Writer) int {
		flags := flag.NewFlagSet("openapi", flag.ContinueOnError)
		flags.SetOutput(stderr)
		format := flags.String("format", string(openapi.JSON), "the encoding: `json` or yaml")
		version := flags.String("spec-version", string(openapi.V31), "the OpenAPI `version`: 3.1 or 3.0 (a downgrade; what 3.0 cannot express is dropped with a warning on stderr)")
		output := flags.String("output", "", "write to `FILE` instead of stdout")
		flags.Usage = func() {
			fmt.Fprintf(flags.Output(), "Usage: %s openapi [--format json|yaml] [--spec-version 3.1|3.0] [--output FILE]\n\n"+
				"Writes the API's OpenAPI document and exits, without listening on any port.\n"+
				"The bytes are the same on every run and are those the App serves at its\n"+
				"/openapi* routes, so the file can be committed and diffed:\n\n"+
				"  %s openapi > openapi.json\n\nFlags:\n", programName(), programName())
			flags.PrintDefaults()
		}
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		opts := openapi.Options{
			Format:  openapi.Format(*format),
			Version: openapi.Version(*version),
			Warn:    func(msg string) { fmt.Fprintln(stderr, msg) },
		}
		var usageErr string
		switch {
		case flags.NArg() > 0:
			usageErr = fmt.Sprintf("openapi takes no arguments, got %q", flags.Args())
		case opts.Format != openapi.JSON && opts.Format != openapi.YAML:
			usageErr = fmt.Sprintf("invalid --format %q: use json or yaml", *format)
		case opts.Version != openapi.V31 && opts.Version != openapi.V30:
			usageErr = fmt.Sprintf("invalid --spec-version %q: use 3.1 or 3.0", *version)
		}
		if usageErr != "" {
			fmt.Fprintln(stderr, usageErr)
			flags.Usage()
			return 2
		}
		doc, err := openapi.Render(app.OpenAPI(), opts)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", programName(), err)
			return 1
		}
		if *output == "" {
			_, err = stdout.Write(doc)
		} else {
			err = os.WriteFile(*output, doc, 0o644)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: cannot write the document: %v\n", programName(), err)
			return 1
		}
		return 0
	},
}
