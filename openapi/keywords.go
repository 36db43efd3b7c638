package openapi

// humaKeywords are the schema keywords Huma writes that neither JSON Schema
// nor OpenAPI define, with the specification extension each becomes. As
// extensions they are valid in 3.0 and 3.1 alike, and strict checkers such
// as kin-openapi accept them.
var humaKeywords = map[string]string{
	"patternDescription": "x-patternDescription",
}

// extendHumaKeywords renames Huma's own schema keywords in doc to
// specification extensions, keeping their values.
func extendHumaKeywords(doc any) {
	walk(doc, kindDocument, "#", func(obj *object, k kind, _ string) {
		if k != kindSchema {
			return
		}
		for i, m := range obj.members {
			if extension, ok := humaKeywords[m.key]; ok {
				obj.members[i].key = extension
			}
		}
	})
}
