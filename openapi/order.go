package openapi

import (
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// componentSchemasPath is where Huma's registry puts named schemas.
const componentSchemasPath = "#/components/schemas/"

// arrange puts the keys of every object of doc in conventional order (see
// keyOrder), sorts named maps by name, and lists the properties of schemas
// built from Go structs in the order the fields are declared. fieldOrders maps
// a schema's location to its property names in that order. On the way it
// renames Huma's own schema keywords (see humaKeywords), wherever the schema
// came from.
func arrange(doc any, fieldOrders map[string][]string) {
	walk(doc, kindDocument, "#", func(obj *object, k kind, path string) {
		if k == kindSchema {
			renameHumaKeywords(obj)
		}
		sortMembers(obj, keyOrder[k])
		for _, m := range obj.members {
			c, ok := children[k][m.key]
			if !ok || c.shape != mapOf {
				continue
			}
			named, ok := m.value.(*object)
			if !ok {
				continue
			}
			if k == kindSchema && m.key == "properties" {
				sortMembers(named, fieldOrders[path])
			} else {
				sortMembers(named, nil)
			}
		}
		if k == kindCallback {
			sortMembers(obj, nil)
		}
	})
}

// sortMembers orders obj's members: keys listed in first come in that order,
// then other keys sorted, then specification extensions (x-) sorted.
func sortMembers(obj *object, first []string) {
	rank := func(key string) int {
		if i := slices.Index(first, key); i >= 0 {
			return i
		}
		if strings.HasPrefix(key, "x-") {
			return len(first) + 1
		}
		return len(first)
	}
	slices.SortStableFunc(obj.members, func(a, b member) int {
		if ra, rb := rank(a.key), rank(b.key); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.key, b.key)
	})
}

// structFieldOrders finds, for every named schema of doc that Huma built from
// a Go struct, the JSON names of the struct's fields in declaration order. The
// registry keeps the Go type of each named schema (Registry.TypeFromRef); the
// schema itself only keeps its properties in a map.
func structFieldOrders(doc *huma.OpenAPI) map[string][]string {
	if doc.Components == nil || doc.Components.Schemas == nil {
		return nil
	}
	registry := doc.Components.Schemas
	orders := map[string][]string{}
	for name, schema := range registry.Map() {
		ref := componentSchemasPath + name
		if registry.SchemaFromRef(ref) != schema {
			continue // the registry uses another prefix: keep names sorted
		}
		t := registry.TypeFromRef(ref)
		if t == nil {
			continue
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Struct {
			orders[componentSchemasPath+escapePointer(name)] = jsonFieldNames(t)
		}
	}
	return orders
}

// jsonField is a struct field as encoding/json sees it.
type jsonField struct {
	name   string
	index  []int // path of field indexes through embedded structs
	tagged bool  // the name comes from a json tag
}

// jsonFieldNames lists the names encoding/json writes for t's fields, in the
// order it writes them: declaration order, with the fields of embedded
// structs in the place of the embedded struct, and a name declared at several
// depths taken from the shallowest.
func jsonFieldNames(t reflect.Type) []string {
	var all []jsonField
	collectJSONFields(t, nil, map[reflect.Type]bool{}, &all)

	byName := map[string][]jsonField{}
	for _, f := range all {
		byName[f.name] = append(byName[f.name], f)
	}
	var kept []jsonField
	for _, f := range all {
		if dominant, ok := dominantField(byName[f.name]); ok && slices.Equal(dominant.index, f.index) {
			kept = append(kept, f)
		}
	}
	slices.SortFunc(kept, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })

	names := make([]string, len(kept))
	for i, f := range kept {
		names[i] = f.name
	}
	return names
}

func collectJSONFields(t reflect.Type, index []int, visiting map[reflect.Type]bool, out *[]jsonField) {
	if visiting[t] {
		return
	}
	visiting[t] = true
	defer delete(visiting, t)

	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		at := append(slices.Clip(index), i)
		if f.Anonymous {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if name == "" && ft.Kind() == reflect.Struct {
				collectJSONFields(ft, at, visiting, out)
				continue
			}
			if !f.IsExported() && ft.Kind() != reflect.Struct {
				continue
			}
		} else if !f.IsExported() {
			continue
		}
		tagged := name != ""
		if !tagged {
			name = f.Name
		}
		*out = append(*out, jsonField{name: name, index: at, tagged: tagged})
	}
}

// dominantField applies encoding/json's rule to fields sharing a name: the
// shallowest wins; at equal depth a single tagged one wins; otherwise none.
func dominantField(fields []jsonField) (jsonField, bool) {
	depth := len(fields[0].index)
	for _, f := range fields {
		depth = min(depth, len(f.index))
	}
	var shallowest []jsonField
	for _, f := range fields {
		if len(f.index) == depth {
			shallowest = append(shallowest, f)
		}
	}
	if len(shallowest) == 1 {
		return shallowest[0], true
	}
	var tagged []jsonField
	for _, f := range shallowest {
		if f.tagged {
			tagged = append(tagged, f)
		}
	}
	if len(tagged) == 1 {
		return tagged[0], true
	}
	return jsonField{}, false
}
