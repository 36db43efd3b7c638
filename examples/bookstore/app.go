package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"
)

// newApp builds the bookstore on s, served at serverURL. Changes to the
// catalogue need the bearer token; reading it does not. Its handlers take
// the time from now and log through logger (nil means slog.Default()).
func newApp(s *store, token, serverURL string, now func() time.Time, logger *slog.Logger) *framework.App {
	app := framework.New(framework.Config{
		Title:   "Bookstore",
		Version: "1.0.0",
		License: &huma.License{Name: "MIT", URL: "https://opensource.org/license/mit"},
		Description: "A catalogue of books built with Signet: public reads with filters and cursor pagination, " +
			"conditional reads (ETag, 304), changes behind a bearer token (`" + tokenEnv + "`), " +
			"cover images uploaded as multipart forms, and a stream of changes as server-sent events.",
		Servers: []*huma.Server{{URL: serverURL, Description: "The server that serves this document"}},
		SecuritySchemes: map[string]*huma.SecurityScheme{
			"bearer": {Type: "http", Scheme: "bearer",
				Description: "The token the server was started with (" + tokenEnv + "), sent as `Authorization: Bearer TOKEN`."},
		},
		// Every operation needs the token unless it says otherwise: one
		// forgotten line then closes an operation instead of opening it.
		Security:       []map[string][]string{{"bearer": {}}},
		Authenticators: map[string]framework.Authenticator{"bearer": bearer(token)},
		ErrorMapping: framework.ErrorMapping{
			Statuses: []int{http.StatusNotFound},
			Map: func(_ context.Context, err error) huma.StatusError {
				if errors.Is(err, errNotFound) {
					return huma.Error404NotFound("no book has this ID; GET /v1/books lists them")
				}
				return nil
			},
		},
		Logger: logger,
	})
	api := &booksAPI{store: s, now: now}
	public := func(op *framework.Operation) { op.Security = []map[string][]string{} }
	v1 := app.Group("/v1")
	books := v1.Group("/books", huma.OperationTags("books"))

	framework.Get(books, "", api.listBooks, public, func(op *framework.Operation) {
		op.OperationID = "list-books"
		op.Summary = "List books"
		op.Description = "Books in ascending ID order, a page at a time, optionally filtered by genre, author and year of publication. " +
			"Follow `next` for the following page; it is absent on the last one."
		op.Errors = []int{http.StatusUnprocessableEntity}
	})

	framework.Post(books, "", api.createBook, func(op *framework.Operation) {
		op.OperationID = "create-book"
		op.Summary = "Add a book"
		op.Description = "Adds a book and answers 201 Created with its URL in `Location`. Needs the bearer token. " +
			"Subscribers of `GET /v1/events` receive a `created` event."
		op.DefaultStatus = http.StatusCreated
		op.Errors = []int{http.StatusBadRequest, http.StatusUnprocessableEntity}
	})

	framework.Get(books, "/{id}", api.getBook, public, func(op *framework.Operation) {
		op.OperationID = "get-book"
		op.Summary = "Get a book"
		op.Description = "Answers with the book, its `ETag` and `Last-Modified`. Send the ETag back in `If-None-Match` to revalidate: " +
			"304 Not Modified, without a body, when the book has not changed."
	}, conditional.Document)

	framework.Put(books, "/{id}/cover", api.putCover, func(op *framework.Operation) {
		op.OperationID = "put-book-cover"
		op.Summary = "Set a book's cover"
		op.Description = "Uploads the cover image as a `multipart/form-data` form whose field `cover` holds a PNG or JPEG file, " +
			"at most 512 KiB with the form's framing (413 otherwise). The file's bytes must be the image its part's `Content-Type` names. " +
			"Needs the bearer token. Subscribers of `GET /v1/events` receive a `changed` event."
		op.MaxBodyBytes = coverLimit
		op.Errors = []int{http.StatusUnprocessableEntity}
	})

	// Huma's sse.Register works on the huma.API, not on a Group: the
	// operation states the path, tags and security a Group would give it.
	sse.Register(app.API(), huma.Operation{
		OperationID: "list-events",
		Method:      http.MethodGet,
		Path:        "/v1/events",
		Summary:     "Stream changes",
		Description: "Server-sent events: `ready` at once, then `created` for each book added and `changed` for each book whose cover was set, " +
			"each carrying the book. To mirror the catalogue, open the stream, wait for `ready`, then list the books: " +
			"every change after `ready` comes in the stream. A client that falls far behind is disconnected; it reconnects and lists again.",
		Tags:     []string{"events"},
		Security: []map[string][]string{},
	}, map[string]any{"ready": Ready{}, "created": BookCreated{}, "changed": BookChanged{}}, api.streamEvents)
	return app
}
