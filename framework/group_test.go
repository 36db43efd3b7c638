package framework_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/signet-go/signet/framework"
)

func handleWithID(context.Context, *hiddenID) (*withBody, error) { return nil, nil }

// TestGroupOptionsSeeGeneratedNames: a group's options see the operation's
// generated OperationID and Summary, as Huma's group modifiers do; what they
// leave as generated is generated again from the full path.
func TestGroupOptionsSeeGeneratedNames(t *testing.T) {
	app, _ := newApp(t)
	grouped := func(op *framework.Operation) { op.Summary = "Grouped: " + op.Summary }
	v1 := app.Group("/v1", grouped)
	framework.Get(v1, "/items/{id}", handleWithID)
	framework.Register(v1, framework.Operation{Method: http.MethodDelete, Path: "/items/{id}"}, handleWithID)
	framework.Get(v1.Group("/admin"), "/items/{id}", handleWithID, func(op *framework.Operation) { op.OperationID = "admin-item" })
	for _, tc := range []struct{ method, path, id, summary string }{
		{"GET", "/v1/items/{id}", "get-v1-items-by-id", "Grouped: Get items by ID"},
		{"DELETE", "/v1/items/{id}", "delete-v1-items-by-id", "Grouped: Delete items by ID"},
		{"GET", "/v1/admin/items/{id}", "admin-item", "Grouped: Get items by ID"},
	} {
		item := app.OpenAPI().Paths[tc.path]
		if item == nil {
			t.Errorf("%s is not documented", tc.path)
			continue
		}
		op := item.Get
		if tc.method == "DELETE" {
			op = item.Delete
		}
		if op == nil || op.OperationID != tc.id || op.Summary != tc.summary {
			t.Errorf("%s %s: %+v, want ID %q and summary %q", tc.method, tc.path, op, tc.id, tc.summary)
		}
	}
}
