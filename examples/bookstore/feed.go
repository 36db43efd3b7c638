package main

import "sync"

// BookCreated is the data of a "created" event: the book as it was added.
type BookCreated Book

// BookChanged is the data of a "changed" event: the book as it now is.
type BookChanged Book

// feedBuffer is how many events a subscriber may fall behind before it is
// dropped: the store never waits for a slow reader.
const feedBuffer = 64

// feed hands every change of the store to each subscriber, in the order
// the store made them. It is safe for concurrent use; publish never
// blocks, so the store may call it while holding its lock.
type feed struct {
	mu          sync.Mutex
	subscribers map[chan any]struct{}
	closed      bool
}

func newFeed() *feed {
	return &feed{subscribers: map[chan any]struct{}{}}
}

// subscribe returns a channel that receives each change published from
// now on (a BookCreated or a BookChanged), and a function that ends the
// subscription. The channel is closed when the subscriber falls more than
// feedBuffer events behind, when the feed is closed, or by stop; stop may
// be called more than once.
func (f *feed) subscribe() (events <-chan any, stop func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := make(chan any, feedBuffer)
	if f.closed {
		close(ch)
		return ch, func() {}
	}
	f.subscribers[ch] = struct{}{}
	return ch, func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.drop(ch)
	}
}

// publish hands change to every subscriber, and drops those whose buffer
// is full: they would miss it.
func (f *feed) publish(change any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subscribers {
		select {
		case ch <- change:
		default:
			f.drop(ch)
		}
	}
}

// close ends every subscription, and those made later at once, so that
// event streams end when the server shuts down.
func (f *feed) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	for ch := range f.subscribers {
		f.drop(ch)
	}
}

// drop ends one subscription; f.mu is held.
func (f *feed) drop(ch chan any) {
	if _, ok := f.subscribers[ch]; ok {
		delete(f.subscribers, ch)
		close(ch)
	}
}

// count is the number of subscribers, for tests that check that a stream
// whose client left let go of its subscription.
func (f *feed) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subscribers)
}
