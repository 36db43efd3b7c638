package framework

import (
	"math"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// typedFacts is what framework.Register learns about an operation from its
// Go input and output types, which the adapter and the document hooks never
// see: they receive only the huma.Operation. Register leaves the facts in
// the operation's Metadata, and the rules that apply to every operation
// use them when they are there. An operation registered through Huma
// directly has none, and gets the rules that the huma.Operation alone
// allows (see integerBounds).
type typedFacts struct {
	// dynamicStatuses are the statuses the output's Status field may take,
	// from its enum tag (see dynamicStatuses).
	dynamicStatuses []int
	// integerBounds are the ranges of the parameters bound to integers
	// narrower than 64 bits, by "in.name".
	integerBounds map[string]integerRange
	// requiredHeaders are the output's header fields tagged required:"true",
	// which Huma does not document as required.
	requiredHeaders []string
	// streaming is set when the output's Body is a func(huma.Context),
	// which writes the response as it goes.
	streaming bool
	// errorStatuses are the statuses the handler's errors may be mapped to
	// (Config.ErrorMapping, and 504 for a deadline).
	errorStatuses []int
	// maxBodyBytes is Operation.MaxBodyBytes as the caller gave it, before
	// Huma fills in its own default; 0 when unset.
	maxBodyBytes int64
}

// typedFactsKey is the Metadata key of an operation's typedFacts.
const typedFactsKey = "signet:typedFacts"

// factsOf returns op's typedFacts, or nil.
func factsOf(op *huma.Operation) *typedFacts {
	facts, _ := op.Metadata[typedFactsKey].(*typedFacts)
	return facts
}

// integerRange is the range of values an integer type holds.
type integerRange struct {
	min, max float64
}

// int32Range is what OpenAPI's int32 format holds.
var int32Range = integerRange{math.MinInt32, math.MaxInt32}

// integerParamBounds lists the parameters of an input type bound to an
// integer type narrower than 64 bits, with its range. Huma parses every
// integer parameter as 64 bits and stores it with reflect's SetInt, which
// truncates: ?n=4294967297 would reach an int32 field as 1.
func integerParamBounds(input reflect.Type) map[string]integerRange {
	input = derefType(input)
	if input.Kind() != reflect.Struct {
		return nil
	}
	bounds := map[string]integerRange{}
	for _, f := range reflect.VisibleFields(input) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		r, ok := narrowIntegerRange(f.Type)
		if !ok {
			continue
		}
		for _, in := range []string{"path", "query", "header", "cookie"} {
			if tag, ok := f.Tag.Lookup(in); ok {
				name, _, _ := strings.Cut(tag, ",")
				if name == "" {
					name = f.Name
				}
				bounds[in+"."+name] = r
			}
		}
	}
	return bounds
}

// narrowIntegerRange is the range of an integer type narrower than 64 bits.
func narrowIntegerRange(t reflect.Type) (integerRange, bool) {
	switch t.Kind() {
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int:
		if t.Bits() == 64 {
			return integerRange{}, false
		}
		return integerRange{-math.Exp2(float64(t.Bits() - 1)), math.Exp2(float64(t.Bits()-1)) - 1}, true
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint:
		if t.Bits() == 64 {
			return integerRange{}, false
		}
		return integerRange{0, math.Exp2(float64(t.Bits())) - 1}, true
	}
	return integerRange{}, false
}

// requiredHeaderFields lists the header fields of an output type tagged
// required:"true".
func requiredHeaderFields(output reflect.Type) []string {
	output = derefType(output)
	if output.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for _, f := range reflect.VisibleFields(output) {
		name, ok := f.Tag.Lookup("header")
		if !ok || !f.IsExported() || f.Tag.Get("required") != "true" {
			continue
		}
		if name, _, _ = strings.Cut(name, ","); name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}
