package openapi

// humaKeywords are the schema keywords Huma writes that neither JSON Schema
// nor OpenAPI define, with the specification extension each becomes. As
// extensions they are valid in 3.0 and 3.1 alike, and strict checkers such
// as kin-openapi accept them.
var humaKeywords = map[string]string{
	"patternDescription": "x-patternDescription",
}

// renameHumaKeywords renames Huma's own keywords among a schema's members.
// Where the schema also sets the extension itself (Extensions
// "x-patternDescription" next to PatternDescription), the extension it set
// is kept and Huma's keyword is dropped: a JSON object has each name once.
func renameHumaKeywords(schema *object) {
	for i := 0; i < len(schema.members); i++ {
		extension, ok := humaKeywords[schema.members[i].key]
		if !ok {
			continue
		}
		if _, set := schema.get(extension); set {
			schema.members = append(schema.members[:i], schema.members[i+1:]...)
			i--
			continue
		}
		schema.members[i].key = extension
	}
}
