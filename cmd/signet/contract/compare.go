package contract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3conv"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/load"
)

// A Document is a parsed OpenAPI document, ready to compare. It does not
// change once parsed: it may be compared any number of times, concurrently.
type Document struct {
	name    string
	data    []byte
	version string // "3.0" or "3.1"
}

// Parse reads an OpenAPI 3.0 or 3.1 document in JSON or YAML. name is what
// messages call the document (its file name, say). The error says why data
// is not a document that can be compared.
func Parse(name string, data []byte) (*Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s is empty", name)
	}
	spec, err := loadSpec(name, data)
	if err != nil {
		return nil, fmt.Errorf("%s is not a readable OpenAPI document: %s", name, oneLine(err))
	}
	version := minor(spec.Spec.OpenAPI)
	if version != "3.0" && version != "3.1" {
		if spec.Spec.OpenAPI == "" {
			return nil, fmt.Errorf("%s is not an OpenAPI 3 document: it has no \"openapi\" version field", name)
		}
		return nil, fmt.Errorf("%s is OpenAPI %s: only 3.0 and 3.1 documents can be compared", name, spec.Spec.OpenAPI)
	}
	return &Document{name: name, data: bytes.Clone(data), version: version}, nil
}

// loadSpec loads data as oasdiff compares it.
func loadSpec(name string, data []byte) (*load.SpecInfo, error) {
	// A fresh loader each time: a loader caches documents by name.
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	return load.NewSpecInfoFromData(loader, data, name,
		// HTTP header names are case-insensitive (RFC 9110 section 5.1):
		// X-Request-Id and x-request-id are the same header.
		load.WithLowercaseHeaders())
}

// Compare returns the changes from base to revision that matter to clients,
// the most severe first. It returns no changes when the documents describe
// the same API, even if their bytes differ (key order, formatting).
func Compare(base, revision *Document) ([]Change, error) {
	if base == nil || revision == nil {
		return nil, errors.New("contract: Compare needs two documents from Parse")
	}
	// Each comparison works on its own copies: oasdiff and the 3.0 upgrade
	// may modify what they are given.
	baseSpec, err := loadSpec(base.name, base.data)
	if err != nil {
		return nil, err
	}
	revisionSpec, err := loadSpec(revision.name, revision.data)
	if err != nil {
		return nil, err
	}
	if base.version != revision.version {
		if err := upgrade(base, baseSpec); err != nil {
			return nil, err
		}
		if err := upgrade(revision, revisionSpec); err != nil {
			return nil, err
		}
	}
	report, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), baseSpec, revisionSpec)
	if err != nil {
		return nil, fmt.Errorf("comparing %s with %s: %s", base.name, revision.name, oneLine(err))
	}
	config := checker.NewConfig(checker.GetAllChecks())
	found := checker.CheckBackwardCompatibilityUntilLevel(config, report, sources, checker.INFO)
	localize := checker.NewLocalizer("en")
	changes := make([]Change, 0, len(found))
	for _, c := range found {
		level, ok := levelOf(c.GetLevel())
		if !ok {
			continue
		}
		change := Change{
			Level:   level,
			Text:    c.GetUncolorizedText(localize),
			Comment: c.GetComment(localize),
			Rule:    c.GetId(),
		}
		if c.GetOperation() != "" {
			change.Operation = c.GetOperation() + " " + c.GetPath()
		}
		changes = append(changes, change)
	}
	return changes, nil
}

// levelOf maps oasdiff's levels to this package's.
func levelOf(l checker.Level) (Level, bool) {
	switch l {
	case checker.ERR:
		return Breaking, true
	case checker.WARN:
		return Warning, true
	case checker.INFO:
		return Info, true
	}
	return 0, false
}

// upgrade brings a 3.0 document compared with a 3.1 one to 3.1, so that
// what only the notation changed (nullable: true against a list of types
// with "null", say) is not reported as a change. Both documents must then
// be valid: kin-openapi's upgrade is defined only for valid documents.
func upgrade(d *Document, spec *load.SpecInfo) error {
	if err := spec.Spec.Validate(context.Background()); err != nil {
		return fmt.Errorf("%s (OpenAPI %s) cannot be compared with a document of another OpenAPI version because it is not valid: %s; export both documents with the same version",
			d.name, spec.Spec.OpenAPI, oneLine(err))
	}
	if d.version == "3.0" {
		openapi3conv.Upgrade(spec.Spec)
	}
	return nil
}

// minor returns "3.0" for "3.0.3".
func minor(version string) string {
	if major, rest, ok := strings.Cut(version, "."); ok {
		minorPart, _, _ := strings.Cut(rest, ".")
		return major + "." + minorPart
	}
	return version
}

// oneLine returns err's message on one line, for a message that must fit on
// one.
func oneLine(err error) string {
	return singleLine(err.Error())
}
