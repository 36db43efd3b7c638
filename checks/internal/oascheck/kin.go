package oascheck

import (
	"context"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// KinOpenAPI loads data (JSON or YAML, OpenAPI 3.0 or 3.1) with kin-openapi,
// external references forbidden, and validates it, reporting every error.
func KinOpenAPI(data []byte) error {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return fmt.Errorf("kin-openapi cannot load the document: %w", err)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableMultiError()); err != nil {
		return fmt.Errorf("kin-openapi: %w", err)
	}
	return nil
}
