package main

import (
	"errors"
	"sort"
	"strings"
	"sync"
	"time"
)

// errNotFound is the store's answer for an ID no book has. Handlers return
// it as it is; the App's Config.ErrorMapping turns it into a 404.
var errNotFound = errors.New("no such book")

// store keeps books in memory, safe for concurrent requests, and publishes
// each change to its feed while it still holds the lock, so that
// subscribers see changes in the order they were made.
type store struct {
	mu     sync.RWMutex
	nextID int64
	books  map[int64]storedBook
	ids    []int64 // every ID in books, ascending (IDs only grow, books are never removed)
	feed   *feed
}

func newStore() *store {
	return &store{nextID: 1, books: map[int64]storedBook{}, feed: newFeed()}
}

// create adds a book and publishes a BookCreated.
func (s *store) create(draft NewBook, now time.Time) storedBook {
	s.mu.Lock()
	defer s.mu.Unlock()
	now = now.UTC()
	book := storedBook{
		Book: Book{
			ID: s.nextID, Title: draft.Title, Author: draft.Author, Genre: draft.Genre, Year: draft.Year,
			CreatedAt: now, UpdatedAt: now,
		},
		version: 1,
	}
	s.nextID++
	s.books[book.ID] = book
	s.ids = append(s.ids, book.ID)
	s.feed.publish(BookCreated(book.Book))
	return book
}

// get returns book id, or errNotFound.
func (s *store) get(id int64) (storedBook, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	book, ok := s.books[id]
	if !ok {
		return storedBook{}, errNotFound
	}
	return book, nil
}

// setCover sets the cover of book id and publishes a BookChanged, or fails
// with errNotFound.
func (s *store) setCover(id int64, cover Cover, now time.Time) (storedBook, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	book, ok := s.books[id]
	if !ok {
		return storedBook{}, errNotFound
	}
	book.Cover = &cover
	book.UpdatedAt = now.UTC()
	book.version++
	s.books[id] = book
	s.feed.publish(BookChanged(book.Book))
	return book, nil
}

// filter selects books; a zero field selects all.
type filter struct {
	genre            string
	author           string // compared regardless of case
	minYear, maxYear int
}

func (f filter) matches(b Book) bool {
	return (f.genre == "" || b.Genre == f.genre) &&
		(f.author == "" || strings.EqualFold(b.Author, f.author)) &&
		(f.minYear == 0 || b.Year >= f.minYear) &&
		(f.maxYear == 0 || (b.Year != 0 && b.Year <= f.maxYear))
}

// list returns up to limit books that f selects with an ID greater than
// after, in ID order, and whether more follow.
func (s *store) list(f filter, after int64, limit int) (books []Book, more bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	start := sort.Search(len(s.ids), func(i int) bool { return s.ids[i] > after })
	books = make([]Book, 0, min(limit, len(s.ids)-start))
	for _, id := range s.ids[start:] {
		book := s.books[id].Book
		if !f.matches(book) {
			continue
		}
		if len(books) == limit {
			return books, true
		}
		books = append(books, book)
	}
	return books, false
}

// subscribe returns how many books the store holds and a subscription to
// every change after that (see feed.subscribe): taken together, so that
// no change falls between them.
func (s *store) subscribe() (books int, events <-chan any, stop func()) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	events, stop = s.feed.subscribe()
	return len(s.books), events, stop
}

// close ends every subscription to the store's changes.
func (s *store) close() { s.feed.close() }
