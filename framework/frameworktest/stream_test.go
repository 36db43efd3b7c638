package frameworktest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

type tick struct {
	N int `json:"n" minimum:"0"`
}

type finished struct {
	Reason string `json:"reason"`
}

// newEventsApp serves server-sent events with Huma's sse package:
// GET /ticks sends a "tick" for each number received from ticks and a
// "done" once ticks is closed; GET /quiet sends nothing until the client
// goes; GET /secured/ticks is GET /ticks behind a bearer token.
func newEventsApp(ticks <-chan int) *framework.App {
	app := newTestApp()
	events := map[string]any{"tick": tick{}, "done": finished{}}
	sendTicks := func(ctx context.Context, _ *struct{}, send sse.Sender) {
		for {
			select {
			case n, ok := <-ticks:
				if !ok {
					_ = send.Data(finished{Reason: "no more ticks"})
					return
				}
				if send.Data(tick{N: n}) != nil {
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}
	sse.Register(app.API(), huma.Operation{OperationID: "ticks", Method: http.MethodGet, Path: "/ticks"}, events, sendTicks)
	sse.Register(app.API(), huma.Operation{OperationID: "quiet", Method: http.MethodGet, Path: "/quiet"}, events,
		func(ctx context.Context, _ *struct{}, _ sse.Sender) { <-ctx.Done() })
	sse.Register(app.API(), huma.Operation{
		OperationID: "secured-ticks", Method: http.MethodGet, Path: "/secured/ticks",
		Security: []map[string][]string{{"bearer": {}}}, Errors: []int{http.StatusUnauthorized},
	}, events, sendTicks)
	return app
}

func nextTick(t *testing.T, s *frameworktest.Stream, want int) {
	t.Helper()
	event, err := s.Next(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if event.Type != "tick" || event.Data != fmt.Sprintf(`{"n":%d}`, want) {
		t.Fatalf("event %+v, want tick %d", event, want)
	}
}

func TestEventsArriveOneByOne(t *testing.T) {
	r := newRecorder(t)
	ticks := make(chan int)
	c := frameworktest.New(r, newEventsApp(ticks))
	s := c.Stream("/ticks")
	defer s.Close()
	for n := range 3 {
		// The next tick is sent only after the last one was received:
		// nothing waits for the end of the stream.
		ticks <- n
		nextTick(t, s, n)
	}
	start := time.Now()
	_, err := s.Next(100 * time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) ||
		err.Error() != "frameworktest: GET /ticks: no event within 100ms (3 events before): context deadline exceeded" {
		t.Errorf("Next with no event to come: %v", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("Next waited %v for a timeout of 100ms", waited)
	}
	ticks <- 3 // the stream is still open after a timeout
	nextTick(t, s, 3)
	close(ticks)
	if event, err := s.Next(5 * time.Second); err != nil || event != (frameworktest.Event{Type: "done", Data: `{"reason":"no more ticks"}`}) {
		t.Errorf("last event %+v, %v", event, err)
	}
	if _, err := s.Next(5 * time.Second); err != io.EOF {
		t.Errorf("after the end of the stream: %v, want io.EOF", err)
	}
	resp, err := s.Response(time.Second)
	if err != nil || resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("Response: %v, %v", resp, err)
	}
	expectReports(t, r)
}

func TestADeadlineThatPassesIsReported(t *testing.T) {
	c := frameworktest.New(t, newEventsApp(nil))
	s := c.Stream("/quiet") // Huma sends the head of a stream with its first event: none comes
	start := time.Now()
	_, err := s.Next(50 * time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "GET /quiet: no response within 50ms") {
		t.Errorf("Next: %v", err)
	}
	if _, err := s.Response(50 * time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Response: %v", err)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("two timeouts of 50ms took %v", waited)
	}

	// A request's own deadline ends its stream.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "/quiet", nil)
	s = c.DoStream(req)
	_, err = s.Next(5 * time.Second)
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "GET /quiet: the request's context ended") {
		t.Errorf("Next after the request's deadline: %v", err)
	}

	// So does Close, from another goroutine.
	s = c.Stream("/quiet")
	go func() {
		time.Sleep(20 * time.Millisecond)
		s.Close()
	}()
	if _, err := s.Next(5 * time.Second); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Next on a stream closed meanwhile: %v", err)
	}
}

// TestAStreamLeftOpenEndsWithTheTest runs a test that leaves streams open,
// one of them waiting for a head that never comes, and asserts that it ends
// and leaves no goroutine behind.
func TestAStreamLeftOpenEndsWithTheTest(t *testing.T) {
	before := runtime.NumGoroutine()
	ended := make(chan bool)
	go func() {
		ended <- t.Run("leaves streams open", func(t *testing.T) {
			ticks := make(chan int, 2)
			c := frameworktest.New(t, newEventsApp(ticks))
			ticks <- 1
			nextTick(t, c.Stream("/ticks"), 1)
			ticks <- 2 // an event no one reads
			c.Stream("/quiet")
			c.Stream("/ticks")
			for len(ticks) > 0 {
				time.Sleep(time.Millisecond)
			}
		})
	}()
	select {
	case passed := <-ended:
		if !passed {
			t.Fatal("the test that left streams open failed")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a test that left streams open did not end")
	}
	// The server's and the client's goroutines end soon after.
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines before the test, %d after:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

func TestStreamsFromSeveralGoroutines(t *testing.T) {
	r := newRecorder(t)
	ticks := make(chan int)
	c := frameworktest.New(r, newEventsApp(ticks))

	// Several goroutines read one stream: each event goes to one of them.
	shared := c.Stream("/ticks")
	var (
		mu       sync.Mutex
		received []int
		wg       sync.WaitGroup
	)
	for range 4 {
		wg.Go(func() {
			for {
				event, err := shared.Next(5 * time.Second)
				if err != nil {
					if err != io.EOF {
						t.Errorf("Next: %v", err)
					}
					return
				}
				var got tick
				if event.Type == "tick" && json.Unmarshal([]byte(event.Data), &got) == nil {
					mu.Lock()
					received = append(received, got.N)
					mu.Unlock()
				}
			}
		})
	}
	// Others open their own streams, which see no ticks and time out.
	for range 4 {
		wg.Go(func() {
			s := c.Stream("/quiet")
			defer s.Close()
			if _, err := s.Next(20 * time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Next: %v", err)
			}
		})
	}
	for n := range 10 {
		ticks <- n
	}
	close(ticks)
	wg.Wait()
	slices.Sort(received)
	if !slices.Equal(received, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
		t.Errorf("received ticks %v, want each of 0 to 9 once", received)
	}
	expectReports(t, r)
}

func TestStreamedEventsAreChecked(t *testing.T) {
	ticks := make(chan int, 2)
	r := newRecorder(t)
	c := frameworktest.New(r, newEventsApp(ticks))
	s := c.Stream("/ticks")
	ticks <- -1 // the document says a tick is at least 0
	ticks <- 1
	nextTick(t, s, -1)
	nextTick(t, s, 1)
	expectReports(t, r, `frameworktest: GET /ticks answered 200 OK: the "tick" event does not match the schema at /data/n: minimum: got -1, want 0
    documented: "minimum": 0
    sent:       -1`)
}

func TestAStreamThatIsRefused(t *testing.T) {
	r := newRecorder(t)
	c := frameworktest.New(r, newEventsApp(nil), frameworktest.Bearer(secretToken))
	s := c.With(frameworktest.NoCredentials()).Stream("/secured/ticks")
	resp, err := s.Response(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(body), `"status":401`) {
		t.Errorf("without credentials: %d %s", resp.StatusCode, body)
	}
	_, err = s.Next(time.Second)
	if err == nil || err.Error() != "frameworktest: GET /secured/ticks answered 401 Unauthorized with application/problem+json, not an event stream" {
		t.Errorf("Next: %v", err)
	}
	expectReports(t, r)
}

func TestDoReadsAStreamThatEnds(t *testing.T) {
	ticks := make(chan int, 3)
	ticks <- 1
	ticks <- -1 // the document says a tick is at least 0
	close(ticks)
	r := newRecorder(t)
	resp := frameworktest.New(r, newEventsApp(ticks)).Get("/ticks")
	body, _ := io.ReadAll(resp.Body)
	want := "event: tick\ndata: {\"n\":1}\n\nevent: tick\ndata: {\"n\":-1}\n\nevent: done\ndata: {\"reason\":\"no more ticks\"}\n\n"
	if string(body) != want {
		t.Errorf("body %q, want %q", body, want)
	}
	expectReports(t, r, `frameworktest: GET /ticks answered 200 OK: the "tick" event does not match the schema at /data/n: minimum: got -1, want 0
    documented: "minimum": 0
    sent:       -1`)
}

func TestDoGivesUpOnAStreamThatStaysOpen(t *testing.T) {
	ticks := make(chan int, 1)
	ticks <- 1 // then nothing: the stream stays open
	r := newRecorder(t)
	c := frameworktest.New(r, newEventsApp(ticks))
	msg := catchFatal(func() { c.Get("/ticks") })
	want := "frameworktest: GET /ticks: the event stream sent nothing for 5s: read a stream that stays open with Client.Stream"
	if msg != want {
		t.Errorf("Fatalf(%q), want %q", msg, want)
	}
}
