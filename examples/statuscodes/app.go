package main

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"
)

// newApp builds the notes API on n, translating with t and logging through
// logger (nil means slog.Default()).
func newApp(n *notes, t translator, logger *slog.Logger) *framework.App {
	app := framework.New(framework.Config{
		Title:   "Status codes",
		Version: "1.0.0",
		License: &huma.License{Name: "MIT", URL: "https://opensource.org/license/mit"},
		Description: "The status-code guide as a runnable API: a notes service with one operation for each status class. " +
			"2xx are successes (200 by default, 201 after creating, 202 for work accepted for later, 204 for nothing to return), " +
			"304 tells a client its copy is current, 4xx are the client's errors (400 generic, 404 not found) " +
			"and 5xx the server's (500 when a handler fails).",
		Logger: logger,
	})
	api := &notesAPI{notes: n, translator: t, now: time.Now}
	notes := app.Group("/notes", huma.OperationTags("notes"))

	framework.Get(notes, "", api.listNotes, func(op *framework.Operation) {
		op.OperationID = "list-notes"
		op.Summary = "200 OK: list notes"
		op.Description = "**200 OK** is the default status of an operation that returns a body: nothing to declare."
	})

	framework.Post(notes, "", api.createNote, func(op *framework.Operation) {
		op.OperationID = "create-note"
		op.Summary = "201 Created: create a note"
		op.Description = "**201 Created** is the status after creating a record; `Location` gives the new note's URL. " +
			"The status is the operation's `DefaultStatus`, set here from the API's own `Status` type."
		op.DefaultStatus = int(StatusCreated)
		op.Errors = []int{http.StatusBadRequest}
	})

	framework.Get(notes, "/{id}", api.getNote, func(op *framework.Operation) {
		op.OperationID = "get-note"
		op.Summary = "200, 304 or 404: get a note"
		op.Description = "Answers **200 OK** with the note and its `ETag`. Send the ETag back in `If-None-Match`: " +
			"**304 Not Modified** means your copy is current, so the response has no body. " +
			"**404 Not Found** when no note has this ID."
		op.Errors = []int{http.StatusNotFound}
	}, conditional.Document)

	framework.Delete(notes, "/{id}", api.deleteNote, func(op *framework.Operation) {
		op.OperationID = "delete-note"
		op.Summary = "204 No Content: delete a note"
		op.Description = "**204 No Content**: the note is deleted and there is nothing to return, so the response has no body. " +
			"**404 Not Found** when no note has this ID."
		op.Errors = []int{http.StatusNotFound}
	})

	framework.Get(notes, "/{id}/excerpt", api.excerpt, func(op *framework.Operation) {
		op.OperationID = "get-note-excerpt"
		op.Summary = "400 Bad Request: an excerpt of a note"
		op.Description = "Answers **400 Bad Request**, the generic client error, when `start` is after `end`: " +
			"each parameter is valid on its own (invalid ones get 422), but together they ask for nothing sensible."
		op.Errors = []int{http.StatusBadRequest, http.StatusNotFound}
	})

	framework.Get(notes, "/{id}/translation", api.translate, func(op *framework.Operation) {
		op.OperationID = "translate-note"
		op.Summary = "500 Internal Server Error: translate a note"
		op.Description = "Answers **500 Internal Server Error** when the handler fails: it calls a translation service, " +
			"and this example has none. The client learns only that the server failed; the error is in the server's log."
		op.Errors = []int{http.StatusNotFound}
	})

	framework.Post(notes, "/{id}/publication", api.publish, func(op *framework.Operation) {
		op.OperationID = "publish-note"
		op.Summary = "202 Accepted: request a note's publication"
		op.Description = "**202 Accepted**: the publication is recorded and will happen later. " +
			"`DefaultStatus` is `int(StatusAccepted)`, a constant of the API's own `Status` type, the way Python code uses an `IntEnum`."
		op.DefaultStatus = int(StatusAccepted)
		op.Errors = []int{http.StatusNotFound}
	})
	return app
}
