package docs

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// TestRelativeLinks checks every relative link and image of every Markdown
// file, in Markdown or in HTML: the file or directory it names exists in
// the repository, and its #fragment, if any, is a heading or an HTML id of
// the Markdown file it points to (GitHub's anchors), or a line (#L12) of
// another file. Links with a scheme (https:, mailto:) are not followed.
func TestRelativeLinks(t *testing.T) {
	for _, p := range checkLinks(repoRoot, markdownFiles(t, repoRoot)) {
		t.Error(p)
	}
}

// link is one link or image source found in a Markdown file.
type link struct {
	dest string
	line int
}

func checkLinks(root string, files []*markdownFile) []problem {
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return []problem{{root, 0, err.Error()}}
	}
	anchors := map[string]map[string]bool{} // by absolute path
	for _, f := range files {
		anchors[f.abs] = f.anchors()
	}
	var problems []problem
	for _, f := range files {
		for _, l := range f.links() {
			if msg := checkLink(rootAbs, f, l.dest, anchors); msg != "" {
				problems = append(problems, problem{f.path, l.line, msg})
			}
		}
	}
	return problems
}

var lineFragment = regexp.MustCompile(`^L(\d+)(?:-L(\d+))?$`)

// checkLink says what is wrong with one link destination, or "".
func checkLink(rootAbs string, f *markdownFile, dest string, anchors map[string]map[string]bool) string {
	u, err := url.Parse(dest)
	if err != nil {
		return fmt.Sprintf("link %q: %v", dest, err)
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // not relative
	}
	if strings.HasPrefix(u.Path, "/") {
		return fmt.Sprintf("link %q starts at the host's root, which is not the repository's on every renderer: write it relative to this file", dest)
	}
	target := f.abs
	if u.Path != "" {
		target = filepath.Join(filepath.Dir(f.abs), filepath.FromSlash(u.Path))
		if rel, err := filepath.Rel(rootAbs, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Sprintf("link %q leaves the repository", dest)
		}
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Sprintf("link %q: no such file or directory in the repository", dest)
	}
	if u.Fragment == "" {
		return ""
	}
	if known, ok := anchors[target]; ok {
		if !known[u.Fragment] {
			return fmt.Sprintf("link %q: no heading or id %q in %s", dest, u.Fragment, filepath.Base(target))
		}
		return ""
	}
	if m := lineFragment.FindStringSubmatch(u.Fragment); m != nil && !info.IsDir() {
		content, err := os.ReadFile(target)
		if err != nil {
			return err.Error()
		}
		lines := bytes.Count(content, []byte("\n"))
		if len(content) > 0 && content[len(content)-1] != '\n' {
			lines++
		}
		for _, n := range m[1:] {
			if i, _ := strconv.Atoi(n); n != "" && (i < 1 || i > lines) {
				return fmt.Sprintf("link %q: %s has %d lines", dest, filepath.Base(target), lines)
			}
		}
		return ""
	}
	return fmt.Sprintf("link %q: cannot check the fragment of a file that is not Markdown (only #L12 or #L12-L20 lines): link the file alone", dest)
}

// links are the destinations of the file's links and images, in Markdown
// and in raw HTML (href and src).
func (f *markdownFile) links() []link {
	var links []link
	_ = ast.Walk(f.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, link{string(n.Destination), f.nodeLine(n)})
		case *ast.Image:
			links = append(links, link{string(n.Destination), f.nodeLine(n)})
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				for _, a := range htmlAttributes(seg.Value(f.source), "href", "src") {
					links = append(links, link{a, f.line(seg.Start)})
				}
			}
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				for _, a := range htmlAttributes(seg.Value(f.source), "href", "src") {
					links = append(links, link{a, f.line(seg.Start)})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return links
}

// anchors are the fragments that lead into the file on GitHub: its
// headings' anchors and the id and name attributes of its HTML.
func (f *markdownFile) anchors() map[string]bool {
	known := map[string]bool{}
	slugs := slugger{}
	_ = ast.Walk(f.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			known[slugs.slug(f.plainText(n))] = true
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				for _, a := range htmlAttributes(seg.Value(f.source), "id", "name") {
					known[a] = true
				}
			}
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				for _, a := range htmlAttributes(seg.Value(f.source), "id", "name") {
					known[a] = true
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return known
}

// htmlAttributes are the values of the named attributes of the start tags
// in a piece of HTML.
func htmlAttributes(fragment []byte, names ...string) []string {
	var values []string
	z := html.NewTokenizer(bytes.NewReader(fragment))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return values
		case html.StartTagToken, html.SelfClosingTagToken:
			for _, a := range z.Token().Attr {
				for _, name := range names {
					if a.Key == name {
						values = append(values, a.Val)
					}
				}
			}
		}
	}
}

// slugger gives a heading the anchor GitHub gives it (github-slugger, the
// library github.com uses): lower case; every character removed but
// letters, marks, numbers, connector punctuation (_), hyphens and spaces;
// spaces turned into hyphens; and a repeated anchor suffixed -1, -2, ...
type slugger map[string]int

func (s slugger) slug(heading string) string {
	base := strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r == '-' || unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc):
			return unicode.ToLower(r)
		}
		return -1
	}, strings.ToLower(heading))
	slug := base
	for {
		if _, taken := s[slug]; !taken {
			break
		}
		s[base]++
		slug = base + "-" + strconv.Itoa(s[base])
	}
	s[slug] = 0
	return slug
}
