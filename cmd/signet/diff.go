package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/signet-go/signet/cmd/signet/contract"
)

const diffSynopsis = "signet diff [--fail-on breaking|warning] [--format text|json|markdown] BASE NEW"

// runDiff is the diff command: it compares BASE with NEW and exits 1 when a
// change is at the --fail-on level or above.
func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("diff", flag.ContinueOnError)
	// The flag package prints a parse error with the whole usage; the
	// error is reported on one line below instead, and -h prints the usage.
	flags.SetOutput(io.Discard)
	failOn := flags.String("fail-on", "breaking", "exit 1 when a change is at this `level` or above: breaking or warning")
	format := flags.String("format", "text", "the output `format`: text, json or markdown")
	flags.Usage = func() {
		fmt.Fprintf(flags.Output(), "Usage: %s\n\n"+
			"Compares two OpenAPI documents (JSON or YAML, OpenAPI 3.0 or 3.1) of one\n"+
			"API and prints each change with its level (breaking, warning, info), the\n"+
			"operation and what changed. BASE is the contract clients were built\n"+
			"against, NEW the document to check; either may be - for standard input.\n\n"+
			"Exits 1 when a change is at the --fail-on level or above, 0 otherwise,\n"+
			"2 on a usage error or a document that cannot be read.\n\n"+
			"  git show origin/main:openapi.json | signet diff - openapi.json\n\nFlags:\n", diffSynopsis)
		flags.PrintDefaults()
	}
	paths, err := parseInterleaved(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		flags.SetOutput(stdout)
		flags.Usage()
		return 0
	}
	if err != nil {
		return usageError(stderr, err.Error())
	}

	threshold, err := contract.ParseLevel(*failOn)
	if err != nil || threshold == contract.Info {
		return usageError(stderr, fmt.Sprintf("invalid --fail-on %q: use breaking or warning", *failOn))
	}
	outputFormat := contract.Format(*format)
	if outputFormat != contract.Text && outputFormat != contract.JSON && outputFormat != contract.Markdown {
		return usageError(stderr, fmt.Sprintf("invalid --format %q: use text, json or markdown", *format))
	}
	switch {
	case len(paths) != 2:
		return usageError(stderr, fmt.Sprintf("want two documents, BASE and NEW, got %d", len(paths)))
	case paths[0] == "-" && paths[1] == "-":
		return usageError(stderr, "only one of BASE and NEW can be - (standard input)")
	}

	base, err := readDocument("BASE", paths[0], stdin)
	if err != nil {
		return failure(stderr, err)
	}
	revision, err := readDocument("NEW", paths[1], stdin)
	if err != nil {
		return failure(stderr, err)
	}
	changes, err := contract.Compare(base, revision)
	if err != nil {
		return failure(stderr, err)
	}
	if err := contract.Write(stdout, changes, outputFormat); err != nil {
		return failure(stderr, fmt.Errorf("writing the report: %w", err))
	}
	if contract.AtLeast(changes, threshold) {
		return 1
	}
	return 0
}

// parseInterleaved parses flags placed before, between or after the
// positional arguments (flag.Parse stops at the first positional one), and
// returns the positional arguments. Everything after "--" is positional.
func parseInterleaved(flags *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := flags.Parse(args); err != nil {
			return nil, err
		}
		rest := flags.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// readDocument reads and parses the document at path ("-" is stdin); role
// ("BASE" or "NEW") names it in messages.
func readDocument(role, path string, stdin io.Reader) (*contract.Document, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "standard input"
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", role, err)
	}
	doc, err := contract.Parse(name, data)
	if err != nil {
		return nil, fmt.Errorf("%s %w", role, err)
	}
	return doc, nil
}

func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "signet diff: %s (usage: %s)\n", msg, diffSynopsis)
	return 2
}

func failure(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "signet diff: %v\n", err)
	return 2
}
