package main

import (
	"slices"
	"sync"
	"time"
)

// store keeps items in memory, safe for concurrent requests.
type store struct {
	mu     sync.RWMutex
	nextID int64
	items  map[int64]Item
}

func newStore() *store {
	return &store{nextID: 1, items: map[int64]Item{}}
}

func (s *store) create(draft ItemDraft, now time.Time) Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	item := Item{ID: s.nextID, Name: draft.Name, Price: draft.Price, Tags: draft.Tags, CreatedAt: now.UTC()}
	s.items[item.ID] = item
	s.nextID++
	return item
}

func (s *store) get(id int64) (Item, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	item, ok := s.items[id]
	return item, ok
}

func (s *store) delete(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.items[id]
	delete(s.items, id)
	return ok
}

// list returns up to limit items in ID order, starting after the ID after.
func (s *store) list(after int64, limit int) []Item {
	s.mu.RLock()
	defer s.mu.RUnlock()
	items := make([]Item, 0, min(limit, len(s.items)))
	for _, item := range s.items {
		if item.ID > after {
			items = append(items, item)
		}
	}
	slices.SortFunc(items, func(a, b Item) int { return int(a.ID - b.ID) })
	return items[:min(limit, len(items))]
}
