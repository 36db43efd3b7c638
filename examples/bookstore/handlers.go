package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework/conditional"
)

// booksAPI holds the handlers of the bookstore and what they share.
type booksAPI struct {
	store *store
	now   func() time.Time
}

type listBooksInput struct {
	Genre   string `query:"genre" enum:"fiction,nonfiction,poetry,children" doc:"Only books of this genre"`
	Author  string `query:"author" maxLength:"100" doc:"Only books by this author (case does not count)" example:"Ursula K. Le Guin"`
	MinYear int    `query:"minYear" minimum:"1450" maximum:"2100" doc:"Only books first published in this year or later"`
	MaxYear int    `query:"maxYear" minimum:"1450" maximum:"2100" doc:"Only books first published in this year or earlier (books of unknown year are left out)"`
	After   int64  `query:"after" minimum:"0" doc:"Return books whose ID is greater than this: the last ID of the previous page, or 0 for the first page"`
	Limit   int    `query:"limit" minimum:"1" maximum:"100" default:"20" doc:"Page size, at most 100"`
}

type listBooksOutput struct {
	Body BookPage
}

func (api *booksAPI) listBooks(_ context.Context, in *listBooksInput) (*listBooksOutput, error) {
	if in.MinYear != 0 && in.MaxYear != 0 && in.MinYear > in.MaxYear {
		return nil, huma.NewError(http.StatusUnprocessableEntity, "validation failed", &huma.ErrorDetail{
			Location: "query.maxYear",
			Message:  fmt.Sprintf("maxYear (%d) is before minYear (%d): no book could match; swap them", in.MaxYear, in.MinYear),
		})
	}
	f := filter{genre: in.Genre, author: in.Author, minYear: in.MinYear, maxYear: in.MaxYear}
	books, more := api.store.list(f, in.After, in.Limit)
	page := BookPage{Books: books}
	if more {
		page.Next = "/v1/books?" + in.nextQuery(books[len(books)-1].ID).Encode()
	}
	return &listBooksOutput{Body: page}, nil
}

// nextQuery is the query of the page after the one that ends with book
// last: the same filters and page size.
func (in *listBooksInput) nextQuery(last int64) url.Values {
	q := url.Values{"after": {strconv.FormatInt(last, 10)}, "limit": {strconv.Itoa(in.Limit)}}
	if in.Genre != "" {
		q.Set("genre", in.Genre)
	}
	if in.Author != "" {
		q.Set("author", in.Author)
	}
	if in.MinYear != 0 {
		q.Set("minYear", strconv.Itoa(in.MinYear))
	}
	if in.MaxYear != 0 {
		q.Set("maxYear", strconv.Itoa(in.MaxYear))
	}
	return q
}

type createBookInput struct {
	Body NewBook
}

type createBookOutput struct {
	Location     string    `header:"Location" doc:"URL of the new book"`
	ETag         string    `header:"ETag" doc:"Entity tag of the new book"`
	LastModified time.Time `header:"Last-Modified" doc:"When the book was added"`
	Body         Book
}

func (api *booksAPI) createBook(_ context.Context, in *createBookInput) (*createBookOutput, error) {
	book := api.store.create(in.Body, api.now())
	return &createBookOutput{
		Location:     fmt.Sprintf("/v1/books/%d", book.ID),
		ETag:         book.validators().ETag.String(),
		LastModified: book.UpdatedAt,
		Body:         book.Book,
	}, nil
}

// BookPath is the path parameter of /v1/books/{id}. It is embedded in
// inputs, so it must be exported: Huma does not see fields of unexported
// embedded structs.
type BookPath struct {
	ID int64 `path:"id" minimum:"1" doc:"Book identifier" example:"1"`
}

type getBookInput struct {
	BookPath
	conditional.Params
}

type getBookOutput struct {
	// Status is 0 for the operation's 200, or 304 Not Modified.
	Status       int
	ETag         string    `header:"ETag" doc:"Entity tag of this version of the book"`
	LastModified time.Time `header:"Last-Modified" doc:"When the book was last changed"`
	CacheControl string    `header:"Cache-Control" doc:"no-cache: a cache may keep the book but must revalidate it (If-None-Match) before each use"`
	Body         Book
}

func (api *booksAPI) getBook(_ context.Context, in *getBookInput) (*getBookOutput, error) {
	book, err := api.store.get(in.ID)
	if err != nil {
		return nil, err // errNotFound: Config.ErrorMapping makes it a 404
	}
	v := book.validators()
	out := &getBookOutput{ETag: v.ETag.String(), LastModified: v.LastModified, CacheControl: "no-cache"}
	switch in.Evaluate(http.MethodGet, v) {
	case conditional.NotModified:
		out.Status = http.StatusNotModified
		return out, nil
	case conditional.PreconditionFailed:
		return nil, huma.Error412PreconditionFailed(fmt.Sprintf(
			"book %d does not match If-Match or If-Unmodified-Since: it has changed; GET it again without them", in.ID))
	}
	out.Body = book.Book
	return out, nil
}

// coverForm is the multipart form of PUT /v1/books/{id}/cover.
type coverForm struct {
	Cover huma.FormFile `form:"cover" contentType:"image/png,image/jpeg" required:"true" doc:"The cover image, PNG or JPEG"`
}

type putCoverInput struct {
	BookPath
	RawBody huma.MultipartFormFiles[coverForm]
}

type putCoverOutput struct {
	ETag         string    `header:"ETag" doc:"Entity tag of the book with its new cover"`
	LastModified time.Time `header:"Last-Modified" doc:"When the cover was set"`
	Body         Book
}

func (api *booksAPI) putCover(_ context.Context, in *putCoverInput) (*putCoverOutput, error) {
	// The parts that did not fit in memory went to temporary files, which
	// Signet removes once the request is answered.
	cover, err := readCover(in.RawBody.Data().Cover)
	if err != nil {
		return nil, err
	}
	book, err := api.store.setCover(in.ID, cover, api.now())
	if err != nil {
		return nil, err // errNotFound: Config.ErrorMapping makes it a 404
	}
	return &putCoverOutput{ETag: book.validators().ETag.String(), LastModified: book.UpdatedAt, Body: book.Book}, nil
}

// Ready is the data of the "ready" event each stream starts with.
type Ready struct {
	Books int `json:"books" minimum:"0" doc:"How many books the store held when the stream opened; every change after that comes in the stream"`
}

// streamEvents sends a "ready" event, then one event per book created or
// changed, until the client leaves, falls too far behind, or the server
// shuts down. The subscription ends with the handler: nothing stays behind
// when a client leaves.
func (api *booksAPI) streamEvents(ctx context.Context, _ *struct{}, send sse.Sender) {
	books, events, stop := api.store.subscribe()
	defer stop()
	// Huma sends the head of the response with the first event: this one
	// tells the client at once that the stream is open.
	if send.Data(Ready{Books: books}) != nil {
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case event, ok := <-events:
			if !ok {
				return
			}
			if send.Data(event) != nil {
				return
			}
		}
	}
}
