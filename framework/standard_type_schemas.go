package framework

import (
	"encoding/json"
	"math/big"
	"net"
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// documentStandardTypes makes registry document standard library types
// whose JSON Huma describes otherwise than encoding/json writes and reads
// it, so that the document, and Huma's validation against it, say what is
// on the wire:
//   - json.Number is a JSON number; Huma, seeing a string type, documents
//     a string, and so refuses a number with 422;
//   - *big.Int is a JSON number too (its MarshalJSON and UnmarshalJSON);
//     Huma documents a string, from its UnmarshalText; it is nullable, as
//     math/big's values are used through pointers and a nil one is null;
//   - net.IP is an IPv4 or IPv6 address as a string; Huma documents ipv4,
//     and so refuses "::1", where netip.Addr gets "ip".
//
// Each is a type alias in the registry, Huma's own extension point, so
// that every way of registering an operation documents and validates the
// same. A pointer to a json.Number or a net.IP is not nullable (as for
// every type that provides its own schema): tag the field
// `nullable:"true"` to accept and document null. A type the program gave
// a schema of its own in the registry keeps it.
func documentStandardTypes(registry huma.Registry) {
	alias(registry, reflect.TypeFor[json.Number](), huma.Schema{Type: huma.TypeString}, reflect.TypeFor[jsonNumberSchema]())
	alias(registry, reflect.TypeFor[big.Int](), huma.Schema{Type: huma.TypeString}, reflect.TypeFor[bigIntSchema]())
	alias(registry, reflect.TypeFor[net.IP](), huma.Schema{Type: huma.TypeString, Format: "ipv4"}, reflect.TypeFor[ipSchema]())
}

// alias makes registry document t as stand documents itself, unless the
// registry's schema for t is no longer humaSchema, Huma's own for t: the
// program aliased t itself.
func alias(registry huma.Registry, t reflect.Type, humaSchema huma.Schema, stand reflect.Type) {
	s := registry.Schema(t, false, "")
	if s == nil || s.Type != humaSchema.Type || s.Format != humaSchema.Format || s.Ref != "" {
		return
	}
	registry.RegisterTypeAlias(t, stand)
}

// The types that stand for standard library types in the schema registry.
type (
	jsonNumberSchema struct{}
	bigIntSchema     struct{}
	ipSchema         struct{}
)

func (jsonNumberSchema) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeNumber}
}

func (bigIntSchema) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeInteger, Nullable: true}
}

func (ipSchema) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeString, Format: "ip"}
}
