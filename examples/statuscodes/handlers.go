package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework/conditional"
)

// notesAPI holds the handlers and what they share.
type notesAPI struct {
	notes      *notes
	translator translator
	now        func() time.Time
}

type notesOutput struct {
	Body []Note
}

// listNotes answers 200 OK, the default status of an operation with a body.
func (api *notesAPI) listNotes(context.Context, *struct{}) (*notesOutput, error) {
	return &notesOutput{Body: api.notes.all()}, nil
}

type createNoteInput struct {
	Body NoteDraft
}

type createNoteOutput struct {
	Location string `header:"Location" doc:"URL of the new note"`
	Body     Note
}

// createNote answers 201 Created, with the new note's URL in Location.
func (api *notesAPI) createNote(_ context.Context, in *createNoteInput) (*createNoteOutput, error) {
	note := api.notes.add(in.Body.Text, api.now())
	return &createNoteOutput{Location: fmt.Sprintf("/notes/%d", note.ID), Body: note}, nil
}

// NotePath is the path parameter of /notes/{id}; it is exported because
// Huma only sees the fields of exported embedded structs.
type NotePath struct {
	ID int64 `path:"id" minimum:"1" doc:"Note identifier" example:"1"`
}

type getNoteInput struct {
	NotePath
	conditional.Params
}

type getNoteOutput struct {
	Status       int       // 0 for 200 OK, or 304 Not Modified
	ETag         string    `header:"ETag" doc:"Entity tag of this version of the note"`
	LastModified time.Time `header:"Last-Modified" doc:"When the note last changed"`
	Body         Note
}

// getNote answers 200 OK with the note and its ETag; 304 Not Modified, with
// the same headers and no body, when If-None-Match holds that ETag; 404 Not
// Found when there is no such note.
func (api *notesAPI) getNote(_ context.Context, in *getNoteInput) (*getNoteOutput, error) {
	note, etag, ok := api.notes.get(in.ID)
	if !ok {
		return nil, noSuchNote(in.ID)
	}
	current := conditional.Validators{ETag: conditional.StrongETag(etag), LastModified: note.UpdatedAt}
	out := &getNoteOutput{ETag: current.ETag.String(), LastModified: note.UpdatedAt}
	switch in.Evaluate(http.MethodGet, current) {
	case conditional.NotModified:
		out.Status = http.StatusNotModified
		return out, nil
	case conditional.PreconditionFailed:
		return nil, huma.Error412PreconditionFailed(fmt.Sprintf("note %d does not match If-Match or If-Unmodified-Since", in.ID))
	}
	out.Body = note
	return out, nil
}

type excerptInput struct {
	NotePath
	Start int `query:"start" minimum:"0" doc:"Index of the first character (rune) of the excerpt"`
	End   int `query:"end" minimum:"0" doc:"Index after the last character; not before start"`
}

type excerptOutput struct {
	Body struct {
		Text string `json:"text" doc:"The characters from start to end, cut at the note's end"`
	}
}

// excerpt answers 400 Bad Request, the generic client error, when the
// request contradicts itself in a way no single parameter's schema can
// say: start after end.
func (api *notesAPI) excerpt(_ context.Context, in *excerptInput) (*excerptOutput, error) {
	if in.Start > in.End {
		return nil, huma.Error400BadRequest(fmt.Sprintf("start (%d) is after end (%d): ask for start <= end", in.Start, in.End))
	}
	note, _, ok := api.notes.get(in.ID)
	if !ok {
		return nil, noSuchNote(in.ID)
	}
	runes := []rune(note.Text)
	out := &excerptOutput{}
	out.Body.Text = string(runes[min(in.Start, len(runes)):min(in.End, len(runes))])
	return out, nil
}

type translateInput struct {
	NotePath
	Language string `query:"language" required:"true" pattern:"^[a-z]{2}$" doc:"ISO 639-1 code of the language to translate into" example:"fr"`
}

type translateOutput struct {
	Body struct {
		Text string `json:"text" doc:"The translated note"`
	}
}

// translate answers 500 Internal Server Error when the translation service
// fails, as it always does in this example. The handler returns the error
// as it is; Signet logs it and sends a problem that says only "Internal
// Server Error", so the service's address never reaches the client.
func (api *notesAPI) translate(ctx context.Context, in *translateInput) (*translateOutput, error) {
	note, _, ok := api.notes.get(in.ID)
	if !ok {
		return nil, noSuchNote(in.ID)
	}
	text, err := api.translator.translate(ctx, note.Text, in.Language)
	if err != nil {
		return nil, fmt.Errorf("translate note %d into %s: %w", in.ID, in.Language, err)
	}
	out := &translateOutput{}
	out.Body.Text = text
	return out, nil
}

type publishOutput struct {
	Location string `header:"Location" doc:"URL of the note, to follow its publication"`
	Body     Note
}

// publish answers 202 Accepted: the request is recorded and will be
// carried out later. Its status is StatusAccepted, a constant of the API's
// own Status type.
func (api *notesAPI) publish(_ context.Context, in *NotePath) (*publishOutput, error) {
	note, ok := api.notes.requestPublication(in.ID, api.now())
	if !ok {
		return nil, noSuchNote(in.ID)
	}
	return &publishOutput{Location: fmt.Sprintf("/notes/%d", note.ID), Body: note}, nil
}

// deleteNote answers 204 No Content: done, and nothing to say.
func (api *notesAPI) deleteNote(_ context.Context, in *NotePath) (*struct{}, error) {
	if !api.notes.remove(in.ID) {
		return nil, noSuchNote(in.ID)
	}
	return nil, nil
}

func noSuchNote(id int64) error {
	return huma.Error404NotFound(fmt.Sprintf("no note has the ID %d", id))
}
