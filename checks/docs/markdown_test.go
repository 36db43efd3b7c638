package docs

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// repoRoot is the repository's root, seen from checks/docs.
const repoRoot = "../.."

// markdownFile is one Markdown file parsed as GitHub renders it: CommonMark
// with GitHub's extensions (tables, autolinks, strikethrough, task lists).
type markdownFile struct {
	path   string // relative to the root, with slashes: what a report names
	abs    string
	source []byte
	doc    ast.Node
	// closed holds the fenced code blocks that met their closing fence.
	// CommonMark lets a fence run to the end of its container instead, which
	// is how one stray fence swallows the rest of a file; goldmark does not
	// record the difference, so closingFences below does.
	closed     map[ast.Node]bool
	lineStarts []int
}

// problem is one finding, at a line of a Markdown file.
type problem struct {
	file string
	line int
	msg  string
}

func (p problem) String() string { return fmt.Sprintf("%s:%d: %s", p.file, p.line, p.msg) }

func sortProblems(problems []problem) {
	sort.SliceStable(problems, func(i, j int) bool {
		if problems[i].file != problems[j].file {
			return problems[i].file < problems[j].file
		}
		return problems[i].line < problems[j].line
	})
}

// markdownFiles parses every Markdown file under root, skipping hidden
// directories (.git), node_modules and testdata, in a stable order.
func markdownFiles(t *testing.T, root string) []*markdownFile {
	t.Helper()
	var files []*markdownFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.EqualFold(filepath.Ext(name), ".md") {
			return nil
		}
		f, err := parseMarkdown(root, path)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no Markdown file under %s", root)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files
}

func parseMarkdown(root, path string) (*markdownFile, error) {
	source, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return nil, err
	}
	fences := &closingFences{BlockParser: parser.NewFencedCodeBlockParser(), closed: map[ast.Node]bool{}}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		// Tried before goldmark's own fence parser (priority 700), so every
		// fence goes through it.
		goldmark.WithParserOptions(parser.WithBlockParsers(util.Prioritized(fences, 699))),
	)
	f := &markdownFile{
		path:   filepath.ToSlash(rel),
		abs:    abs,
		source: source,
		doc:    md.Parser().Parse(text.NewReader(source)),
		closed: fences.closed,
	}
	f.lineStarts = []int{0}
	for i, b := range source {
		if b == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	return f, nil
}

// closingFences is goldmark's fenced code block parser, noting each block
// that ends on a closing fence (Continue answers Close only then).
type closingFences struct {
	parser.BlockParser
	closed map[ast.Node]bool
}

func (c *closingFences) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	state := c.BlockParser.Continue(node, reader, pc)
	if state == parser.Close {
		c.closed[node] = true
	}
	return state
}

// line is the 1-based line of a byte offset of the source.
func (f *markdownFile) line(offset int) int {
	i, found := slices.BinarySearch(f.lineStarts, offset)
	if found {
		return i + 1
	}
	return i
}

// nodeLine is the line where a node starts: its own position, its first
// line of text, or the nearest one found before it in the tree.
func (f *markdownFile) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if pos := n.Pos(); pos >= 0 {
			return f.line(pos)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return f.line(n.Lines().At(0).Start)
		}
		for c := n.FirstChild(); c != nil; c = c.FirstChild() {
			if t, ok := c.(*ast.Text); ok {
				return f.line(t.Segment.Start)
			}
		}
	}
	return 1
}

// fenceLine is the line of a fenced code block's opening fence.
func (f *markdownFile) fenceLine(b *ast.FencedCodeBlock) int {
	switch {
	case b.Info != nil:
		return f.line(b.Info.Segment.Start)
	case b.Lines().Len() > 0:
		return f.line(b.Lines().At(0).Start) - 1
	default:
		return f.nodeLine(b)
	}
}

// blockText is the content of a code block, as its reader would copy it.
func (f *markdownFile) blockText(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(f.source))
	}
	return b.String()
}

// plainText is the text of an inline tree, without markup: what GitHub
// derives a heading's anchor from.
func (f *markdownFile) plainText(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(f.source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
