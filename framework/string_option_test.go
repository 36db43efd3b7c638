package framework_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type quotedScalars struct {
	ID    int64   `json:"id,string"`
	Ratio float64 `json:"ratio,omitempty,string" default:"0.5"`
	On    bool    `json:"on,string,omitempty"`
	Count *uint8  `json:"count,omitempty,string"`
}

// TestStringOptionIsDocumentedAsAString: encoding/json sends and reads a
// field tagged ",string" as a JSON string that holds the value. Huma
// documented the Go type and validated against it, so that a request
// could never carry the field (the validator wanted a number, the decoder
// a string) and every response contradicted the document. serve checks
// each response against the document.
func TestStringOptionIsDocumentedAsAString(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/quoted", func(_ context.Context, in *struct{ Body quotedScalars }) (*struct{ Body quotedScalars }, error) {
		return &struct{ Body quotedScalars }{Body: in.Body}, nil
	})
	huma.Register(app.API(), huma.Operation{Method: http.MethodPut, Path: "/quoted", OperationID: "put-quoted"},
		func(_ context.Context, in *struct{ Body quotedScalars }) (*struct{ Body quotedScalars }, error) {
			return &struct{ Body quotedScalars }{Body: in.Body}, nil
		})
	srv := serve(t, app)
	jsonBody := map[string]string{"Content-Type": "application/json"}
	for _, method := range []string{"POST", "PUT"} {
		sent := `{"id":"12345678901234567","ratio":"1e3","on":"true","count":"7"}`
		if r := roundTrip(t, srv, method, "/quoted", jsonBody, sent); r.Status != 200 || strings.TrimSpace(r.Body) != `{"id":"12345678901234567","ratio":"1000","on":"true","count":"7"}` {
			t.Errorf("%s %s: %d %s, want 200 and the values as strings", method, sent, r.Status, r.Body)
		}
		if r := roundTrip(t, srv, method, "/quoted", jsonBody, `{"id":"1"}`); r.Status != 200 || !strings.Contains(r.Body, `"ratio":"0.5"`) {
			t.Errorf("%s without ratio: %d %s, want 200 and the default", method, r.Status, r.Body)
		}
		for _, body := range []string{`{"id":12}`, `{"id":"12x"}`, `{"id":"1","count":"-1"}`, `{"id":"1","on":"yes"}`} {
			if r := roundTrip(t, srv, method, "/quoted", jsonBody, body); r.Status != 422 {
				t.Errorf("%s %s: %d %s, want 422", method, body, r.Status, r.Body)
			}
		}
	}
	schema := app.OpenAPI().Components.Schemas.SchemaFromRef("#/components/schemas/QuotedScalars")
	if s := schema.Properties["ratio"]; s.Type != "string" || s.Format != "double" || s.Default != "0.5" {
		t.Errorf("ratio is documented as %s (format %q, default %#v), want a string holding a double, default \"0.5\"", s.Type, s.Format, s.Default)
	}
}

// TestStringOptionWithNumericBoundsIsRefused: no string schema can check a
// minimum; an operation that asks for one on a ",string" field is refused,
// whoever registers it.
func TestStringOptionWithNumericBoundsIsRefused(t *testing.T) {
	type bounded struct {
		N int `json:"n,string" minimum:"1"`
	}
	app, _ := newApp(t)
	mustRefuse(t, func() {
		huma.Register(app.API(), huma.Operation{Method: http.MethodPost, Path: "/bounded", OperationID: "bounded"},
			func(context.Context, *struct{ Body bounded }) (*struct{}, error) { return nil, nil })
	}, "POST /bounded", `the field N of framework_test.bounded is tagged minimum and json:",string"`, "drop the minimum tag")
}
