package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signet-go/signet/framework/frameworktest"
)

// nextEvent reads the stream's next event within 5 seconds, fails the test
// unless it is of type kind, and returns its book (none for "ready").
func nextEvent(t *testing.T, s *frameworktest.Stream, kind string) Book {
	t.Helper()
	event, err := s.Next(5 * time.Second)
	if err != nil {
		t.Fatalf("waiting for a %q event: %v", kind, err)
	}
	if event.Type != kind {
		t.Fatalf("event %+v, want a %q event", event, kind)
	}
	var book Book
	if kind != "ready" {
		if err := json.Unmarshal([]byte(event.Data), &book); err != nil {
			t.Fatalf("%s event: %v: %s", kind, err, event.Data)
		}
	}
	return book
}

// TestEventsFollowChanges reads the stream event by event while books are
// added from another goroutine: each comes as a "created" event carrying
// the book, in the order they were added, and a cover set afterwards as a
// "changed" event.
func TestEventsFollowChanges(t *testing.T) {
	c := newBookstoreClient(t)
	events := c.anonymous().Stream("/v1/events")
	nextEvent(t, events, "ready") // the stream listens from here on

	added := make(chan Book)
	go func() {
		defer close(added)
		for i := range 5 {
			// Not c.Post: a goroutine other than the test's must not stop
			// the test, and frameworktest's requests do when they fail.
			book, err := addBook(c.URL(), NewBook{Title: fmt.Sprintf("Book %d", i), Author: "A. Writer"})
			if err != nil {
				t.Error(err)
				return
			}
			added <- book
		}
	}()
	for book := range added {
		got := nextEvent(t, events, "created")
		if !sameBook(got, book) {
			t.Errorf("created event %+v, want the book added, %+v", got, book)
		}
	}

	body, form := uploadForm(t, coverPart{"cover", "cover.png", "image/png", pngImage(t, 4)})
	changed := decode[Book](t, c.expect("put-book-cover", c.Put("/v1/books/3/cover", body, form), 200))
	if got := nextEvent(t, events, "changed"); !sameBook(got, changed) || got.Cover == nil {
		t.Errorf("changed event %+v, want the book with its cover, %+v", got, changed)
	}

	// A refused change sends nothing.
	c.anonymous().Post("/v1/books", NewBook{Title: "Refused", Author: "Nobody"})
	if event, err := events.Next(200 * time.Millisecond); err == nil {
		t.Errorf("an event after a refused request: %+v", event)
	}
}

// TestEventsReachEverySubscriber opens many streams at once, adds books
// from several goroutines, and checks that every stream receives every
// book once, all in the same order; then the clients leave, and the
// streams' handlers must let go of their subscriptions and goroutines.
func TestEventsReachEverySubscriber(t *testing.T) {
	const subscribers, writers, perWriter = 20, 4, 5
	c := newBookstoreClient(t)

	streams := make([]*frameworktest.Stream, subscribers)
	for i := range streams {
		streams[i] = c.anonymous().Stream("/v1/events")
		nextEvent(t, streams[i], "ready")
	}
	if n := c.store.feed.count(); n != subscribers {
		t.Fatalf("%d subscriptions for %d streams", n, subscribers)
	}

	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				if _, err := addBook(c.URL(), NewBook{Title: fmt.Sprintf("Book %d.%d", w, i), Author: "A. Writer"}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	received := make([][]int64, subscribers)
	for i, s := range streams {
		wg.Go(func() {
			for range writers * perWriter {
				event, err := s.Next(10 * time.Second)
				if err != nil || event.Type != "created" {
					t.Errorf("stream %d: %+v, %v", i, event, err)
					return
				}
				var book Book
				if err := json.Unmarshal([]byte(event.Data), &book); err != nil {
					t.Errorf("stream %d: %v", i, err)
					return
				}
				received[i] = append(received[i], book.ID)
			}
		})
	}
	wg.Wait()
	want := make([]int64, writers*perWriter)
	for i := range want {
		want[i] = int64(i + 1)
	}
	for i, ids := range received {
		if !slices.Equal(ids, want) {
			t.Errorf("stream %d received books %v, want %v", i, ids, want)
		}
	}

	if n := streamHandlers(); n != subscribers {
		t.Errorf("%d goroutines run the stream's handler for %d streams", n, subscribers)
	}
	for _, s := range streams {
		s.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for c.store.feed.count() > 0 || streamHandlers() > 0 {
		if time.Now().After(deadline) {
			t.Errorf("5s after the clients left, %d subscriptions remain and %d goroutines run the stream's handler",
				c.store.feed.count(), streamHandlers())
			c.store.close() // so that the handlers left behind end, and with them the test's server
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// streamHandlers counts the goroutines that run the handler of GET
// /v1/events.
func streamHandlers() int {
	var stacks bytes.Buffer
	_ = pprof.Lookup("goroutine").WriteTo(&stacks, 2)
	n := 0
	for stack := range strings.SplitSeq(stacks.String(), "\n\n") {
		if strings.Contains(stack, ".(*booksAPI).streamEvents(") {
			n++
		}
	}
	return n
}

// TestClosingTheStoreEndsStreams is what a graceful shutdown relies on
// (see main): once the store is closed, open streams end, and new ones
// end after their "ready" event.
func TestClosingTheStoreEndsStreams(t *testing.T) {
	c := newBookstoreClient(t)
	events := c.anonymous().Stream("/v1/events")
	nextEvent(t, events, "ready")
	c.store.close()
	if event, err := events.Next(5 * time.Second); !errors.Is(err, io.EOF) {
		t.Errorf("after close: %+v, %v; want the end of the stream", event, err)
	}
	late := c.anonymous().Stream("/v1/events")
	nextEvent(t, late, "ready")
	if event, err := late.Next(5 * time.Second); !errors.Is(err, io.EOF) {
		t.Errorf("a stream opened after close: %+v, %v; want its end after ready", event, err)
	}
}

// TestFeedDropsASlowSubscriber checks that the store never waits for a
// subscriber: one that falls more than feedBuffer events behind gets the
// events it had room for, then the end of its subscription.
func TestFeedDropsASlowSubscriber(t *testing.T) {
	f := newFeed()
	slow, _ := f.subscribe()
	fast, stop := f.subscribe()
	defer stop()
	var got []any
	for i := range feedBuffer + 1 {
		f.publish(i)
		got = append(got, <-fast)
	}
	if len(got) != feedBuffer+1 || f.count() != 1 {
		t.Fatalf("the fast subscriber got %d events; %d subscriptions remain, want 1", len(got), f.count())
	}
	n := 0
	for range slow {
		n++
	}
	if n != feedBuffer {
		t.Errorf("the slow subscriber got %d events before its end, want %d", n, feedBuffer)
	}
	stop()
	stop() // a second stop does nothing
	if f.count() != 0 {
		t.Errorf("%d subscriptions after stop", f.count())
	}
}
