package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSoak sends mixed requests to the items API from 64 concurrent
// connections over loopback and checks: no 5xx, no transport error, every
// answer the one expected, every item created and not deleted readable
// afterwards (nothing lost) and every deleted one gone, goroutines back to
// their baseline once the server closes, and the heap no larger at the end
// than halfway (each connection keeps at most a few items, so the store
// does not grow). By default it is short; for the full soak:
//
//	SIGNET_SOAK_REQUESTS=200000 go test ./examples/items -run TestSoak -v
func TestSoak(t *testing.T) {
	total := 4000
	if v := os.Getenv("SIGNET_SOAK_REQUESTS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 64 {
			t.Fatalf("SIGNET_SOAK_REQUESTS=%q: want a number of requests, at least 64", v)
		}
		total = n
	}
	const connections, keep = 64, 8

	baseline := runtime.NumGoroutine()
	server := httptest.NewServer(newApp(newStore(), time.Now, slog.New(slog.NewTextHandler(io.Discard, nil))))
	transport := &http.Transport{MaxIdleConnsPerHost: connections, MaxConnsPerHost: connections}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	var (
		sent, failures atomic.Int64
		statuses       sync.Map // status -> *atomic.Int64
		heapHalf       atomic.Uint64
		halfway        sync.Once
		live, deleted  sync.Map // ID -> name
	)
	count := func(status int) {
		c, _ := statuses.LoadOrStore(status, new(atomic.Int64))
		c.(*atomic.Int64).Add(1)
	}
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	// do sends one request and checks its status.
	do := func(method, path, body string, want int, headers ...string) (*http.Response, []byte) {
		n := sent.Add(1)
		if n == int64(total/2) {
			halfway.Do(func() { heapHalf.Store(heapAfterGC()) })
		}
		req, _ := http.NewRequest(method, server.URL+path, bytes.NewReader([]byte(body)))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		for i := 0; i < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			fail("%s %s: transport error: %v", method, path, err)
			return nil, nil
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			fail("%s %s: reading the body: %v", method, path, err)
		}
		count(resp.StatusCode)
		if resp.StatusCode != want {
			fail("%s %s: %d, want %d: %s", method, path, resp.StatusCode, want, b)
		}
		return resp, b
	}

	type owned struct {
		id   int64
		name string
		etag string
	}
	start := time.Now()
	var wg sync.WaitGroup
	for w := range connections {
		wg.Go(func() {
			var mine []owned
			for i := 0; sent.Load() < int64(total); i++ {
				switch slot := i % 16; {
				case len(mine) < keep && (slot == 0 || slot == 4 || slot == 8):
					name := fmt.Sprintf("soak %d-%d", w, i)
					resp, b := do("POST", "/items", fmt.Sprintf(`{"name":%q,"price":%d,"tags":["soak"]}`, name, i), http.StatusCreated)
					var item Item
					if resp != nil && json.Unmarshal(b, &item) == nil {
						mine = append(mine, owned{item.ID, name, resp.Header.Get("ETag")})
						live.Store(item.ID, name)
					}
				case len(mine) > 0 && (slot == 1 || slot == 9 || slot >= 13):
					it := mine[i%len(mine)]
					do("GET", "/items/"+strconv.FormatInt(it.id, 10), "", http.StatusOK)
					do("GET", "/items/"+strconv.FormatInt(it.id, 10), "", http.StatusNotModified, "If-None-Match", it.etag)
				case len(mine) > 0 && (slot == 2 || slot == 10):
					k := i % len(mine)
					resp, _ := do("PUT", "/items/"+strconv.FormatInt(mine[k].id, 10),
						fmt.Sprintf(`{"name":%q,"price":%d}`, mine[k].name, i), http.StatusOK, "If-Match", mine[k].etag)
					if resp != nil {
						mine[k].etag = resp.Header.Get("ETag")
					}
				case len(mine) == keep && slot == 3:
					it := mine[0]
					if resp, _ := do("DELETE", "/items/"+strconv.FormatInt(it.id, 10), "", http.StatusNoContent, "If-Match", it.etag); resp != nil {
						mine = mine[1:]
						live.Delete(it.id)
						deleted.Store(it.id, it.name)
					}
				case slot == 5:
					do("POST", "/items", `{"name":`, http.StatusBadRequest)
				case slot == 6:
					do("POST", "/items", `{"name":"","price":-1}`, http.StatusUnprocessableEntity)
				case slot == 7:
					do("GET", "/items/999999999", "", http.StatusNotFound)
				case slot == 12:
					do("HEAD", "/items", "", http.StatusOK)
				default:
					do("GET", "/items?limit=20", "", http.StatusOK)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	// Nothing lost: every item created and not deleted is there, with its
	// name; every deleted item is gone.
	var liveCount, deletedCount, lost, resurrected int
	live.Range(func(id, name any) bool {
		liveCount++
		_, b := do("GET", fmt.Sprintf("/items/%d", id), "", http.StatusOK)
		var item Item
		if json.Unmarshal(b, &item) != nil || item.Name != name {
			lost++
			fail("item %d: %s, want the name %q", id, b, name)
		}
		return true
	})
	deleted.Range(func(id, _ any) bool {
		deletedCount++
		if resp, _ := do("GET", fmt.Sprintf("/items/%d", id), "", http.StatusNotFound); resp == nil || resp.StatusCode != http.StatusNotFound {
			resurrected++
		}
		return true
	})
	heapEnd := heapAfterGC()

	transport.CloseIdleConnections()
	server.Close()
	goroutines := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); goroutines > baseline && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		goroutines = runtime.NumGoroutine()
	}

	var summary bytes.Buffer
	statuses.Range(func(status, c any) bool {
		fmt.Fprintf(&summary, " %d:%d", status, c.(*atomic.Int64).Load())
		return true
	})
	t.Logf("soak: %d requests from %d connections in %s (%.0f/s); statuses%s; transport errors and unexpected answers: %d; items live %d (lost %d), deleted %d (still there %d); goroutines %d -> %d; heap after GC halfway %.1f MiB, at the end %.1f MiB",
		sent.Load(), connections, elapsed.Round(time.Millisecond), float64(sent.Load())/elapsed.Seconds(), summary.String(),
		failures.Load(), liveCount, lost, deletedCount, resurrected, baseline, goroutines, mib(heapHalf.Load()), mib(heapEnd))

	statuses.Range(func(status, _ any) bool {
		if status.(int) >= 500 {
			t.Errorf("status %d was sent", status)
		}
		return true
	})
	if liveCount == 0 || deletedCount == 0 {
		t.Errorf("the soak created %d and deleted %d items; it should do both", liveCount, deletedCount)
	}
	if goroutines > baseline {
		t.Errorf("goroutines: %d after the server closed, %d before it started", goroutines, baseline)
	}
	if half := heapHalf.Load(); heapEnd > half+half/4+4<<20 {
		t.Errorf("the heap grew from %.1f MiB halfway to %.1f MiB at the end", mib(half), mib(heapEnd))
	}
}

func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
