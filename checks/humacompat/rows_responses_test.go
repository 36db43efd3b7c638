package humacompat

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// Responses: bodies, headers, DefaultStatus and dynamic Status, bodiless
// statuses, streams, HEAD, unknown routes and methods.

type Item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type itemOut struct {
	Body Item
}

type createdOut struct {
	Location string `header:"Location"`
	Body     Item
}

type headersOut struct {
	ETag         string    `header:"ETag"`
	LastModified time.Time `header:"Last-Modified"`
	Count        int       `header:"X-Count"`
	Ratio        float64   `header:"X-Ratio"`
	Enabled      bool      `header:"X-Enabled"`
	Links        []string  `header:"Link"`
	Empty        string    `header:"X-Empty"`
	Body         Item
}

type cookieOut struct {
	SetCookie []http.Cookie `header:"Set-Cookie"`
	Body      Item
}

type statusOut struct {
	Status int
	Body   Item
}

type statusIn struct {
	Status int `query:"status"`
}

type bodilessOut struct {
	ETag string `header:"ETag"`
}

type bodylessStatusOut struct {
	Status int
	ETag   string `header:"ETag"`
	Body   Item
}

type bytesOut struct {
	ContentType string `header:"Content-Type"`
	Body        []byte
}

type listOut struct {
	Body []Item
}

type listIn struct {
	Empty bool `query:"empty"`
}

var theItem = Item{ID: 1, Name: "one"}

func responseRows() []row {
	lastModified := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return []row{
		{name: "response/body", setup: func(r routes) {
			get(r, "/items/1", func(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil })
		}, requests: []request{GET("/items/1")}},
		{name: "response/created-with-location", setup: func(r routes) {
			post(r, "/items", func(context.Context, *struct{}) (*createdOut, error) {
				return &createdOut{Location: "/items/1", Body: theItem}, nil
			}, func(op *huma.Operation) { op.DefaultStatus = http.StatusCreated })
		}, requests: []request{send(http.MethodPost, "/items", "")}},
		{name: "response/headers", setup: func(r routes) {
			get(r, "/h", func(context.Context, *struct{}) (*headersOut, error) {
				return &headersOut{ETag: `"v1"`, LastModified: lastModified, Count: 3, Ratio: 0.5, Enabled: true,
					Links: []string{"</a>; rel=next", "</b>; rel=prev"}, Body: theItem}, nil
			})
		}, requests: []request{GET("/h")}},
		{name: "response/set-cookie", setup: func(r routes) {
			get(r, "/login", func(context.Context, *struct{}) (*cookieOut, error) {
				return &cookieOut{SetCookie: []http.Cookie{{Name: "a", Value: "1", Path: "/"}, {Name: "b", Value: "2", HttpOnly: true}}, Body: theItem}, nil
			})
		}, requests: []request{GET("/login")}},
		{name: "response/dynamic-status", setup: func(r routes) {
			get(r, "/s", func(_ context.Context, in *statusIn) (*statusOut, error) {
				return &statusOut{Status: in.Status, Body: theItem}, nil
			})
		}, requests: []request{GET("/s?status=202"), GET("/s?status=200")}},
		{name: "response/dynamic-status-zero", setup: func(r routes) {
			get(r, "/s", func(_ context.Context, in *statusIn) (*statusOut, error) {
				return &statusOut{Status: in.Status, Body: theItem}, nil
			})
		}, requests: []request{GET("/s")}},
		{name: "response/dynamic-status-invalid", setup: func(r routes) {
			get(r, "/s", func(_ context.Context, in *statusIn) (*statusOut, error) {
				return &statusOut{Status: in.Status, Body: theItem}, nil
			})
		}, requests: []request{GET("/s?status=600")}},
		{name: "response/no-body-204", setup: func(r routes) {
			del(r, "/items/1", func(context.Context, *struct{}) (*struct{}, error) { return &struct{}{}, nil })
		}, requests: []request{DELETE("/items/1")}},
		{name: "response/bodiless-with-header", setup: func(r routes) {
			del(r, "/items/1", func(context.Context, *struct{}) (*bodilessOut, error) { return &bodilessOut{ETag: `"gone"`}, nil })
		}, requests: []request{DELETE("/items/1")}},
		{name: "response/nil-output", setup: func(r routes) {
			get(r, "/nil", func(context.Context, *struct{}) (*itemOut, error) { return nil, nil })
		}, requests: []request{GET("/nil")}},
		{name: "response/body-on-204", setup: func(r routes) {
			get(r, "/204", func(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil },
				func(op *huma.Operation) { op.DefaultStatus = http.StatusNoContent })
		}, requests: []request{GET("/204")}},
		{name: "response/dynamic-304-with-body", setup: func(r routes) {
			get(r, "/cached", func(_ context.Context, in *statusIn) (*bodylessStatusOut, error) {
				return &bodylessStatusOut{Status: in.Status, ETag: `"v1"`, Body: theItem}, nil
			})
		}, requests: []request{GET("/cached?status=304"), GET("/cached?status=205")}},
		{name: "response/bytes-with-content-type", setup: func(r routes) {
			get(r, "/img", func(context.Context, *struct{}) (*bytesOut, error) {
				return &bytesOut{ContentType: "image/png", Body: []byte("\x89PNG")}, nil
			})
		}, requests: []request{GET("/img")}},
		{name: "response/string-body", setup: func(r routes) {
			get(r, "/str", func(context.Context, *struct{}) (*struct{ Body string }, error) {
				return &struct{ Body string }{"hello"}, nil
			})
		}, requests: []request{GET("/str")}},
		{name: "response/list-empty-and-nil", setup: func(r routes) {
			get(r, "/list", func(_ context.Context, in *listIn) (*listOut, error) {
				if in.Empty {
					return &listOut{Body: []Item{}}, nil
				}
				return &listOut{}, nil
			})
		}, requests: []request{GET("/list?empty=true"), GET("/list")}},
		{name: "response/stream", setup: func(r routes) {
			get(r, "/stream", func(context.Context, *struct{}) (*huma.StreamResponse, error) {
				return &huma.StreamResponse{Body: func(ctx huma.Context) {
					ctx.SetHeader("Content-Type", "text/plain")
					ctx.SetStatus(http.StatusOK)
					_, _ = ctx.BodyWriter().Write([]byte("chunk 1\n"))
					_, _ = ctx.BodyWriter().Write([]byte("chunk 2\n"))
				}}, nil
			})
		}, requests: []request{GET("/stream")}},
		{name: "response/head-on-get", setup: func(r routes) {
			get(r, "/items/1", func(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil })
		}, requests: []request{HEAD("/items/1")}},
		{name: "response/explicit-head", setup: func(r routes) {
			register(r, huma.Operation{OperationID: "head-item", Method: http.MethodHead, Path: "/items/1"},
				func(context.Context, *struct{}) (*bodilessOut, error) { return &bodilessOut{ETag: `"v1"`}, nil })
		}, requests: []request{HEAD("/items/1")}},
		{name: "response/unknown-route", setup: func(r routes) {
			get(r, "/items/1", func(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil })
		}, requests: []request{GET("/nothing-here")}},
		{name: "response/method-not-allowed", setup: func(r routes) {
			get(r, "/items/1", func(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil })
		}, requests: []request{send(http.MethodPut, "/items/1", "")}},
		{name: "response/operation-register-fields", setup: func(r routes) {
			register(r, huma.Operation{
				OperationID: "make-item", Method: http.MethodPost, Path: "/make", DefaultStatus: http.StatusAccepted,
				Summary: "Make an item", Tags: []string{"items"}, Errors: []int{http.StatusConflict},
			}, func(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil })
		}, requests: []request{send(http.MethodPost, "/make", ""), GET("/openapi.json").viewed(operations)}},
		{name: "response/hidden-operation", setup: func(r routes) {
			get(r, "/items/1", getItem)
			get(r, "/internal", getItem, func(op *huma.Operation) { op.Hidden = true })
		}, requests: []request{GET("/internal"), GET("/openapi.json").viewed(operations)}},
	}
}
