package framework_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net"
	"reflect"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type amountBody struct {
	Amount json.Number `json:"amount" minimum:"0"`
}

// TestJSONNumbersAreDocumentedAsNumbers: a json.Number is a JSON number on
// the wire, in both directions (encoding/json writes one and reads one),
// and so in the document, where Huma says string: a request with a number
// was refused, and every response contradicted its schema (serve checks
// each one against the document).
func TestJSONNumbersAreDocumentedAsNumbers(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/amounts", func(_ context.Context, in *struct{ Body amountBody }) (*struct{ Body amountBody }, error) {
		return &struct{ Body amountBody }{Body: in.Body}, nil
	})
	// Huma's own registration obeys the same schema registry.
	huma.Register(app.API(), huma.Operation{Method: "PUT", Path: "/amounts", OperationID: "put-amount"},
		func(_ context.Context, in *struct{ Body amountBody }) (*struct{ Body amountBody }, error) {
			return &struct{ Body amountBody }{Body: in.Body}, nil
		})
	srv := serve(t, app)
	for _, method := range []string{"POST", "PUT"} {
		r := roundTrip(t, srv, method, "/amounts", map[string]string{"Content-Type": "application/json"}, `{"amount":12.50}`)
		if r.Status != 200 || strings.TrimSpace(r.Body) != `{"amount":12.50}` {
			t.Errorf("%s a number: %d %s, want 200 and the number as sent", method, r.Status, r.Body)
		}
		for _, body := range []string{`{"amount":"12"}`, `{"amount":-1}`, `{"amount":true}`} {
			r := roundTrip(t, srv, method, "/amounts", map[string]string{"Content-Type": "application/json"}, body)
			if r.Status != 422 || !strings.Contains(r.Body, `"location":"body.amount"`) {
				t.Errorf("%s %s: %d %s, want 422 about body.amount", method, body, r.Status, r.Body)
			}
		}
	}
	schema := app.OpenAPI().Components.Schemas.SchemaFromRef("#/components/schemas/AmountBody")
	if schema == nil || schema.Properties["amount"] == nil || schema.Properties["amount"].Type != "number" {
		t.Fatalf("the schema of a json.Number member is %+v, want a number", schema)
	}
}

// TestJSONNumberSchemaOfTheProgramIsKept: a registry in which the program
// gave json.Number a schema of its own keeps it; a pointer tagged nullable
// accepts null.
func TestJSONNumberSchemaOfTheProgramIsKept(t *testing.T) {
	hc := huma.DefaultConfig("Numbers", "1.0.0")
	hc.Components.Schemas.RegisterTypeAlias(reflect.TypeFor[json.Number](), reflect.TypeFor[float64]())
	app := framework.New(framework.Config{Huma: &hc, Logger: discardLogger()})
	type optional struct {
		Amount *json.Number `json:"amount" nullable:"true"`
	}
	framework.Post(app, "/amounts", func(_ context.Context, in *struct{ Body optional }) (*struct{}, error) {
		if in.Body.Amount != nil {
			return nil, huma.Error400BadRequest("want no amount")
		}
		return nil, nil
	})
	srv := serve(t, app)
	if r := roundTrip(t, srv, "POST", "/amounts", map[string]string{"Content-Type": "application/json"}, `{"amount":null}`); r.Status != 204 {
		t.Errorf("null for a nullable *json.Number: %d %s, want 204", r.Status, r.Body)
	}
	schema := app.OpenAPI().Components.Schemas.SchemaFromRef("#/components/schemas/Optional")
	if s := schema.Properties["amount"]; s == nil || s.Type != "number" || s.Format != "double" || !s.Nullable {
		t.Errorf("the program's schema for json.Number was not kept: %+v", s)
	}
}

type standardTypes struct {
	Count *big.Int `json:"count"`
	Peer  net.IP   `json:"peer"`
}

// TestStandardTypesAreDocumentedAsSent: a *big.Int is a JSON number (or
// null), a net.IP an IPv4 or IPv6 address, in the document as on the wire;
// Huma documented a string and an IPv4 address.
func TestStandardTypesAreDocumentedAsSent(t *testing.T) {
	app, _ := newApp(t)
	framework.Post(app, "/peers", func(_ context.Context, in *struct{ Body standardTypes }) (*struct{ Body standardTypes }, error) {
		return &struct{ Body standardTypes }{Body: in.Body}, nil
	})
	srv := serve(t, app)
	jsonBody := map[string]string{"Content-Type": "application/json"}
	for _, body := range []string{`{"count":123456789012345678901234567890,"peer":"::1"}`, `{"count":null,"peer":"192.0.2.1"}`} {
		if r := roundTrip(t, srv, "POST", "/peers", jsonBody, body); r.Status != 200 || strings.TrimSpace(r.Body) != body {
			t.Errorf("%s: %d %s, want 200 and the body as sent", body, r.Status, r.Body)
		}
	}
	for _, body := range []string{`{"count":"12","peer":"::1"}`, `{"count":1.5,"peer":"::1"}`, `{"count":1,"peer":"example.com"}`} {
		if r := roundTrip(t, srv, "POST", "/peers", jsonBody, body); r.Status != 422 {
			t.Errorf("%s: %d %s, want 422", body, r.Status, r.Body)
		}
	}
}
