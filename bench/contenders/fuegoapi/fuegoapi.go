// Package fuegoapi is the catalog API on Fuego, with its defaults less the
// request logger and start-up messages (Signet and Huma log neither).
// Fuego answers 400 for every body that fails validation; the POST handler
// turns validation failures into 422 so that the API behaves as the others.
// Fuego has no conditional-request support: If-None-Match is checked by
// hand, as in the raw chi handler.
package fuegoapi

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-fuego/fuego"
	"github.com/signet-go/signet/bench/catalog"
	"github.com/signet-go/signet/bench/contenders/rawchi"
)

// New returns the API, with its document at /openapi.json.
func New() http.Handler {
	s := newServer()
	fuego.Get(s, "/items", listItems, fuego.OptionQueryInt("limit", "page size, 1-100"))
	fuego.Post(s, "/items", createItem, fuego.OptionDefaultStatusCode(http.StatusCreated))
	fuego.Get(s, "/items/{id}", getItem,
		fuego.OptionQuery("currency", "EUR or USD"),
		fuego.OptionAddResponse(http.StatusOK, "the item", fuego.Response{Type: catalog.Item{}}))
	fuego.Delete(s, "/items/{id}", deleteItem, fuego.OptionDefaultStatusCode(http.StatusNoContent))
	return serve(s)
}

// Startup registers n GET operations on distinct paths.
func Startup(n int) http.Handler {
	s := newServer()
	for i := range n {
		fuego.Get(s, "/r"+strconv.Itoa(i)+"/items/{id}", getItem,
			fuego.OptionQuery("currency", "EUR or USD"),
			fuego.OptionAddResponse(http.StatusOK, "the item", fuego.Response{Type: catalog.Item{}}))
	}
	return serve(s)
}

func newServer() *fuego.Server {
	return fuego.NewServer(
		fuego.WithoutLogger(),
		fuego.WithoutStartupMessages(),
		fuego.WithEngineOptions(fuego.WithOpenAPIConfig(fuego.OpenAPIConfig{
			SpecURL: "/openapi.json", DisableSwaggerUI: true, DisableLocalSave: true, DisableMessages: true,
		})),
	)
}

// serve does what fuego.Server.Run does before listening: generate the
// document and mount its route.
func serve(s *fuego.Server) http.Handler {
	s.OutputOpenAPISpec()
	s.RegisterOpenAPIRoutes(s)
	return s.Mux
}

func listItems(c fuego.ContextNoBody) (catalog.Page, error) {
	limit := 20
	if c.QueryParam("limit") != "" {
		n, err := c.QueryParamIntErr("limit")
		if err != nil || n < 1 || n > 100 {
			return catalog.Page{}, unprocessable("limit must be an integer from 1 to 100")
		}
		limit = n
	}
	return catalog.List(limit), nil
}

// getItem returns any, not *catalog.Item: Fuego serializes any typed
// return value, and a 304 must have no body.
func getItem(c fuego.ContextNoBody) (any, error) {
	id, err := strconv.ParseInt(c.PathParam("id"), 10, 64)
	if err != nil || id < 1 {
		return nil, unprocessable("id must be an integer >= 1")
	}
	currency := c.QueryParam("currency")
	switch currency {
	case "":
		currency = "EUR"
	case "EUR", "USD":
	default:
		return nil, unprocessable("currency must be EUR or USD")
	}
	item, found := catalog.Get(id, currency)
	if !found {
		return nil, fuego.NotFoundError{Detail: "no item with this id"}
	}
	etag := catalog.ETag(id)
	c.SetHeader("ETag", etag)
	if rawchi.IfNoneMatchHas(c.Header("If-None-Match"), etag) {
		c.SetStatus(http.StatusNotModified)
		return nil, nil
	}
	return item, nil
}

// Draft is a POST body.
type Draft struct {
	Name  string   `json:"name" validate:"min=1,max=100"`
	Price *float64 `json:"price" validate:"required,gte=0,lte=1000000"`
	Tags  []string `json:"tags,omitempty" validate:"max=8"`
}

func createItem(c fuego.ContextWithBody[Draft]) (catalog.Item, error) {
	d, err := c.Body()
	if err != nil {
		var httpErr fuego.HTTPError
		if errors.As(err, &httpErr) && httpErr.Title == "Validation Error" {
			return catalog.Item{}, unprocessable(httpErr.Detail)
		}
		return catalog.Item{}, err
	}
	item := catalog.Create(d.Name, *d.Price, d.Tags)
	c.SetHeader("Location", catalog.Location(item.ID))
	// Fuego sends the 201 status line before it serializes the body and
	// sets its Content-Type, so net/http would sniff "text/plain".
	c.SetHeader("Content-Type", "application/json")
	return item, nil
}

func deleteItem(c fuego.ContextNoBody) (any, error) {
	id, err := strconv.ParseInt(c.PathParam("id"), 10, 64)
	if err != nil || id < 1 {
		return nil, unprocessable("id must be an integer >= 1")
	}
	if !catalog.Exists(id) {
		return nil, fuego.NotFoundError{Detail: "no item with this id"}
	}
	return nil, nil
}

func unprocessable(detail string) error {
	return fuego.HTTPError{Status: http.StatusUnprocessableEntity, Title: "Unprocessable Entity", Detail: detail}
}
