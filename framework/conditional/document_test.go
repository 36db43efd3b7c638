package conditional_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework/conditional"
)

// TestDocument checks, in the document the server serves, that the four
// headers are parameters, that GET documents 304 without content and 412 as
// a problem, and that PUT documents 412 but no 304.
func TestDocument(t *testing.T) {
	srv := newServer(t)
	res, err := http.Get(srv.URL + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	// The parts of the served document this test reads.
	type operation struct {
		OperationID string
		Parameters  []struct{ Name, In string }
		Responses   map[string]*struct {
			Description string
			Content     map[string]any
		}
	}
	var doc struct {
		Paths map[string]map[string]*operation
	}
	if err := decodeJSON(res.Body, &doc); err != nil {
		t.Fatal(err)
	}
	path := doc.Paths["/{name}"]
	if path["get"] == nil || path["put"] == nil || path["delete"] == nil {
		t.Fatalf("the document lacks GET, PUT or DELETE /{name}: %+v", doc.Paths)
	}
	for _, op := range []*operation{path["get"], path["put"], path["delete"]} {
		var headers []string
		for _, p := range op.Parameters {
			if p.In == "header" {
				headers = append(headers, p.Name)
			}
		}
		slices.Sort(headers)
		want := []string{"If-Match", "If-Modified-Since", "If-None-Match", "If-Unmodified-Since"}
		if !slices.Equal(headers, want) {
			t.Errorf("%s: header parameters %v, want %v", op.OperationID, headers, want)
		}
		r412 := op.Responses["412"]
		if r412 == nil || r412.Content["application/problem+json"] == nil {
			t.Errorf("%s: 412 is not documented as a problem: %+v", op.OperationID, r412)
		}
	}
	r304 := path["get"].Responses["304"]
	switch {
	case r304 == nil:
		t.Error("GET: 304 is not documented")
	case len(r304.Content) > 0:
		t.Errorf("GET: 304 is documented with content %v", r304.Content)
	case r304.Description == "":
		t.Error("GET: 304 has no description")
	}
	if path["put"].Responses["304"] != nil {
		t.Error("PUT: 304 is documented, but PUT never answers 304")
	}
}

// TestDocumentKeepsOwnResponses checks that Document adds to what the
// operation declares rather than replacing it.
func TestDocumentKeepsOwnResponses(t *testing.T) {
	op := &huma.Operation{
		Method:    http.MethodGet,
		Errors:    []int{http.StatusNotFound, http.StatusPreconditionFailed},
		Responses: map[string]*huma.Response{"304": {Description: "mine"}},
	}
	conditional.Document(op)
	if op.Responses["304"].Description != "mine" {
		t.Errorf("304 description replaced: %q", op.Responses["304"].Description)
	}
	if !slices.Equal(op.Errors, []int{http.StatusNotFound, http.StatusPreconditionFailed}) {
		t.Errorf("Errors = %v, want 412 once", op.Errors)
	}
	head := &huma.Operation{Method: http.MethodHead}
	conditional.Document(head)
	if head.Responses["304"] == nil {
		t.Error("HEAD: 304 not documented")
	}
}
