package framework

import (
	"reflect"
	"sync"

	"github.com/danielgtaylor/huma/v2"
)

// sanitizeWrappedProblem applies sanitize (sanitizeProblem) to a problem
// that a transformer of the App's configuration has wrapped, as Huma's
// schema-link transformer copies a *huma.ErrorModel into a struct of its
// own to add "$schema": sanitize sees the wrapper's problem fields as a
// *huma.ErrorModel, and what it changes is written back. It runs after
// sanitize, and only when the configuration has transformers, which alone
// can wrap a problem: without them it costs a response nothing.
func sanitizeWrappedProblem(sanitize huma.Transformer) huma.Transformer {
	return func(ctx huma.Context, status string, v any) (any, error) {
		problem, writeBack := wrappedProblem(v)
		if problem == nil {
			return v, nil
		}
		if _, err := sanitize(ctx, status, problem); err != nil {
			return nil, err
		}
		writeBack()
		return v, nil
	}
}

// wrappedProblem reads a wrapped problem: a pointer to a struct that has
// huma.ErrorModel's Status, Detail and Errors fields, copied or embedded.
// It returns a *huma.ErrorModel with the wrapper's fields, and a function
// that writes the model's Detail and Errors back into the wrapper; nil
// when v is no such wrapper.
func wrappedProblem(v any) (*huma.ErrorModel, func()) {
	p := reflect.ValueOf(v)
	if p.Kind() != reflect.Pointer || p.IsNil() || p.Elem().Kind() != reflect.Struct {
		return nil, nil
	}
	fields := problemFieldsOf(p.Elem().Type())
	if fields == nil {
		return nil, nil
	}
	s := p.Elem()
	status, detail, errs := fieldAt(s, fields.status), fieldAt(s, fields.detail), fieldAt(s, fields.errors)
	if !status.IsValid() || !detail.IsValid() || !errs.IsValid() {
		return nil, nil // behind a nil embedded pointer
	}
	problem := &huma.ErrorModel{
		Status: int(status.Int()),
		Detail: detail.String(),
		Errors: errs.Interface().([]*huma.ErrorDetail),
	}
	// Read, not written back: they count towards the problem's size.
	for i, field := range []*string{&problem.Type, &problem.Title, &problem.Instance} {
		if f := fieldAt(s, fields.strings[i]); f.IsValid() {
			*field = f.String()
		}
	}
	return problem, func() {
		detail.SetString(problem.Detail)
		errs.Set(reflect.ValueOf(problem.Errors))
	}
}

// problemFields are the indexes of a wrapper's problem fields; nil for an
// optional field the type does not have.
type problemFields struct {
	status, detail, errors []int
	strings                [3][]int // Type, Title, Instance
}

// problemFieldsByType caches problemFieldsOf: a response of the same type
// is looked at on every request.
var problemFieldsByType sync.Map // reflect.Type -> *problemFields, nil for no wrapper

// problemFieldsOf returns where a struct type keeps huma.ErrorModel's
// fields, or nil when it lacks Status, Detail or Errors.
func problemFieldsOf(t reflect.Type) *problemFields {
	if cached, ok := problemFieldsByType.Load(t); ok {
		return cached.(*problemFields)
	}
	field := func(name string, kind reflect.Kind, typ reflect.Type) []int {
		f, ok := t.FieldByName(name)
		if !ok || !f.IsExported() || f.Type.Kind() != kind || typ != nil && f.Type != typ {
			return nil
		}
		return f.Index
	}
	fields := &problemFields{
		status: field("Status", reflect.Int, nil),
		detail: field("Detail", reflect.String, nil),
		errors: field("Errors", reflect.Slice, reflect.TypeFor[[]*huma.ErrorDetail]()),
	}
	for i, name := range []string{"Type", "Title", "Instance"} {
		fields.strings[i] = field(name, reflect.String, nil)
	}
	if fields.status == nil || fields.detail == nil || fields.errors == nil {
		fields = nil
	}
	problemFieldsByType.Store(t, fields)
	return fields
}

// fieldAt returns the settable field of s at index, or the zero Value when
// there is none or reaching it goes through a nil embedded pointer.
func fieldAt(s reflect.Value, index []int) reflect.Value {
	if index == nil {
		return reflect.Value{}
	}
	v, err := s.FieldByIndexErr(index)
	if err != nil || !v.CanSet() {
		return reflect.Value{}
	}
	return v
}
