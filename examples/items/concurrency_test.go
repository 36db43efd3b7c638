package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
)

// TestConcurrentReplacesLoseNoUpdate sends many replaces carrying the same
// If-Match at once: exactly one may win, the others must get 412, and the
// item must be the winner's. Concurrent creates all succeed with distinct
// IDs. Run with -race.
func TestConcurrentReplacesLoseNoUpdate(t *testing.T) {
	c := newItemsClient(t)
	resp := c.Post("/items", ItemDraft{Name: "Teapot", Price: 1})
	c.expect("create-item", resp, http.StatusCreated)
	etag := resp.Header.Get("ETag")

	const writers = 32
	statuses := make([]int, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			body, _ := json.Marshal(ItemDraft{Name: fmt.Sprintf("Teapot %d", i), Price: float64(i)})
			req, _ := http.NewRequest(http.MethodPut, c.URL()+"/items/1", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("If-Match", etag)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			statuses[i] = res.StatusCode
		})
	}
	wg.Wait()
	winner, failed := -1, 0
	for i, status := range statuses {
		switch status {
		case http.StatusOK:
			if winner != -1 {
				t.Errorf("writers %d and %d both replaced the item with the same If-Match", winner, i)
			}
			winner = i
		case http.StatusPreconditionFailed:
			failed++
		default:
			t.Errorf("writer %d: status %d", i, status)
		}
	}
	if winner == -1 || failed != writers-1 {
		t.Fatalf("%d writers won and %d got 412; want exactly 1 and %d", writers-failed, failed, writers-1)
	}
	item := decode[Item](t, c.expect("get-item", c.Get("/items/1"), http.StatusOK))
	if want := fmt.Sprintf("Teapot %d", winner); item.Name != want {
		t.Errorf("the item is %q, but the winner wrote %q", item.Name, want)
	}

	ids := make([]int64, writers)
	for i := range writers {
		wg.Go(func() {
			body, _ := json.Marshal(ItemDraft{Name: fmt.Sprintf("Cup %d", i), Price: 2})
			res, err := http.Post(c.URL()+"/items", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Error(err)
				return
			}
			defer res.Body.Close()
			var created Item
			if err := json.NewDecoder(res.Body).Decode(&created); err != nil || res.StatusCode != http.StatusCreated {
				t.Errorf("create %d: status %d, %v", i, res.StatusCode, err)
			}
			ids[i] = created.ID
		})
	}
	wg.Wait()
	unique := map[int64]bool{}
	for _, id := range ids {
		unique[id] = true
	}
	if len(unique) != writers || unique[0] || unique[1] {
		t.Errorf("concurrent creates got IDs %v; want %d distinct new IDs", ids, writers)
	}
}
