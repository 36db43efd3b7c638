package conformance

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// documentEvents describes two streams as Huma's sse package documents
// them (an array of a oneOf of event objects, the event type a const), one
// whose events are the default "message" type, and one described only as
// text.
const documentEvents = `{
  "openapi": "3.1.0",
  "info": {"title": "T", "version": "1"},
  "paths": {
    "/ticks": {"get": {"responses": {
      "200": {"description": "OK", "content": {"text/event-stream": {"schema": {"type": "array", "items": {"oneOf": [
        {"type": "object", "required": ["data", "event"], "properties": {
          "data": {"$ref": "#/components/schemas/Tick"}, "event": {"type": "string", "const": "tick"},
          "id": {"type": "integer"}, "retry": {"type": "integer"}}},
        {"type": "object", "required": ["data", "event"], "properties": {
          "data": {"type": "object", "required": ["reason"], "properties": {"reason": {"type": "string"}}},
          "event": {"type": "string", "const": "done"}}}
      ]}}}}},
      "default": {"description": "Error", "content": {"application/problem+json": {"schema": {"type": "object"}}}}
    }}},
    "/messages": {"get": {"responses": {
      "200": {"description": "OK", "content": {"text/event-stream": {"schema": {"type": "array", "items": {"oneOf": [
        {"type": "object", "required": ["data"], "properties": {"data": {"type": "string"}, "event": {"type": "string", "const": ""}}}
      ]}}}}}
    }}},
    "/text": {"get": {"responses": {
      "200": {"description": "OK", "content": {"text/event-stream": {"schema": {"type": "string"}}}}
    }}},
    "/json": {"get": {"responses": {
      "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}
    }}}
  },
  "components": {"schemas": {"Tick": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer", "minimum": 0}}, "additionalProperties": false}}}
}`

var streamHeader = http.Header{"Content-Type": {"text/event-stream"}}

func TestCheckEvent(t *testing.T) {
	c := newChecker(t, documentEvents)
	cases := []struct {
		name, path string
		event      Event
		want       string
	}{
		{"a documented event", "/ticks", Event{Type: "tick", Data: `{"n":1}`, ID: "7"}, ""},
		{"another type", "/ticks", Event{Type: "done", Data: `{"reason":"end"}`}, ""},
		{"data outside its schema", "/ticks", Event{Type: "tick", Data: `{"n":-1}`},
			`event: the "tick" event does not match the schema at /data/n: minimum: got -1, want 0`},
		{"data that is not JSON", "/ticks", Event{Type: "tick", Data: `n=1`},
			`event: the "tick" event does not match the schema at /data: got string, want object`},
		{"an id that is not an integer", "/ticks", Event{Type: "tick", Data: `{"n":1}`, ID: "abc"},
			`event: the "tick" event does not match the schema at /id: got string, want integer`},
		{"an undocumented type", "/ticks", Event{Type: "tock", Data: `{"n":1}`},
			`event: the event type "tock" is not documented`},
		{"no type is the default, undocumented here", "/ticks", Event{Data: `{"n":1}`},
			`event: the event type "message" is not documented`},
		{"the default type, with no event field", "/messages", Event{Data: `plain text`}, ""},
		{"the default type, named", "/messages", Event{Type: "message", Data: `"quoted"`}, ""},
		{"the default type's data is held to its schema", "/messages", Event{Data: `42`},
			`event: the "message" event does not match the schema at /data: got number, want string`},
		{"a stream described as text is not checked event by event", "/text", Event{Type: "x", Data: "{"}, ""},
		{"no operation", "/nowhere", Event{Type: "x"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(c.CheckEvent(httptest.NewRequest("GET", tc.path, nil), 200, streamHeader, tc.event))
			if got != tc.want {
				t.Errorf("violations:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestCheckEventReport(t *testing.T) {
	c := newChecker(t, documentEvents)
	got := c.CheckEvent(httptest.NewRequest("GET", "/ticks", nil), 200, streamHeader, Event{Type: "tock", Data: `{"n":1}`})
	want := `GET /ticks answered 200 OK: the event type "tock" is not documented
    documented: event types done, tick
    sent:       event: tock, data: "{\"n\":1}"`
	if len(got) != 1 || got[0].Error() != want || got[0].Operation != "GET /ticks" {
		t.Errorf("got %v\nwant:\n%s", got, want)
	}
	got = c.CheckEvent(httptest.NewRequest("GET", "/ticks", nil), 200, streamHeader, Event{Type: "tick", Data: `{"n":-3}`})
	want = `GET /ticks answered 200 OK: the "tick" event does not match the schema at /data/n: minimum: got -3, want 0
    documented: "minimum": 0
    sent:       -3`
	if len(got) != 1 || got[0].Error() != want {
		t.Errorf("got %v\nwant:\n%s", got, want)
	}
}

func TestCheckHead(t *testing.T) {
	c := newChecker(t, documentEvents)
	cases := []struct {
		name, path string
		status     int
		header     http.Header
		want       string
	}{
		{"a documented stream", "/ticks", 200, streamHeader, ""},
		{"an undocumented status", "/text", 201, streamHeader, "status: status 201 is not documented for GET /text"},
		{"an undocumented media type", "/ticks", 200, http.Header{"Content-Type": {"text/plain"}},
			"content-type: the Content-Type is not one the document lists for this status"},
		{"an error streamed instead of problem details", "/ticks", 500, streamHeader, "problem: the error is not problem details"},
		{"problem details, whose body is not read", "/ticks", 401, http.Header{"Content-Type": {"application/problem+json"}}, ""},
		{"a stream where JSON is documented", "/json", 200, streamHeader,
			"content-type: the Content-Type is not one the document lists for this status"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := summary(c.CheckHead(httptest.NewRequest("GET", tc.path, nil), tc.status, tc.header))
			if got != tc.want {
				t.Errorf("violations:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A stream received whole, as a client that reads to the end receives it,
// is checked event by event.
func TestCheckAWholeStream(t *testing.T) {
	c := newChecker(t, documentEvents)
	req := httptest.NewRequest("GET", "/ticks", nil)
	body := "event: tick\ndata: {\"n\":1}\n\nevent: tick\ndata: {\"n\":-1}\n\nevent: done\ndata: {}\n\n"
	got := summary(c.Check(req, Response{Status: 200, Header: streamHeader, Body: []byte(body)}))
	want := `event: the "tick" event does not match the schema at /data/n: minimum: got -1, want 0
event: the "done" event does not match the schema at /data: missing property 'reason'`
	if got != want {
		t.Errorf("violations:\n%s\nwant:\n%s", got, want)
	}
	if got := c.Check(req, Response{Status: 200, Header: streamHeader}); len(got) != 0 {
		t.Errorf("a stream that ended before its first event: %s", summary(got))
	}
}
