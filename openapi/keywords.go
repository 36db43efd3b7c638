package openapi

// humaKeywords are the schema keywords Huma writes that neither JSON Schema
// nor OpenAPI define, with the specification extension each becomes. As
// extensions they are valid in 3.0 and 3.1 alike, and strict checkers such
// as kin-openapi accept them.
var humaKeywords = map[string]string{
	"patternDescription": "x-patternDescription",
}

// renameHumaKeywords renames Huma's own keywords among a schema's members.
func renameHumaKeywords(schema *object) {
	for i, m := range schema.members {
		if extension, ok := humaKeywords[m.key]; ok {
			schema.members[i].key = extension
		}
	}
}
