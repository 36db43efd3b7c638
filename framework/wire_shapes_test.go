package framework_test

import (
	"context"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type shapes struct {
	Labels map[string]string `json:"labels"`
	Data   []byte            `json:"data"`
	Digest [4]byte           `json:"digest"`
	Keys   [][2]byte         `json:"keys"`
	Extra  map[string]int    `json:"extra,omitempty"`
}

// TestWireShapesAreDocumented: encoding/json sends a nil map or []byte as
// null, and an array of bytes as an array of numbers; Huma documented an
// object, a string and a base64 string, so a zero response contradicted
// the document (serve checks every response against it) and a digest
// could not be sent as encoding/json reads it.
func TestWireShapesAreDocumented(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/shapes", func(_ context.Context, in *struct{ Body shapes }) (*struct{ Body shapes }, error) {
		return &struct{ Body shapes }{Body: in.Body}, nil
	})
	huma.Register(app.API(), huma.Operation{Method: "GET", Path: "/shapes", OperationID: "zero-shapes"},
		func(context.Context, *struct{}) (*struct{ Body shapes }, error) { return &struct{ Body shapes }{}, nil })
	srv := serve(t, app)
	if r := roundTrip(t, srv, "GET", "/shapes", nil, ""); r.Status != 200 || !strings.Contains(r.Body, `"labels":null,"data":null,"digest":[0,0,0,0]`) {
		t.Errorf("zero shapes: %d %s", r.Status, r.Body)
	}
	jsonBody := map[string]string{"Content-Type": "application/json"}
	sent := `{"labels":null,"data":null,"digest":[1,2,3,255],"keys":[[1,2]]}`
	if r := roundTrip(t, srv, "POST", "/shapes", jsonBody, sent); r.Status != 200 || strings.TrimSpace(r.Body) != sent {
		t.Errorf("%s: %d %s, want 200 and the body as sent", sent, r.Status, r.Body)
	}
	for _, body := range []string{
		`{"labels":{},"data":"","digest":"AQID/w==","keys":[]}`,
		`{"labels":{},"data":"","digest":[1,2,3,256],"keys":[]}`,
		`{"labels":{},"data":"","digest":[1,2,3],"keys":[]}`,
		`{"labels":{},"data":"","digest":[1,2,3,4],"keys":[[1,2,3]]}`,
		`{"labels":{},"data":"","digest":[1,2,3,4],"keys":[],"extra":null}`,
	} {
		if r := roundTrip(t, srv, "POST", "/shapes", jsonBody, body); r.Status != 422 {
			t.Errorf("%s: %d %s, want 422", body, r.Status, r.Body)
		}
	}
}
