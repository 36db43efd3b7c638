package framework_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type bookmark struct {
	Title string  `json:"title"`
	Link  url.URL `json:"link"`
}

type bookmarkPage struct {
	Items []struct {
		Mirrors map[string]*url.URL `json:"mirrors"`
	} `json:"items"`
}

// selfEncodedLink writes and reads itself: encoding/json never sees its
// url.URL.
type selfEncodedLink struct {
	Link url.URL `json:"link"`
}

func (l selfEncodedLink) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]string{"link": l.Link.String()})
}

func (l *selfEncodedLink) UnmarshalJSON(data []byte) error {
	var v struct{ Link string }
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	u, err := url.Parse(v.Link)
	if err != nil {
		return err
	}
	l.Link = *u
	return nil
}

// TestURLMembersAreRefused: encoding/json writes and reads a url.URL as an
// object of its parts, which Huma documents as a URL string. A body type
// holding one, at any depth, is refused at registration, whoever
// registers it; a string tagged format:"uri" is the fix, and is accepted.
func TestURLMembersAreRefused(t *testing.T) {
	tests := []struct {
		name     string
		register func(app *framework.App)
		want     []string
	}{
		{"a request body", func(app *framework.App) {
			framework.Post(app, "/bookmarks", func(context.Context, *struct{ Body bookmark }) (*struct{}, error) { return nil, nil })
		}, []string{"POST /bookmarks", "the request application/json body holds a url.URL (field Link of framework_test.bookmark)", `make the field Link a string tagged format:"uri"`}},
		{"a response body, in a map in a slice, through huma.Register", func(app *framework.App) {
			huma.Register(app.API(), huma.Operation{Method: http.MethodGet, Path: "/bookmarks", OperationID: "list"},
				func(context.Context, *struct{}) (*struct{ Body bookmarkPage }, error) { return nil, nil })
		}, []string{"GET /bookmarks", "the response 200 application/json body holds a url.URL (field Mirrors of an anonymous struct)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(t)
			mustRefuse(t, func() { tt.register(app) }, tt.want...)
			if len(app.OpenAPI().Paths) != 0 {
				t.Errorf("the refused operation is still in the document: %v", app.OpenAPI().Paths)
			}
		})
	}
	app, _ := newApp(t)
	framework.Post(app, "/self-encoded", func(context.Context, *struct{ Body selfEncodedLink }) (*struct{}, error) { return nil, nil })
	framework.Post(app, "/bookmarks", func(_ context.Context, in *struct {
		Body struct {
			Link string `json:"link" format:"uri"`
		}
	}) (*struct{}, error) {
		return nil, nil
	})
	srv := serve(t, app)
	for body, status := range map[string]int{`{"link":"https://example.com/a"}`: 204, `{"link":"%zz"}`: 422} {
		if r := roundTrip(t, srv, "POST", "/bookmarks", map[string]string{"Content-Type": "application/json"}, body); r.Status != status {
			t.Errorf("%s: %d %s, want %d", body, r.Status, r.Body, status)
		}
	}
}
