// Package openapi renders a Huma OpenAPI document as the bytes Signet serves
// and exports: JSON or YAML, OpenAPI 3.1 or 3.0.
//
// The output is deterministic: the same document gives the same bytes on
// every run and every machine. Keys come in the order of the OpenAPI
// Specification (openapi, info, jsonSchemaDialect, servers, paths, webhooks,
// components, security, tags, externalDocs at the top; get, put, post, delete,
// options, head, patch, trace in a Path Item), named maps are sorted by name,
// and the properties of a schema built from a Go struct come in the order the
// struct declares its fields, as encoding/json writes them. Huma's own schema
// keyword patternDescription, which no specification defines, is written as
// the extension x-patternDescription.
//
// OpenAPI 3.0 output is a downgrade of the 3.1 document that is valid
// against the official 3.0 schema: a list of types with "null" becomes
// nullable, examples becomes example, const becomes a one-value enum, numeric
// exclusive bounds become booleans, a $ref with siblings moves into an allOf.
// What 3.0 cannot express (webhooks, license.identifier, info.summary,
// jsonSchemaDialect, schema keywords 3.0 lacks, ...) is dropped and reported
// through Options.Warn, one message per dropped thing.
package openapi

import (
	"bytes"
	"fmt"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/yaml"
)

// Version is the OpenAPI version of a rendered document.
type Version string

// The versions Render can produce.
const (
	V31 Version = "3.1"
	V30 Version = "3.0"
)

// Format is the encoding of a rendered document.
type Format string

// The encodings Render can produce.
const (
	JSON Format = "json"
	YAML Format = "yaml"
)

// Options select what Render produces. The zero value is OpenAPI 3.1 JSON.
type Options struct {
	Version Version
	Format  Format
	// Warn, when set, is called once for each thing the 3.0 downgrade cannot
	// express and drops, with a message naming it and where it was.
	Warn func(msg string)
}

// Render encodes doc as opts ask. JSON is indented by two spaces; both
// encodings end with a newline. Render does not modify doc, so it may be
// called concurrently as long as nothing else changes doc.
func Render(doc *huma.OpenAPI, opts Options) ([]byte, error) {
	if opts.Version != "" && opts.Version != V31 && opts.Version != V30 {
		return nil, fmt.Errorf("openapi: unknown version %q: use %q or %q", opts.Version, V31, V30)
	}
	if opts.Format != "" && opts.Format != JSON && opts.Format != YAML {
		return nil, fmt.Errorf("openapi: unknown format %q: use %q or %q", opts.Format, JSON, YAML)
	}
	tree, err := modelTree(doc)
	if err != nil {
		return nil, fmt.Errorf("openapi: encoding the document: %w", err)
	}
	fieldOrders := structFieldOrders(doc)
	arrange(tree, fieldOrders)
	if opts.Version == V30 {
		downgrade(tree, opts.Warn)
		arrange(tree, fieldOrders) // place the keys the downgrade added
	}
	out, err := encodeTree(tree)
	if err != nil {
		return nil, fmt.Errorf("openapi: writing the document: %w", err)
	}
	if opts.Format != YAML {
		return out, nil
	}
	var buf bytes.Buffer
	if err := yaml.Convert(&buf, bytes.NewReader(out)); err != nil {
		return nil, fmt.Errorf("openapi: writing YAML: %w", err)
	}
	return buf.Bytes(), nil
}
