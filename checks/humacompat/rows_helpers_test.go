package humacompat

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/autopatch"
	"github.com/danielgtaylor/huma/v2/conditional"
	"github.com/danielgtaylor/huma/v2/sse"
)

// Huma's helper packages: sse, autopatch, conditional. sse.Register and
// autopatch.AutoPatch take a huma.API, so on path (c) they run on
// App.API() after the operations they build on are registered with
// framework.Register.

type tick struct {
	N int `json:"n"`
}

type notice struct {
	Text string `json:"text"`
}

type ticksIn struct {
	Count int `query:"count" default:"2" maximum:"5"`
}

func ticks(_ context.Context, in *ticksIn, send sse.Sender) {
	for i := 1; i <= in.Count; i++ {
		_ = send(sse.Message{ID: i, Data: tick{N: i}})
	}
	_ = send.Data(notice{Text: "done"})
}

// things is a store of Things behind a GET and a PUT, for autopatch and
// conditional requests.
type things struct {
	mu    sync.Mutex
	items map[int]Thing
}

type Thing struct {
	Name  string   `json:"name"`
	Color string   `json:"color,omitempty"`
	Tags  []string `json:"tags,omitempty"`
}

var thingModified = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

func newThings() *things {
	return &things{items: map[int]Thing{1: {Name: "one", Color: "red", Tags: []string{"a"}}}}
}

func (s *things) etag(id int) string {
	return strconv.Itoa(id) + "-" + s.items[id].Name + "-" + s.items[id].Color
}

type thingIn struct {
	ID int `path:"id"`
	conditional.Params
}

type thingOut struct {
	ETag         string    `header:"ETag"`
	LastModified time.Time `header:"Last-Modified"`
	Body         Thing
}

type putThingIn struct {
	ID int `path:"id"`
	conditional.Params
	Body Thing
}

func (s *things) get(_ context.Context, in *thingIn) (*thingOut, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.items[in.ID]
	if !ok {
		return nil, huma.Error404NotFound("no such thing")
	}
	if in.HasConditionalParams() {
		if err := in.PreconditionFailed(s.etag(in.ID), thingModified); err != nil {
			return nil, err
		}
	}
	return &thingOut{ETag: `"` + s.etag(in.ID) + `"`, LastModified: thingModified, Body: t}, nil
}

func (s *things) put(_ context.Context, in *putThingIn) (*thingOut, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.items[in.ID]; !ok {
		return nil, huma.Error404NotFound("no such thing")
	}
	if in.HasConditionalParams() {
		if err := in.PreconditionFailed(s.etag(in.ID), thingModified); err != nil {
			return nil, err
		}
	}
	s.items[in.ID] = in.Body
	return &thingOut{ETag: `"` + s.etag(in.ID) + `"`, LastModified: thingModified, Body: in.Body}, nil
}

// registerThings registers GET and PUT /things/{id} on a fresh store.
func registerThings(r routes) {
	s := newThings()
	get(r, "/things/{id}", s.get)
	put(r, "/things/{id}", s.put)
}

func helperRows() []row {
	const merge, jsonPatch = "application/merge-patch+json", "application/json-patch+json"
	return []row{
		{name: "sse/events", setup: func(r routes) {
			sse.Register(r.humaAPI(), huma.Operation{OperationID: "ticks", Method: http.MethodGet, Path: "/ticks"},
				map[string]any{"message": notice{}, "tick": tick{}}, ticks)
		}, requests: []request{GET("/ticks"), GET("/ticks?count=1", "Accept: text/event-stream"), GET("/ticks?count=9")}},
		{name: "sse/document", setup: func(r routes) {
			sse.Register(r.humaAPI(), huma.Operation{OperationID: "ticks", Method: http.MethodGet, Path: "/ticks"},
				map[string]any{"message": notice{}, "tick": tick{}}, ticks)
		}, requests: []request{GET("/openapi.json").viewed(operations), HEAD("/ticks")}},
		{name: "autopatch/merge-patch", setup: func(r routes) {
			registerThings(r)
			autopatch.AutoPatch(r.humaAPI())
		}, requests: []request{
			PATCH("/things/1", `{"color":"blue"}`, merge),
			PATCH("/things/1", `{"color":null}`, merge),
			GET("/things/1"),
			PATCH("/things/9", `{"color":"blue"}`, merge),
			PATCH("/things/1", `{"name":7}`, merge),
		}},
		{name: "autopatch/json-patch", setup: func(r routes) {
			registerThings(r)
			autopatch.AutoPatch(r.humaAPI())
		}, requests: []request{
			PATCH("/things/1", `[{"op":"replace","path":"/name","value":"uno"}]`, jsonPatch),
			PATCH("/things/1", `[{"op":"test","path":"/name","value":"nope"}]`, jsonPatch),
			PATCH("/things/1", `not json`, jsonPatch),
		}},
		{name: "autopatch/conditional", setup: func(r routes) {
			registerThings(r)
			autopatch.AutoPatch(r.humaAPI())
		}, requests: []request{
			PATCH("/things/1", `{"color":"blue"}`, merge, `If-Match: "wrong"`),
			PATCH("/things/1", `{"color":"blue"}`, merge, `If-Match: "1-one-red"`),
		}},
		{name: "autopatch/document", setup: func(r routes) {
			registerThings(r)
			autopatch.AutoPatch(r.humaAPI())
		}, requests: []request{GET("/openapi.json").viewed(operations)}},
		{name: "conditional/read", setup: registerThings, requests: []request{
			GET("/things/1"),
			GET("/things/1", `If-None-Match: "1-one-red"`),
			GET("/things/1", `If-None-Match: "other"`),
			GET("/things/1", "If-Modified-Since: Tue, 07 May 2024 00:00:00 GMT"),
			GET("/things/1", "If-Modified-Since: Sun, 05 May 2024 00:00:00 GMT"),
			GET("/things/1", `If-Match: "other"`),
		}},
		{name: "conditional/write", setup: registerThings, requests: []request{
			PUT("/things/1", `{"name":"one","color":"green"}`, `If-Match: "other"`),
			PUT("/things/1", `{"name":"one","color":"green"}`, `If-None-Match: *`),
			PUT("/things/1", `{"name":"one","color":"green"}`, "If-Unmodified-Since: Sun, 05 May 2024 00:00:00 GMT"),
			PUT("/things/1", `{"name":"one","color":"green"}`, `If-Match: "1-one-red"`),
		}},
	}
}
