package framework

import "github.com/danielgtaylor/huma/v2"

// documentStatusRules is an OnAddOperation hook that applies the status
// rules to each operation's documented responses: a bodiless status has no
// content, and every response has a description (OpenAPI requires one).
func documentStatusRules(_ *huma.OpenAPI, op *huma.Operation) {
	for key, response := range op.Responses {
		k := responseKey(key)
		if !k.bodyAllowed() {
			response.Content = nil
		}
		if response.Description == "" {
			response.Description = k.description()
		}
	}
}
