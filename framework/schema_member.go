package framework

import (
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// acceptSchemaMember is an OnAddOperation hook that lets a JSON request
// body carry a "$schema" member, which Signet then ignores, as Huma does:
// clients such as Restish send back the "$schema" of a response they
// received. Huma's schema links declare the member in the schema of each
// request body that refers to a named object schema; this hook declares it
// there too when the links are off (with them on, the member is there
// already and it does nothing). The member is optional and read-only, and
// its value is not checked.
func acceptSchemaMember(oapi *huma.OpenAPI, op *huma.Operation) {
	if op.RequestBody == nil {
		return
	}
	for _, media := range op.RequestBody.Content {
		if media == nil || media.Schema == nil || !strings.HasPrefix(media.Schema.Ref, "#/") {
			continue
		}
		schema := oapi.Components.Schemas.SchemaFromRef(media.Schema.Ref)
		if schema == nil || schema.Type != huma.TypeObject || schema.Properties["$schema"] != nil {
			continue
		}
		if schema.Properties == nil {
			schema.Properties = map[string]*huma.Schema{}
		}
		schema.Properties["$schema"] = &huma.Schema{
			Type:        huma.TypeString,
			Format:      "uri",
			Description: "A URL to the JSON Schema for this object.",
			ReadOnly:    true,
		}
	}
}
