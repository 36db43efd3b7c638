package framework

import (
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// errorDetailsType is the type of huma.ErrorModel's Errors.
var errorDetailsType = reflect.TypeFor[[]*huma.ErrorDetail]()

// wrappedProblem reads a problem that a transformer has wrapped: a pointer
// to a struct that has huma.ErrorModel's Status, Detail and Errors fields,
// copied or embedded, such as the struct Huma's schema-link transformer
// makes of a *huma.ErrorModel to add "$schema" to it. It returns a
// *huma.ErrorModel with the wrapper's fields, and a function that writes
// the model's Detail and Errors back into the wrapper; nil when v is no
// such wrapper.
func wrappedProblem(v any) (*huma.ErrorModel, func()) {
	p := reflect.ValueOf(v)
	if p.Kind() != reflect.Pointer || p.IsNil() || p.Elem().Kind() != reflect.Struct {
		return nil, nil
	}
	s := p.Elem()
	status, detail, errs := fieldOf(s, "Status"), fieldOf(s, "Detail"), fieldOf(s, "Errors")
	if !status.IsValid() || status.Kind() != reflect.Int ||
		!detail.CanSet() || detail.Kind() != reflect.String ||
		!errs.CanSet() || errs.Type() != errorDetailsType {
		return nil, nil
	}
	problem := &huma.ErrorModel{
		Status: int(status.Int()),
		Detail: detail.String(),
		Errors: errs.Interface().([]*huma.ErrorDetail),
	}
	// Read, not written back: they count towards the problem's size.
	for name, field := range map[string]*string{"Type": &problem.Type, "Title": &problem.Title, "Instance": &problem.Instance} {
		if f := fieldOf(s, name); f.IsValid() && f.Kind() == reflect.String {
			*field = f.String()
		}
	}
	return problem, func() {
		detail.SetString(problem.Detail)
		errs.Set(reflect.ValueOf(problem.Errors))
	}
}

// fieldOf returns the exported field of struct s named name, promoted
// fields included; the zero Value when there is none or when reaching it
// goes through a nil embedded pointer.
func fieldOf(s reflect.Value, name string) reflect.Value {
	f, ok := s.Type().FieldByName(name)
	if !ok || !f.IsExported() {
		return reflect.Value{}
	}
	v, err := s.FieldByIndexErr(f.Index)
	if err != nil {
		return reflect.Value{}
	}
	return v
}
