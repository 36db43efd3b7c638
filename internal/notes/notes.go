// Package notes is a small notes service written the way a user would
// write it, with every status class in use: create (201 + Location), a
// conditional read (ETag, 304), delete (204), 404, 422 and a handler error
// (500). The end-to-end tests of the root package drive it, and the checks
// module has tools Signet did not write validate its documents.
package notes

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type Note struct {
	ID   int    `json:"id"`
	Text string `json:"text" minLength:"1" maxLength:"280"`
}

type NoteDraft struct {
	Text string `json:"text" minLength:"1" maxLength:"280"`
}

type NoteID struct {
	ID int `path:"id" minimum:"1"`
}

type noteOut struct {
	Body Note
}

type createdNote struct {
	Location string `header:"Location"`
	Body     Note
}

type cachedNote struct {
	Status int
	ETag   string `header:"ETag"`
	Body   Note
}

// New returns the notes service, empty, as an App.
func New() *framework.App {
	var mu sync.Mutex
	notes := map[int]Note{}
	next := 1

	app := framework.New(framework.Config{Title: "Notes API", Version: "2.0.0", Logger: slog.New(slog.DiscardHandler)})
	api := app.Group("/notes", huma.OperationTags("notes"))
	framework.Post(api, "", func(_ context.Context, in *struct{ Body NoteDraft }) (*createdNote, error) {
		mu.Lock()
		defer mu.Unlock()
		n := Note{ID: next, Text: in.Body.Text}
		notes[n.ID], next = n, next+1
		return &createdNote{Location: fmt.Sprintf("/notes/%d", n.ID), Body: n}, nil
	}, func(op *framework.Operation) { op.DefaultStatus = http.StatusCreated })
	framework.Get(api, "/{id}", func(_ context.Context, in *struct {
		NoteID
		IfNoneMatch string `header:"If-None-Match"`
	}) (*cachedNote, error) {
		mu.Lock()
		defer mu.Unlock()
		n, ok := notes[in.ID]
		if !ok {
			return nil, huma.Error404NotFound("no such note")
		}
		out := &cachedNote{ETag: fmt.Sprintf(`"%d-%d"`, n.ID, len(n.Text)), Body: n}
		if in.IfNoneMatch == out.ETag {
			out.Status = http.StatusNotModified
		}
		return out, nil
	}, func(op *framework.Operation) {
		op.Responses = map[string]*huma.Response{"304": {}}
		op.Errors = []int{http.StatusNotFound}
	})
	framework.Delete(api, "/{id}", func(_ context.Context, in *NoteID) (*struct{}, error) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := notes[in.ID]; !ok {
			return nil, huma.Error404NotFound("no such note")
		}
		delete(notes, in.ID)
		return nil, nil
	})
	framework.Get(api, "/export", func(context.Context, *struct{}) (*noteOut, error) {
		return nil, errors.New("export bucket s3://internal-bucket is unreachable")
	})
	return app
}
