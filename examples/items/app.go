package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// Item is an item as the API returns it.
type Item struct {
	ID        int64     `json:"id" doc:"Identifier assigned by the server" example:"1"`
	Name      string    `json:"name" doc:"Display name" example:"Teapot"`
	Price     float64   `json:"price" doc:"Price in euros" example:"12.5"`
	Tags      []string  `json:"tags,omitempty" doc:"Free-form labels"`
	CreatedAt time.Time `json:"createdAt" doc:"When the item was created (UTC)"`
}

// ItemDraft is what a client sends to create an item.
type ItemDraft struct {
	Name  string   `json:"name" minLength:"1" maxLength:"100" doc:"Display name" example:"Teapot"`
	Price float64  `json:"price" minimum:"0" doc:"Price in euros" example:"12.5"`
	Tags  []string `json:"tags,omitempty" maxItems:"10" doc:"Free-form labels"`
}

type createItemInput struct {
	Body ItemDraft
}

type itemOutput struct {
	Location string `header:"Location" doc:"URL of the item"`
	Body     Item
}

type itemIDInput struct {
	ID int64 `path:"id" minimum:"1" doc:"Item identifier" example:"1"`
}

type getItemOutput struct {
	Body Item
}

type listItemsInput struct {
	After int64 `query:"after" minimum:"0" doc:"Return items whose ID is greater than this (the last ID of the previous page)"`
	Limit int   `query:"limit" minimum:"1" maximum:"100" default:"20" doc:"Page size"`
}

type listItemsOutput struct {
	Body []Item
}

// newApp builds the items API on s.
func newApp(s *store) *framework.App {
	app := framework.New(framework.Config{
		Title:       "Items API",
		Version:     "1.0.0",
		Description: "A small items API built with Signet.",
	})
	items := app.Group("/items", huma.OperationTags("items"))

	framework.Register(items, framework.Operation{
		OperationID:   "create-item",
		Method:        http.MethodPost,
		Summary:       "Create an item",
		DefaultStatus: http.StatusCreated,
	}, func(ctx context.Context, in *createItemInput) (*itemOutput, error) {
		item := s.create(in.Body, time.Now())
		return &itemOutput{Location: fmt.Sprintf("/items/%d", item.ID), Body: item}, nil
	})

	framework.Get(items, "", func(ctx context.Context, in *listItemsInput) (*listItemsOutput, error) {
		return &listItemsOutput{Body: s.list(in.After, in.Limit)}, nil
	}, func(op *framework.Operation) {
		op.OperationID = "list-items"
		op.Summary = "List items"
	})

	framework.Get(items, "/{id}", func(ctx context.Context, in *itemIDInput) (*getItemOutput, error) {
		item, ok := s.get(in.ID)
		if !ok {
			return nil, huma.Error404NotFound(fmt.Sprintf("no item has the ID %d", in.ID))
		}
		return &getItemOutput{Body: item}, nil
	}, func(op *framework.Operation) {
		op.OperationID = "get-item"
		op.Summary = "Get an item"
		op.Errors = []int{http.StatusNotFound}
	})

	framework.Delete(items, "/{id}", func(ctx context.Context, in *itemIDInput) (*struct{}, error) {
		if !s.delete(in.ID) {
			return nil, huma.Error404NotFound(fmt.Sprintf("no item has the ID %d", in.ID))
		}
		return nil, nil
	}, func(op *framework.Operation) {
		op.OperationID = "delete-item"
		op.Summary = "Delete an item"
		op.Errors = []int{http.StatusNotFound}
	})
	return app
}
