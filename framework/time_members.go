package framework

import (
	"fmt"
	"reflect"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// checkTimeMembers refuses an operation whose body types document a
// time.Time in another format than date-time: a timeFormat or format tag
// ("2006-01-02", "date") that Huma applies to the schema. Huma's tags
// choose the layout of a parameter; in a body encoding/json always writes
// and reads RFC 3339 date-times, so the document would say "2026-12-02"
// where "2026-12-02T00:00:00Z" is sent, and a client sending the
// documented date would be refused.
//
// It reads the members of the schemas Huma documented for op
// (bodyMembers), so it applies whoever registered op.
func checkTimeMembers(op *huma.Operation, members []bodyMember) *RegistrationError {
	for _, m := range members {
		if elementType(m.field.Type) != timeType {
			continue
		}
		s := m.schema
		for s != nil && s.Type == huma.TypeArray {
			s = s.Items
		}
		if s == nil || s.Format == "date-time" {
			continue
		}
		return &RegistrationError{
			Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
			Problem: fmt.Sprintf("the %s body documents the time.Time field %s of %s as format %q: encoding/json writes and reads a time.Time in a body as an RFC 3339 date-time, whatever its timeFormat or format tag (which choose the layout of a parameter)",
				m.owner.body, m.field.Name, typeDescription(m.owner.t), s.Format),
			Fix: fmt.Sprintf("drop the timeFormat or format tag from %s, or give it a type that writes that layout (a string, or a type with MarshalText and UnmarshalText)", m.field.Name),
		}
	}
	return nil
}

var timeType = reflect.TypeFor[time.Time]()
