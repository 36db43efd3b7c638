// Package docs checks the Markdown files of the repository (README.md,
// SECURITY.md, BENCHMARKS.md, the guides under docs/ and every other .md
// file outside hidden directories, node_modules and testdata) the way
// GitHub renders them, with the CommonMark parser goldmark and its GitHub
// extensions. Run the checks from the repository's root with
//
//	go test ./checks/docs
//
// or, in checks/, `go test ./docs`. Each failure names the Markdown file
// and line, as file:line: what is wrong.
//
// # Links
//
// Every relative link and image, in Markdown or in HTML (href, src), names
// a file or directory of the repository, written relative to the Markdown
// file (not starting with "/"). A #fragment into a Markdown file is one of
// its headings' anchors, as GitHub makes them (lower case; punctuation
// other than - and _ dropped; spaces as hyphens; a repeated heading's
// anchor suffixed -1, -2, ...), or an id or name attribute of its HTML. A
// fragment into any other file is a line, #L12 or #L12-L20. Links with a
// scheme (https:, mailto:) are not followed.
//
// # Code fences
//
// Every code block is fenced (an indented block is refused), its fence is
// closed (CommonMark runs an unclosed fence to the end of its container,
// swallowing the text after it), and the fence names its language, one of
//
//	go text sh console json yaml http diff html svg python
//
// so that prose after three backticks, or Go in a bare fence that would
// escape the compile check, is caught. Use text for output and for
// anything that is not code in one of these languages.
//
// # Go blocks
//
// Every ```go block compiles with the go command and passes go vet. There
// are two kinds.
//
// A block whose first word, after any comments, is a package clause is a
// complete file. It is built as the only file of a package of its own, in
// a throwaway module that requires github.com/signet-go/signet and
// github.com/signet-go/signet/cmd/signet (the signet command's module:
// contract, contracttest), both replaced by the repository's code. It
// imports what it uses; `package main` needs func main. Use this kind for
// a program or test a reader can copy whole.
//
// Any other block is a fragment. The fragments of one Markdown file are
// compiled together, as the files of one package:
//
//   - a fragment that is Go declarations (func, type, var, const, and
//     import lines at its top) is put at package level, so every fragment
//     of the same Markdown file may use what it declares;
//   - any other fragment is a list of statements, compiled as the body of
//     a function of its own (func _() { ... }); what it declares stays in
//     it, and its variables may go unused;
//   - a fragment that is neither (a struct field, a lone expression such as
//     `Title: "Items",` or a signature without a body) fails: make it one
//     of the two, or fence it as text if it is not meant to compile.
//
// A fragment may use, without importing them, these packages by their
// usual names, and imports nothing else unless it has import lines of its
// own:
//
//	bytes, context, crypto/subtle, database/sql, errors, fmt, io,
//	encoding/json, log, log/slog, net/http, net/http/httptest, os,
//	os/signal, strconv, strings, sync, testing, time;
//	github.com/signet-go/signet/framework, github.com/signet-go/signet/framework/accesslog,
//	github.com/signet-go/signet/framework/cli, github.com/signet-go/signet/framework/conditional,
//	github.com/signet-go/signet/framework/frameworktest, github.com/signet-go/signet/framework/responsecheck,
//	github.com/signet-go/signet/openapi, github.com/signet-go/signet/docsui,
//	github.com/signet-go/signet/cmd/signet/contract, github.com/signet-go/signet/cmd/signet/contracttest;
//	github.com/danielgtaylor/huma/v2 (as huma), github.com/danielgtaylor/huma/v2/adapters/humachi,
//	github.com/danielgtaylor/huma/v2/sse, github.com/go-chi/chi/v5 (as chi),
//	github.com/go-chi/chi/v5/middleware.
//
// Every other name a fragment uses must be declared by a Go block of the
// same Markdown file, in the reader's sight. A guide that registers
// handlers in several fragments declares, once, in a declarations block:
//
//	var app = framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
//
//	type Item struct {
//		Name string `json:"name"`
//	}
//
// and the statement fragments after it use app and Item. Two declaration
// fragments of one file must not declare the same name; show the second
// version as a complete file, or under another name.
//
// Nothing is skipped: a block is Go and compiles, or is fenced as another
// language. The checkers themselves are tested on the pages under
// testdata/, each fault planted there found at its line.
package docs
