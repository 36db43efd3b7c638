package contract

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Format is how [Write] presents changes.
type Format string

// The formats: Text for people at a terminal, JSON for tools, Markdown for
// a pull-request comment.
const (
	Text     Format = "text"
	JSON     Format = "json"
	Markdown Format = "markdown"
)

// Write writes changes to w in format f.
//
// Text is a summary line, then one line per change (level, operation,
// text, rule) with its comment, if any, indented below. JSON is an object
// {"changes": [...]} whose elements are [Change] values. Markdown is a
// heading with the summary and a table.
func Write(w io.Writer, changes []Change, f Format) error {
	switch f {
	case Text:
		return writeText(w, changes)
	case JSON:
		return writeJSON(w, changes)
	case Markdown:
		return writeMarkdown(w, changes)
	}
	return fmt.Errorf("unknown format %q: use text, json or markdown", f)
}

// Summary counts changes by level: "1 breaking change, 2 warnings, 1 info
// change", or "no changes".
func Summary(changes []Change) string {
	if len(changes) == 0 {
		return "no changes"
	}
	return fmt.Sprintf("%s, %s, %s",
		plural(Count(changes, Breaking), "breaking change", "breaking changes"),
		plural(Count(changes, Warning), "warning", "warnings"),
		plural(Count(changes, Info), "info change", "info changes"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func writeText(w io.Writer, changes []Change) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, Summary(changes))
	for _, c := range changes {
		operation := c.Operation
		if operation == "" {
			operation = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s [%s]\n", c.Level, singleLine(operation), singleLine(c.Text), c.Rule)
		if c.Comment != "" {
			// In the last cell, which tabwriter does not align: the
			// comment starts under the text and widens no column.
			fmt.Fprintf(tw, "\t\t%s\n", singleLine(c.Comment))
		}
	}
	return tw.Flush()
}

func writeJSON(w io.Writer, changes []Change) error {
	if changes == nil {
		changes = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Changes []Change `json:"changes"`
	}{changes})
}

func writeMarkdown(w io.Writer, changes []Change) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### API contract: %s\n", Summary(changes))
	if len(changes) > 0 {
		b.WriteString("\n| level | operation | change |\n|---|---|---|\n")
		for _, c := range changes {
			operation := ""
			if c.Operation != "" {
				operation = "`" + c.Operation + "`"
			}
			text := c.Text + " (`" + c.Rule + "`)"
			if c.Comment != "" {
				text += "<br>" + c.Comment
			}
			level := c.Level.String()
			if c.Level == Breaking {
				level = "**breaking**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", level, cell(operation), cell(text))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell makes s safe inside a Markdown table cell: a pipe would end the cell
// and a line break the row.
func cell(s string) string {
	return singleLine(strings.ReplaceAll(s, "|", `\|`))
}

// singleLine replaces each run of white space in s (line breaks and tabs
// included, which would break a line or a column) with one space.
func singleLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
