package framework

import (
	"testing"

	"github.com/danielgtaylor/huma/v2"
)

func TestWrappedProblem(t *testing.T) {
	type copied struct {
		Schema string `json:"$schema"`
		Title  string
		Status int
		Detail string
		Errors []*huma.ErrorDetail
	}
	type embedded struct {
		*huma.ErrorModel
		Extra string
	}
	type notAProblem struct {
		Status int
		Detail string
		Errors []string
	}
	detail := &huma.ErrorDetail{Message: "bad", Value: "secret"}

	c := &copied{Title: "Bad Request", Status: 400, Detail: "d", Errors: []*huma.ErrorDetail{detail}}
	problem, writeBack := wrappedProblem(c)
	if problem == nil || problem.Status != 400 || problem.Title != "Bad Request" || len(problem.Errors) != 1 {
		t.Fatalf("a copying wrapper: %+v", problem)
	}
	problem.Detail, problem.Errors = "changed", nil
	writeBack()
	if c.Detail != "changed" || c.Errors != nil {
		t.Errorf("written back: %+v", c)
	}

	e := &embedded{ErrorModel: &huma.ErrorModel{Status: 500, Errors: []*huma.ErrorDetail{detail}}}
	if problem, _ := wrappedProblem(e); problem == nil || problem.Status != 500 {
		t.Errorf("an embedding wrapper: %+v", problem)
	}
	for name, v := range map[string]any{
		"nil embedded pointer": &embedded{},
		"other Errors":         &notAProblem{Status: 400},
		"not a pointer":        copied{Status: 400},
		"nil":                  (*copied)(nil),
		"not a struct":         new(int),
	} {
		if problem, _ := wrappedProblem(v); problem != nil {
			t.Errorf("%s: read as a problem: %+v", name, problem)
		}
	}
}
