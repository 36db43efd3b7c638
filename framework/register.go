package framework

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"slices"

	"github.com/danielgtaylor/huma/v2"
)

// Operation describes one operation of the API. It is huma.Operation, so
// every Huma field (Responses, Errors, Security, Hidden, ...) works and
// Huma's documentation applies.
type Operation = huma.Operation

// Routes is where operations are registered: an *App, or a *Group of one.
type Routes interface {
	// scope adds the routes' path prefix to op and applies their shared
	// options, outermost group first, and returns the App that serves op.
	scope(op *Operation) *App
}

// Register adds an operation served by handler. The input type I and the
// output type O are reflected into the document; requests are bound into an
// *I and validated before handler runs; the *O it returns is written as the
// response.
//
// On a Group, the group's prefix goes before op.Path and its options are
// applied to op. An empty OperationID or Summary is generated from the
// method and the path, so that the group's options see it, and generated
// again from the full path when they leave it as it was, as Huma's groups
// do.
// DefaultStatus 0 means 200 when O has a Body field and 204 when it has
// none. Register panics, like net/http.ServeMux does for conflicting
// patterns, when the operation contradicts itself or HTTP (a body on a 204,
// a status outside 200-599, ...); the message says what to change.
func Register[I, O any](r Routes, op Operation, handler func(context.Context, *I) (*O, error)) {
	generated := generateNames[O](&op)
	app := r.scope(&op)
	generated.renewFor(&op)
	register(app, op, handler)
}

// generatedNames are the OperationID and Summary that registration
// generated for an operation, empty where the operation had its own.
type generatedNames struct {
	id, summary string
	output      any // a nil *O, for Huma's generators
}

// generateNames fills an empty OperationID or Summary of op from its
// method and path as given, before any group's prefix, as Huma's shortcuts
// do: a group option then sees the operation's summary.
func generateNames[O any](op *Operation) generatedNames {
	g := generatedNames{output: (*O)(nil)}
	if op.OperationID == "" {
		g.id = huma.GenerateOperationID(op.Method, op.Path, g.output)
		op.OperationID = g.id
	}
	if op.Summary == "" {
		g.summary = huma.GenerateSummary(op.Method, op.Path, g.output)
		op.Summary = g.summary
	}
	return g
}

// renewFor generates again, from op's full path, each name that the
// options left as generated, as Huma's groups do: an operation's ID
// includes its group's prefix, so that two groups' operations differ.
func (g generatedNames) renewFor(op *Operation) {
	if g.id != "" && op.OperationID == g.id {
		op.OperationID = huma.GenerateOperationID(op.Method, op.Path, g.output)
	}
	if g.summary != "" && op.Summary == g.summary {
		op.Summary = huma.GenerateSummary(op.Method, op.Path, g.output)
	}
}

// register adds op, already scoped, to app. The rules that apply to every
// operation run in the adapter and the document hooks, whoever registers;
// what register adds is what only the Go types tell (typedFacts), and the
// types in the message of a refusal.
func register[I, O any](app *App, op Operation, handler func(context.Context, *I) (*O, error)) {
	inputType, outputType := reflect.TypeFor[I](), reflect.TypeFor[O]()
	defer func() {
		if v := recover(); v != nil {
			if err, ours := v.(*RegistrationError); ours {
				err.Input, err.Output = inputType, outputType
				panic(err)
			}
			panic(&RegistrationError{
				Method: op.Method, Path: op.Path, Status: op.DefaultStatus,
				Input: inputType, Output: outputType,
				Problem: fmt.Sprint(v),
				Fix:     "see Huma's conventions for input and output structs (https://huma.rocks/features/request-inputs/)",
			})
		}
	}()
	facts, err := checkTypes(&op, inputType, outputType)
	if err != nil {
		panic(err)
	}
	warnIgnoredFields(app.logger, &op, inputType, outputType)
	facts.errorStatuses = slices.Clone(app.config.ErrorMapping.Statuses)
	if op.Metadata == nil {
		op.Metadata = map[string]any{}
	}
	op.Metadata[typedFactsKey] = facts
	huma.Register(app.api, op, mapHandlerErrors(app, &op, handler))
}

// Get registers a GET operation at path; it also answers HEAD.
func Get[I, O any](r Routes, path string, handler func(context.Context, *I) (*O, error), options ...func(*Operation)) {
	registerMethod(r, http.MethodGet, path, handler, options)
}

// Post registers a POST operation at path.
func Post[I, O any](r Routes, path string, handler func(context.Context, *I) (*O, error), options ...func(*Operation)) {
	registerMethod(r, http.MethodPost, path, handler, options)
}

// Put registers a PUT operation at path.
func Put[I, O any](r Routes, path string, handler func(context.Context, *I) (*O, error), options ...func(*Operation)) {
	registerMethod(r, http.MethodPut, path, handler, options)
}

// Patch registers a PATCH operation at path.
func Patch[I, O any](r Routes, path string, handler func(context.Context, *I) (*O, error), options ...func(*Operation)) {
	registerMethod(r, http.MethodPatch, path, handler, options)
}

// Delete registers a DELETE operation at path.
func Delete[I, O any](r Routes, path string, handler func(context.Context, *I) (*O, error), options ...func(*Operation)) {
	registerMethod(r, http.MethodDelete, path, handler, options)
}

// registerMethod registers a shortcut's operation. The options given to the
// shortcut run after the group's, so that the operation has the last word;
// both see its generated OperationID and Summary (see generateNames).
func registerMethod[I, O any](r Routes, method, path string, handler func(context.Context, *I) (*O, error), options []func(*Operation)) {
	op := Operation{Method: method, Path: path}
	generated := generateNames[O](&op)
	app := r.scope(&op)
	for _, option := range options {
		option(&op)
	}
	generated.renewFor(&op)
	register(app, op, handler)
}
