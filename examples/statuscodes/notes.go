package main

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Note is a note as the API returns it.
type Note struct {
	ID          int64     `json:"id" doc:"Identifier assigned by the server" example:"1"`
	Text        string    `json:"text" doc:"The note" example:"Buy milk"`
	Publication string    `json:"publication,omitempty" enum:"pending" doc:"pending once publication was requested"`
	UpdatedAt   time.Time `json:"updatedAt" doc:"When the note last changed (UTC)"`
}

// NoteDraft is what a client sends to create a note.
type NoteDraft struct {
	Text string `json:"text" minLength:"1" maxLength:"1000" doc:"The note" example:"Buy milk"`
}

// notes keeps notes in memory, safe for concurrent requests.
type notes struct {
	mu      sync.RWMutex
	nextID  int64
	byID    map[int64]Note
	version map[int64]int64
}

func newNotes() *notes {
	return &notes{nextID: 1, byID: map[int64]Note{}, version: map[int64]int64{}}
}

func (n *notes) add(text string, now time.Time) Note {
	n.mu.Lock()
	defer n.mu.Unlock()
	note := Note{ID: n.nextID, Text: text, UpdatedAt: now.UTC()}
	n.nextID++
	n.byID[note.ID] = note
	n.version[note.ID] = 1
	return note
}

// get returns a note and its entity tag, which changes whenever it does.
func (n *notes) get(id int64) (note Note, etag string, ok bool) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	note, ok = n.byID[id]
	return note, strconv.FormatInt(n.version[id], 10), ok
}

func (n *notes) all() []Note {
	n.mu.RLock()
	defer n.mu.RUnlock()
	all := make([]Note, 0, len(n.byID))
	for _, note := range n.byID {
		all = append(all, note)
	}
	slices.SortFunc(all, func(a, b Note) int { return cmp.Compare(a.ID, b.ID) })
	return all
}

// requestPublication marks a note as pending publication. A worker would
// publish it later; this example has none.
func (n *notes) requestPublication(id int64, now time.Time) (Note, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	note, ok := n.byID[id]
	if !ok {
		return Note{}, false
	}
	note.Publication, note.UpdatedAt = "pending", now.UTC()
	n.byID[id] = note
	n.version[id]++
	return note, true
}

func (n *notes) remove(id int64) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.byID[id]
	delete(n.byID, id)
	delete(n.version, id)
	return ok
}

// translator translates text into a language. A real one calls a
// translation service, which can fail.
type translator interface {
	translate(ctx context.Context, text, language string) (string, error)
}

// noTranslator is the translator of this example: none is configured, so
// every translation fails, the way a call to an unreachable service does.
type noTranslator struct{}

func (noTranslator) translate(context.Context, string, string) (string, error) {
	return "", errors.New("translation service at translate.internal:443 is unreachable: connection refused")
}
