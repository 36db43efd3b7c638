package main

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"
)

// newApp builds the items API on s. Its handlers take the time from now and
// log through logger (nil means slog.Default()).
func newApp(s *store, now func() time.Time, logger *slog.Logger) *framework.App {
	app := framework.New(framework.Config{
		Title:   "Items API",
		Version: "1.0.0",
		License: &huma.License{Name: "MIT", URL: "https://opensource.org/license/mit"},
		Description: "A complete items resource built with Signet: cursor pagination, " +
			"creation with Location, conditional reads (ETag, Last-Modified, 304) and " +
			"replacement guarded by If-Match (412 when stale, 428 when missing).",
		Logger: logger,
	})
	api := &itemsAPI{store: s, now: now}
	items := app.Group("/items", huma.OperationTags("items"))

	framework.Get(items, "", api.listItems, func(op *framework.Operation) {
		op.OperationID = "list-items"
		op.Summary = "List items"
		op.Description = "Items in ascending ID order, a page at a time. Follow `next` for the following page; it is absent on the last one."
		op.Errors = []int{http.StatusUnprocessableEntity}
	})

	framework.Post(items, "", api.createItem, func(op *framework.Operation) {
		op.OperationID = "create-item"
		op.Summary = "Create an item"
		op.Description = "Creates an item and answers 201 Created with its URL in `Location` and its `ETag`. Names are unique regardless of case: 409 Conflict otherwise."
		op.DefaultStatus = http.StatusCreated
		op.Errors = []int{http.StatusBadRequest, http.StatusConflict}
	})

	framework.Get(items, "/{id}", api.getItem, func(op *framework.Operation) {
		op.OperationID = "get-item"
		op.Summary = "Get an item"
		op.Description = "Answers with the item, its `ETag` and `Last-Modified`. Send the ETag back in `If-None-Match` to revalidate: 304 Not Modified, without a body, when the item has not changed. HEAD answers the same headers without the body."
		op.Errors = []int{http.StatusNotFound}
	}, conditional.Document)

	framework.Put(items, "/{id}", api.replaceItem, func(op *framework.Operation) {
		op.OperationID = "replace-item"
		op.Summary = "Replace an item"
		op.Description = "Replaces the item's name, price and tags. **If-Match is required**: send the `ETag` of the version you read. " +
			"428 Precondition Required without it; 412 Precondition Failed when the item has changed since (GET it again, then retry)."
		op.Errors = []int{http.StatusBadRequest, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionRequired}
	}, conditional.Document)

	framework.Delete(items, "/{id}", api.deleteItem, func(op *framework.Operation) {
		op.OperationID = "delete-item"
		op.Summary = "Delete an item"
		op.Description = "Deletes the item: 204 No Content. `If-Match` is optional; with it, 412 Precondition Failed when the item has changed since."
		op.Errors = []int{http.StatusNotFound}
	}, conditional.Document)
	return app
}
