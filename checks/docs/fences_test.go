package docs

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// languages are the info strings a code fence may start with. A fence must
// name one: a bare fence cannot be told from a Go block that escaped the
// compile check, and prose after three backticks (the way README once
// opened a block that swallowed a whole section) is not a language.
var languages = []string{
	"go", "text", "sh", "console", "json", "yaml", "http", "diff", "html", "svg",
	"python", // the FastAPI side of docs/coming-from-fastapi.md
}

// TestCodeFences checks every code block of every Markdown file: fenced,
// closed by a matching fence, and naming a known language.
func TestCodeFences(t *testing.T) {
	for _, p := range checkFences(markdownFiles(t, repoRoot)) {
		t.Error(p)
	}
}

func checkFences(files []*markdownFile) []problem {
	var problems []problem
	for _, f := range files {
		_ = ast.Walk(f.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.CodeBlock:
				problems = append(problems, problem{f.path, f.nodeLine(n),
					"indented code block: fence it with a language instead (```go, ```text, ...), so that it is checked"})
			case *ast.FencedCodeBlock:
				line := f.fenceLine(n)
				if !f.closed[n] {
					problems = append(problems, problem{f.path, line,
						"this code fence is never closed: the block runs to the end of its container (here, maybe the file) and swallows the text after it"})
				}
				lang := string(n.Language(f.source))
				switch {
				case lang == "":
					problems = append(problems, problem{f.path, line,
						"code fence without a language: name one of " + strings.Join(languages, ", ") + " (text for output)"})
				case !slices.Contains(languages, lang):
					problems = append(problems, problem{f.path, line, fmt.Sprintf(
						"code fence with the unknown language %q (the words after the backticks are the block's language, so a fence is alone on its line): use one of %s",
						lang, strings.Join(languages, ", "))})
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return problems
}
