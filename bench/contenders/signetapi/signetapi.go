// Package signetapi is the catalog API on Signet with its defaults, with
// Signet's conditional package for If-None-Match.
package signetapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/bench/catalog"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"
)

// New returns the API, with its document at /openapi.json.
func New() *framework.App {
	app := newApp()
	framework.Get(app, "/items", listItems)
	framework.Post(app, "/items", createItem, func(op *framework.Operation) {
		op.OperationID = "create-item"
		op.DefaultStatus = http.StatusCreated
	})
	framework.Get(app, "/items/{id}", getItem, conditional.Document)
	framework.Delete(app, "/items/{id}", deleteItem, func(op *framework.Operation) {
		op.OperationID = "delete-item"
	})
	return app
}

// Startup registers n GET operations on distinct paths.
func Startup(n int) http.Handler {
	app := newApp()
	for i := range n {
		framework.Get(app, "/r"+strconv.Itoa(i)+"/items/{id}", getItem, conditional.Document)
	}
	return app
}

// newApp is an App with Signet's defaults.
func newApp() *framework.App {
	return framework.New(framework.Config{Title: "Catalog", Version: "1.0.0"})
}

type listInput struct {
	Limit int `query:"limit" minimum:"1" maximum:"100" default:"20"`
}

type listOutput struct{ Body catalog.Page }

func listItems(_ context.Context, in *listInput) (*listOutput, error) {
	return &listOutput{Body: catalog.List(in.Limit)}, nil
}

type getInput struct {
	ID       int64  `path:"id" minimum:"1"`
	Currency string `query:"currency" enum:"EUR,USD" default:"EUR"`
	conditional.Params
}

type getOutput struct {
	Status int
	ETag   string `header:"ETag"`
	Body   catalog.Item
}

func getItem(_ context.Context, in *getInput) (*getOutput, error) {
	item, found := catalog.Get(in.ID, in.Currency)
	if !found {
		return nil, huma.Error404NotFound("no item with this id")
	}
	etag := catalog.ETag(in.ID)
	out := &getOutput{ETag: etag}
	v := conditional.Validators{ETag: conditional.StrongETag(etag[1 : len(etag)-1])}
	switch in.Evaluate(http.MethodGet, v) {
	case conditional.NotModified:
		out.Status = http.StatusNotModified
		return out, nil
	case conditional.PreconditionFailed:
		return nil, huma.Error412PreconditionFailed("the item has changed")
	}
	out.Body = item
	return out, nil
}

// Draft is a POST body.
type Draft struct {
	Name  string   `json:"name" minLength:"1" maxLength:"100"`
	Price float64  `json:"price" minimum:"0" maximum:"1000000"`
	Tags  []string `json:"tags,omitempty" maxItems:"8"`
}

type createInput struct{ Body Draft }

type createOutput struct {
	Location string `header:"Location"`
	Body     catalog.Item
}

func createItem(_ context.Context, in *createInput) (*createOutput, error) {
	item := catalog.Create(in.Body.Name, in.Body.Price, in.Body.Tags)
	return &createOutput{Location: catalog.Location(item.ID), Body: item}, nil
}

type deleteInput struct {
	ID int64 `path:"id" minimum:"1"`
}

// deleteItem returns no output, as the stock Huma contender's does: the
// operation's DefaultStatus (204) is sent.
func deleteItem(_ context.Context, in *deleteInput) (*struct{}, error) {
	if !catalog.Exists(in.ID) {
		return nil, huma.Error404NotFound("no item with this id")
	}
	return nil, nil
}
