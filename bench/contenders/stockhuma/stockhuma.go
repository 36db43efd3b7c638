// Package stockhuma is the catalog API on stock Huma v2: humachi and
// huma.DefaultConfig, as a user who picks Huma instead of Signet would write
// it, with Huma's conditional package for If-None-Match.
package stockhuma

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/danielgtaylor/huma/v2/conditional"
	"github.com/go-chi/chi/v5"
	"github.com/signet-go/signet/bench/catalog"
)

// New returns the API, with its document at /openapi.json.
func New() http.Handler { return newAPI(huma.DefaultConfig("Catalog", "1.0.0")) }

// NewWithoutLinks is New without Huma's "$schema" member and
// "Link: rel=describedby" header on every response (CreateHooks = nil):
// the configuration closest to what Signet sends, the fair peer.
func NewWithoutLinks() http.Handler { return newAPI(withoutLinks()) }

func withoutLinks() huma.Config {
	config := huma.DefaultConfig("Catalog", "1.0.0")
	config.CreateHooks = nil
	return config
}

func newAPI(config huma.Config) http.Handler {
	router := chi.NewMux()
	api := humachi.New(router, config)
	huma.Get(api, "/items", listItems)
	huma.Register(api, huma.Operation{
		OperationID: "create-item", Method: http.MethodPost, Path: "/items",
		DefaultStatus: http.StatusCreated,
	}, createItem)
	huma.Get(api, "/items/{id}", getItem)
	huma.Register(api, huma.Operation{
		OperationID: "delete-item", Method: http.MethodDelete, Path: "/items/{id}",
		DefaultStatus: http.StatusNoContent,
	}, deleteItem)
	return router
}

// Startup registers n GET operations on distinct paths.
func Startup(n int) http.Handler { return startup(huma.DefaultConfig("Catalog", "1.0.0"), n) }

// StartupWithoutLinks is Startup without the schema links.
func StartupWithoutLinks(n int) http.Handler { return startup(withoutLinks(), n) }

func startup(config huma.Config, n int) http.Handler {
	router := chi.NewMux()
	api := humachi.New(router, config)
	for i := range n {
		huma.Get(api, "/r"+strconv.Itoa(i)+"/items/{id}", getItem)
	}
	return router
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
	// Status must be set: Huma sends a Status of 0 as it is, and net/http
	// panics.
	Status int
	ETag   string `header:"ETag"`
	Body   catalog.Item
}

func getItem(_ context.Context, in *getInput) (*getOutput, error) {
	item, found := catalog.Get(in.ID, in.Currency)
	if !found {
		return nil, huma.Error404NotFound("no item with this id")
	}
	out := &getOutput{ETag: catalog.ETag(in.ID)}
	if in.HasConditionalParams() {
		if err := in.PreconditionFailed(out.ETag[1:len(out.ETag)-1], time.Time{}); err != nil {
			if err.GetStatus() != http.StatusNotModified {
				return nil, err
			}
			out.Status = http.StatusNotModified
			return out, nil
		}
	}
	out.Status, out.Body = http.StatusOK, item
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

func deleteItem(_ context.Context, in *deleteInput) (*struct{}, error) {
	if !catalog.Exists(in.ID) {
		return nil, huma.Error404NotFound("no item with this id")
	}
	return nil, nil
}
