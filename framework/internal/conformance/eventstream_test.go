package conformance

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

func readEvents(t *testing.T, r io.Reader) ([]Event, error) {
	t.Helper()
	events := NewEventReader(r)
	var out []Event
	for {
		event, err := events.Next()
		if err != nil {
			return out, err
		}
		out = append(out, event)
	}
}

// The streams of the HTML Standard's examples (section 9.2.5 and 9.2.6),
// and the line ends it allows.
func TestEventReader(t *testing.T) {
	cases := []struct {
		name, stream string
		want         []Event
	}{
		{"data lines join with LF", "data: YHOO\ndata: +2\ndata: 10\n\n",
			[]Event{{Data: "YHOO\n+2\n10"}}},
		{"comments, ids, an unterminated last event", ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n",
			[]Event{{Data: "first event", ID: "1"}, {Data: "second event"}}},
		{"empty data is an event; a block without data is none", "data\n\ndata\ndata\n\nevent: lonely\n\ndata:",
			[]Event{{Data: ""}, {Data: "\n"}}},
		{"one space after the colon goes", "data:test\n\ndata: test\n\n",
			[]Event{{Data: "test"}, {Data: "test"}}},
		{"CR LF and CR end lines", "event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r",
			[]Event{{Type: "a", Data: "1"}, {Type: "b", Data: "2"}}},
		{"a byte order mark may start the stream", "\uFEFFdata: x\n\n", []Event{{Data: "x"}}},
		{"retry is digits only; unknown fields are ignored", "retry: 10\nretry: 1x\nfoo: bar\ndata: x\n\nretry: 20\ndata: y\n\n",
			[]Event{{Data: "x", Retry: "10"}, {Data: "y", Retry: "20"}}},
		{"an id with NUL is ignored", "id: a\x00b\ndata: x\n\n", []Event{{Data: "x"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tc.stream), iotest.OneByteReader(strings.NewReader(tc.stream))} {
				got, err := readEvents(t, r)
				if !errors.Is(err, io.EOF) {
					t.Errorf("ended with %v, want io.EOF", err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("events %+v, want %+v", got, tc.want)
				}
			}
		})
	}
}

func TestEventReaderBoundsALine(t *testing.T) {
	_, err := readEvents(t, strings.NewReader("data: "+strings.Repeat("x", MaxEventLine)))
	if err == nil || err.Error() != "a line of the event stream is longer than 1048576 bytes" {
		t.Errorf("err = %v", err)
	}
}
