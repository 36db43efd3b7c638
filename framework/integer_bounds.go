package framework

import (
	"math"

	"github.com/danielgtaylor/huma/v2"
)

// boundIntegerParameters gives each integer parameter of op the range its
// Go type can hold, as the minimum and maximum of its schema (or tightens
// what the schema says), so that Huma's validation refuses a value that
// does not fit with 422, and the document says what fits. Huma parses every
// integer parameter as 64 bits and stores it with reflect's SetInt, which
// truncates: without this, ?n=4294967297 would reach an int32 field as 1.
//
// The range comes from framework.Register's typed facts when it left them
// (int8, uint16, ...); otherwise from the schema alone, which tells only
// int32 (Huma's format for every integer type narrower than 64 bits).
// Huma validates against the same schema it documents, so both see this.
func boundIntegerParameters(op *huma.Operation) {
	facts := factsOf(op)
	for _, p := range op.Parameters {
		if p == nil || p.Schema == nil || p.Schema.Type != huma.TypeInteger {
			continue
		}
		r, ok := integerRange{}, false
		if facts != nil {
			r, ok = facts.integerBounds[p.In+"."+p.Name]
		}
		if !ok && p.Schema.Format == "int32" {
			r, ok = int32Range, true
		}
		if ok {
			narrowSchema(p.Schema, r)
		}
	}
}

// narrowSchema makes s admit no integer outside r.
func narrowSchema(s *huma.Schema, r integerRange) {
	if s.Minimum == nil || *s.Minimum < r.min {
		s.Minimum = &r.min
	}
	if s.Maximum == nil || *s.Maximum > r.max {
		s.Maximum = &r.max
	}
	if r.max > math.MaxInt32 {
		s.Format = "int64" // a uint32, which Huma documents as int32
	}
	s.PrecomputeMessages()
}
