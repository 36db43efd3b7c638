package main

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	errNotFound  = errors.New("no such item")
	errNameTaken = errors.New("another item has this name")
)

// store keeps items in memory, safe for concurrent requests. A change and
// the check that allows it run under one lock, so two clients that read
// the same version cannot both replace it.
type store struct {
	mu     sync.RWMutex
	nextID int64
	items  map[int64]storedItem
	ids    []int64          // every ID in items, ascending (IDs only grow)
	names  map[string]int64 // the ID of each item, by folded name
}

func newStore() *store {
	return &store{nextID: 1, items: map[int64]storedItem{}, names: map[string]int64{}}
}

// fold is the form in which names are compared: case does not count.
func fold(name string) string { return strings.ToLower(name) }

// create adds an item, or fails with errNameTaken.
func (s *store) create(draft ItemDraft, now time.Time) (storedItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.names[fold(draft.Name)]; taken {
		return storedItem{}, errNameTaken
	}
	now = now.UTC()
	item := storedItem{
		Item:    Item{ID: s.nextID, Name: draft.Name, Price: draft.Price, Tags: draft.Tags, CreatedAt: now, UpdatedAt: now},
		version: 1,
	}
	s.nextID++
	s.items[item.ID] = item
	s.ids = append(s.ids, item.ID)
	s.names[fold(item.Name)] = item.ID
	return item, nil
}

func (s *store) get(id int64) (storedItem, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	item, ok := s.items[id]
	return item, ok
}

// replace replaces item id with draft if check, given the current item,
// returns nil. It fails with errNotFound, check's error, or errNameTaken.
func (s *store) replace(id int64, draft ItemDraft, now time.Time, check func(storedItem) error) (storedItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	current, ok := s.items[id]
	if !ok {
		return storedItem{}, errNotFound
	}
	if err := check(current); err != nil {
		return storedItem{}, err
	}
	if owner, taken := s.names[fold(draft.Name)]; taken && owner != id {
		return storedItem{}, errNameTaken
	}
	delete(s.names, fold(current.Name))
	s.names[fold(draft.Name)] = id
	next := current
	next.Name, next.Price, next.Tags = draft.Name, draft.Price, draft.Tags
	next.UpdatedAt = now.UTC()
	next.version++
	s.items[id] = next
	return next, nil
}

// delete removes item id if check, given the current item, returns nil. It
// fails with errNotFound or check's error.
func (s *store) delete(id int64, check func(storedItem) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	current, ok := s.items[id]
	if !ok {
		return errNotFound
	}
	if err := check(current); err != nil {
		return err
	}
	delete(s.items, id)
	delete(s.names, fold(current.Name))
	i, _ := slices.BinarySearch(s.ids, id)
	s.ids = slices.Delete(s.ids, i, i+1)
	return nil
}

// list returns up to limit items with an ID greater than after, in ID
// order, and whether more follow.
func (s *store) list(after int64, limit int) (items []Item, more bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	start := sort.Search(len(s.ids), func(i int) bool { return s.ids[i] > after })
	end := min(start+limit, len(s.ids))
	items = make([]Item, 0, end-start)
	for _, id := range s.ids[start:end] {
		items = append(items, s.items[id].Item)
	}
	return items, end < len(s.ids)
}
