package openapi

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// BuiltAndMarshaled returns doc as modelTree builds it and as Huma's own
// MarshalJSON writes it, both with every object's keys sorted, so that a
// test can compare the two.
func BuiltAndMarshaled(doc *huma.OpenAPI) (built, marshaled []byte, err error) {
	tree, err := modelTree(doc)
	if err != nil {
		return nil, nil, err
	}
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	reference, err := decodeTree(raw)
	if err != nil {
		return nil, nil, err
	}
	if built, err = encodeTree(canonical(tree)); err != nil {
		return nil, nil, err
	}
	marshaled, err = encodeTree(canonical(reference))
	return built, marshaled, err
}

func canonical(v any) any {
	switch v := v.(type) {
	case *object:
		for i, m := range v.members {
			v.members[i].value = canonical(m.value)
		}
		slices.SortFunc(v.members, func(a, b member) int { return strings.Compare(a.key, b.key) })
	case []any:
		for i := range v {
			v[i] = canonical(v[i])
		}
	}
	return v
}
