package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `Usage: signet <command> [arguments]

Commands:
  diff    compare two OpenAPI documents and report the changes that break clients

Run "signet <command> -h" for a command's usage.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "diff":
		return runDiff(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "signet: unknown command %q (the commands: diff; run \"signet help\")\n", args[0])
	return 2
}
