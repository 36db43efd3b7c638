package oascheck

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The checkers must reject what is wrong, or passing them proves nothing.

const valid31 = `{"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
 "components": {"schemas": {"A": {"type": ["string", "null"], "minimum": 1}}}}`

const valid30 = `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
 "components": {"schemas": {"A": {"type": "string", "nullable": true}}}}`

func TestOfficialSchemasAcceptValidDocuments(t *testing.T) {
	schemas := loadSchemas(t)
	for name, doc := range map[string]string{"3.1": valid31, "3.0": valid30, "3.0 YAML": "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"} {
		if err := schemas.Validate([]byte(doc)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestOfficialSchemasRejectInvalidSchemaObjects(t *testing.T) {
	schemas := loadSchemas(t)
	for name, doc := range map[string]string{
		"3.1 unknown type":      strings.Replace(valid31, `"string"`, `"strin"`, 1),
		"3.1 minimum as string": strings.Replace(valid31, `"minimum": 1`, `"minimum": "1"`, 1),
		"3.0 type list":         strings.Replace(valid30, `"type": "string"`, `"type": ["string", "null"]`, 1),
		"3.0 examples keyword":  strings.Replace(valid30, `"nullable": true`, `"examples": [1]`, 1),
		"3.0 without paths":     strings.Replace(valid30, `"paths": {},`, ``, 1),
		"unknown version":       strings.Replace(valid30, `3.0.3`, `2.0`, 1),
	} {
		if err := schemas.Validate([]byte(doc)); err == nil {
			t.Errorf("%s: accepted, want an error", name)
		}
	}
}

func TestKinOpenAPI(t *testing.T) {
	if err := KinOpenAPI([]byte(valid31)); err != nil {
		t.Errorf("valid 3.1: %v", err)
	}
	if err := KinOpenAPI([]byte(valid30)); err != nil {
		t.Errorf("valid 3.0: %v", err)
	}
	for name, doc := range map[string]string{
		"3.1 unknown type": strings.Replace(valid31, `"string"`, `"strin"`, 1),
		"3.0 type list":    strings.Replace(valid30, `"type": "string"`, `"type": ["string", "null"]`, 1),
	} {
		if err := KinOpenAPI([]byte(doc)); err == nil {
			t.Errorf("%s: accepted, want an error", name)
		}
	}
}

func loadSchemas(t *testing.T) *OfficialSchemas {
	t.Helper()
	schemas, err := LoadOfficialSchemas(Require(t))
	if err != nil {
		t.Fatal(err)
	}
	return schemas
}

func TestRedoclyRejectsAnInvalidDocument(t *testing.T) {
	npmDir := Require(t)
	file := filepath.Join(t.TempDir(), "bad.json")
	// An operation without responses, a path parameter never declared.
	bad := `{"openapi": "3.1.0", "info": {"title": "t", "version": "1", "license": {"name": "MIT", "identifier": "MIT"}},
	  "paths": {"/items/{id}": {"get": {"operationId": "get", "summary": "Get"}}}}`
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Redocly(context.Background(), npmDir, file); err == nil {
		t.Error("redocly accepted an operation without responses")
	}
}

// The 3.1 schema is a release that accepts what OpenAPI 3.1 allows and
// the release of 2021-04-15 refused: a relative server URL and a
// Reference Object's relative "$ref".
func TestOfficialSchemaAcceptsRelativeReferences(t *testing.T) {
	schemas, err := LoadOfficialSchemas(Require(t))
	if err != nil {
		t.Fatal(err)
	}
	doc := `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"servers":[{"url":"/"}],
"paths":{"/x":{"get":{"responses":{"404":{"$ref":"#/components/responses/NotFound"}}}}},
"components":{"responses":{"NotFound":{"description":"Not Found"}}}}`
	if err := schemas.Validate([]byte(doc)); err != nil {
		t.Errorf("a valid 3.1 document was refused: %v", err)
	}
}
