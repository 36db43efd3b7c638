package docs

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	mdast "github.com/yuin/goldmark/ast"
)

// fragmentImports are the packages a fragment may use without importing
// them, by the name it uses: the standard library's that handlers and
// tests use, Signet's public packages, Huma and chi. The package doc lists
// the same; TestFragmentImportsDocumented keeps the two together.
var fragmentImports = map[string]string{
	"bytes":         "bytes",
	"context":       "context",
	"subtle":        "crypto/subtle",
	"sql":           "database/sql",
	"errors":        "errors",
	"fmt":           "fmt",
	"io":            "io",
	"json":          "encoding/json",
	"log":           "log",
	"slog":          "log/slog",
	"http":          "net/http",
	"httptest":      "net/http/httptest",
	"os":            "os",
	"signal":        "os/signal",
	"strconv":       "strconv",
	"strings":       "strings",
	"sync":          "sync",
	"testing":       "testing",
	"time":          "time",
	"framework":     "github.com/signet-go/signet/framework",
	"accesslog":     "github.com/signet-go/signet/framework/accesslog",
	"cli":           "github.com/signet-go/signet/framework/cli",
	"conditional":   "github.com/signet-go/signet/framework/conditional",
	"frameworktest": "github.com/signet-go/signet/framework/frameworktest",
	"responsecheck": "github.com/signet-go/signet/framework/responsecheck",
	"openapi":       "github.com/signet-go/signet/openapi",
	"docsui":        "github.com/signet-go/signet/docsui",
	"contract":      "github.com/signet-go/signet/cmd/signet/contract",
	"contracttest":  "github.com/signet-go/signet/cmd/signet/contracttest",
	"huma":          "github.com/danielgtaylor/huma/v2",
	"humachi":       "github.com/danielgtaylor/huma/v2/adapters/humachi",
	"sse":           "github.com/danielgtaylor/huma/v2/sse",
	"chi":           "github.com/go-chi/chi/v5",
	"middleware":    "github.com/go-chi/chi/v5/middleware",
}

// TestGoBlocksCompile builds every ```go block of every Markdown file, as
// the package doc describes, with the go command, and reports each error
// at its line of the Markdown file.
func TestGoBlocksCompile(t *testing.T) {
	goCmd := goCommand(t)
	problems, err := checkGoBlocks(t, goCmd, repoRoot, markdownFiles(t, repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// goCommand is the go command that builds the blocks: a test of the checks
// module always has one, but if not, CI fails rather than skip.
func goCommand(t *testing.T) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the go command is not on PATH, and CI must build the Markdown files' Go blocks: %v", err)
		}
		t.Skipf("the go command is not on PATH: %v", err)
	}
	return goCmd
}

// goBlock is one ```go block of a Markdown file.
type goBlock struct {
	file *markdownFile
	line int // of the block's first line of code
	code string
}

// isFile says whether the block starts (after comments) with a package
// clause, which makes it a complete file rather than a fragment.
func (b goBlock) isFile() bool {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(b.code)), []byte(b.code), nil, 0)
	_, tok, _ := s.Scan()
	return tok == token.PACKAGE
}

// lineDirective makes the compiler report the lines that follow as the
// block's lines in its Markdown file.
func (b goBlock) lineDirective() string {
	return fmt.Sprintf("//line %s:%d\n", b.file.abs, b.line)
}

func goBlocks(files []*markdownFile) []goBlock {
	var blocks []goBlock
	for _, f := range files {
		_ = mdast.Walk(f.doc, func(n mdast.Node, entering bool) (mdast.WalkStatus, error) {
			if fence, ok := n.(*mdast.FencedCodeBlock); ok && entering && string(fence.Language(f.source)) == "go" {
				blocks = append(blocks, goBlock{file: f, line: f.fenceLine(fence) + 1, code: f.blockText(fence)})
			}
			return mdast.WalkContinue, nil
		})
	}
	return blocks
}

// checkGoBlocks writes the blocks into a throwaway module that requires
// Signet and Signet's command module (both replaced by the code of the
// repository at root), builds and vets it, and returns each error at its
// Markdown line. The error is for what stops the check itself.
func checkGoBlocks(t *testing.T, goCmd, root string, files []*markdownFile) ([]problem, error) {
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	paths := map[string]string{} // what the line directives name, to what a report names
	for _, f := range files {
		paths[f.abs] = f.path
	}
	module := t.TempDir()
	if err := writeModule(module, rootAbs); err != nil {
		return nil, err
	}
	var problems []problem
	fragments := map[*markdownFile][]goBlock{}
	blocks := goBlocks(files)
	for _, b := range blocks {
		if strings.TrimSpace(b.code) == "" {
			problems = append(problems, problem{b.file.path, b.line - 1, "empty ```go block"})
			continue
		}
		if !b.isFile() {
			fragments[b.file] = append(fragments[b.file], b)
			continue
		}
		dir := filepath.Join(module, "files", fmt.Sprintf("%s_l%d", packageDir(b.file.path), b.line))
		if err := writeFile(filepath.Join(dir, "block.go"), b.lineDirective()+b.code); err != nil {
			return nil, err
		}
	}
	for f, blocks := range fragments {
		ps, err := writeFragments(filepath.Join(module, "fragments", packageDir(f.path)), blocks)
		if err != nil {
			return nil, err
		}
		problems = append(problems, ps...)
	}
	if len(blocks) == len(problems) {
		sortProblems(problems)
		return problems, nil // nothing to build
	}
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	for _, args := range [][]string{
		{"build", "-gcflags=-e", "./..."}, // -e: every error, not the first ten
		{"vet", "./..."},
	} {
		cmd := exec.Command(goCmd, args...)
		cmd.Dir, cmd.Env = module, env
		out, err := cmd.CombinedOutput()
		if err == nil {
			continue
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
		}
		found := toolProblems(paths, string(out))
		if len(found) == 0 {
			return nil, fmt.Errorf("go %s in the module of the blocks failed, with no error at a Markdown line:\n%s", strings.Join(args, " "), out)
		}
		problems = append(problems, found...)
		break // vet only what builds
	}
	sortProblems(problems)
	return problems, nil
}

// writeModule writes the throwaway module's go.mod, and a go.sum made of
// the sums of the modules it replaces, so that no checksum is looked up.
func writeModule(dir, rootAbs string) error {
	gomod := fmt.Sprintf(`module signetdocs

go 1.26.0

require (
	github.com/signet-go/signet v0.0.0-00010101000000-000000000000
	github.com/signet-go/signet/cmd/signet v0.0.0-00010101000000-000000000000
)

replace (
	github.com/signet-go/signet => %s
	github.com/signet-go/signet/cmd/signet => %s
)
`, strconv.Quote(rootAbs), strconv.Quote(filepath.Join(rootAbs, "cmd", "signet")))
	var sums []string
	seen := map[string]bool{}
	for _, sumFile := range []string{"go.sum", filepath.Join("cmd", "signet", "go.sum")} {
		content, err := os.ReadFile(filepath.Join(rootAbs, sumFile))
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(content), "\n") {
			if line != "" && !seen[line] {
				seen[line] = true
				sums = append(sums, line)
			}
		}
	}
	if err := writeFile(filepath.Join(dir, "go.mod"), gomod); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "go.sum"), strings.Join(sums, "\n")+"\n")
}

// writeFragments writes the fragments of one Markdown file as the files of
// one package: declarations at package level, any other fragment as the
// body of a function of its own, each file importing the agreed packages
// it uses. A fragment that is neither is a problem.
func writeFragments(dir string, blocks []goBlock) ([]problem, error) {
	type parsed struct {
		block goBlock
		file  *ast.File
		decls bool
	}
	var all []parsed
	var problems []problem
	packageLevel := map[string]bool{}
	for _, b := range blocks {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "", "package fragments\n"+b.lineDirective()+b.code, 0)
		if err == nil {
			all = append(all, parsed{b, file, true})
			for _, name := range declaredNames(file) {
				packageLevel[name] = true
			}
			continue
		}
		file, err = parser.ParseFile(fset, "", "package fragments\nfunc _() {\n"+b.lineDirective()+b.code+"\n}\n", 0)
		if err == nil {
			all = append(all, parsed{b, file, false})
			continue
		}
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			problems = append(problems, problem{b.file.path, list[0].Pos.Line, fmt.Sprintf(
				"a fragment is Go declarations or Go statements, and this block is neither: %s (start it with a package clause if it is a file; use ```text if it is not Go)", list[0].Msg)})
		} else {
			problems = append(problems, problem{b.file.path, b.line, err.Error()})
		}
	}
	for _, p := range all {
		explicit := map[string]bool{}
		for _, spec := range p.file.Imports {
			name := path.Base(strings.Trim(spec.Path.Value, `"`))
			if spec.Name != nil {
				name = spec.Name.Name
			}
			explicit[name] = true
		}
		var imports []string
		seen := map[string]bool{}
		for _, id := range p.file.Unresolved {
			name := id.Name
			if importPath, ok := fragmentImports[name]; ok && !packageLevel[name] && !explicit[name] && !seen[name] {
				seen[name] = true
				imports = append(imports, fmt.Sprintf("\t%s %q\n", name, importPath))
			}
		}
		sort.Strings(imports)
		src := "package fragments\n\n"
		if len(imports) > 0 {
			src += "import (\n" + strings.Join(imports, "") + ")\n\n"
		}
		if p.decls {
			src += p.block.lineDirective() + p.block.code
		} else {
			src += "func _() {\n" + p.block.lineDirective() + p.block.code + "\n"
			for _, name := range topLevelLocals(p.file) {
				src += "\t_ = " + name + "\n" // a fragment shows a step: its variables may go unused
			}
			src += "}\n"
		}
		if err := writeFile(filepath.Join(dir, fmt.Sprintf("l%d.go", p.block.line)), src); err != nil {
			return nil, err
		}
	}
	return problems, nil
}

// declaredNames are the package-level names a file declares (methods
// excluded).
func declaredNames(file *ast.File) []string {
	var names []string
	for _, decl := range file.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names = append(names, n.Name)
					}
				case *ast.TypeSpec:
					names = append(names, s.Name.Name)
				}
			}
		}
	}
	return names
}

// topLevelLocals are the variables declared by the statements of a
// fragment wrapped in func _(), at the function's top level.
func topLevelLocals(file *ast.File) []string {
	var names []string
	add := func(id *ast.Ident) {
		if id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	body := file.Decls[len(file.Decls)-1].(*ast.FuncDecl).Body
	for _, stmt := range body.List {
		switch s := stmt.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				for _, lhs := range s.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						add(id)
					}
				}
			}
		}
	}
	return names
}

// toolLine is an error of the compiler or vet at a position: file:line:col:
// message, sometimes after "vet: ".
var toolLine = regexp.MustCompile(`^(?:vet: )?(.+\.md):(\d+)(?::\d+)?: (.*)$`)

// toolProblems are the errors of go build or go vet that the line
// directives placed in Markdown files, named as paths maps their absolute
// paths.
func toolProblems(paths map[string]string, out string) []problem {
	var problems []problem
	seen := map[problem]bool{} // one report for a name undefined twice on a line
	for _, line := range strings.Split(out, "\n") {
		m := toolLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		file := m[1]
		if p, ok := paths[file]; ok {
			file = p
		}
		n, _ := strconv.Atoi(m[2])
		if p := (problem{file, n, m[3]}); !seen[p] {
			seen[p] = true
			problems = append(problems, p)
		}
	}
	return problems
}

// packageDir turns a Markdown file's path into a directory name that is
// also a valid import path element.
func packageDir(mdPath string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '_'
	}, mdPath)
}

func writeFile(name, content string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(content), 0o644)
}
