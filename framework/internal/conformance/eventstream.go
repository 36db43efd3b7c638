package conformance

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// EventStreamMediaType is the media type of server-sent events.
const EventStreamMediaType = "text/event-stream"

// Event is one server-sent event as it was sent. A field the event did not
// carry is "".
type Event struct {
	Type  string // the "event" field
	Data  string // the "data" fields, joined by "\n"
	ID    string // the "id" field
	Retry string // the "retry" field
}

// MaxEventLine bounds a line of an event stream, so that a stream that never
// ends a line cannot take all memory.
const MaxEventLine = 1 << 20

// EventReader reads server-sent events as the HTML Standard's "event stream
// interpretation" defines them (section 9.2.6): lines end with CR LF, LF or
// CR; a blank line dispatches the event; a line starting with ":" is a
// comment; "field: value" loses one space after the colon; an event with no
// data is not dispatched, nor is one the stream ended in the middle of.
type EventReader struct {
	lines *bufio.Scanner
	first bool
}

// NewEventReader reads events from r.
func NewEventReader(r io.Reader) *EventReader {
	lines := bufio.NewScanner(r)
	lines.Buffer(make([]byte, 0, 4096), MaxEventLine)
	lines.Split(scanEventLine)
	return &EventReader{lines: lines, first: true}
}

// Next returns the next event, or io.EOF when the stream ended, or the
// error reading it failed with.
func (r *EventReader) Next() (Event, error) {
	var event Event
	var data strings.Builder
	hasData := false
	for r.lines.Scan() {
		line := r.lines.Text()
		if r.first {
			line = strings.TrimPrefix(line, "\uFEFF") // one byte order mark may start the stream
			r.first = false
		}
		if line == "" {
			if hasData {
				event.Data = data.String()
				return event, nil
			}
			event, hasData = Event{}, false
			continue
		}
		field, value, found := strings.Cut(line, ":")
		if field == "" && found {
			continue // a comment
		}
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "event":
			event.Type = value
		case "data":
			if hasData {
				data.WriteByte('\n')
			}
			data.WriteString(value)
			hasData = true
		case "id":
			if !strings.ContainsRune(value, 0) {
				event.ID = value
			}
		case "retry":
			if value != "" && strings.Trim(value, "0123456789") == "" {
				event.Retry = value
			}
		}
	}
	if err := r.lines.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return Event{}, fmt.Errorf("a line of the event stream is longer than %d bytes", MaxEventLine)
		}
		return Event{}, err
	}
	return Event{}, io.EOF
}

// scanEventLine splits an event stream into lines ending with CR LF, LF or CR.
func scanEventLine(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if !atEOF {
			return 0, nil, nil // a CR at the end of what was read: an LF may follow
		}
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		// A last line without its end: per the standard it is still a line,
		// but no blank line follows it, so it dispatches nothing.
		return len(data), data, nil
	}
	return 0, nil, nil
}
