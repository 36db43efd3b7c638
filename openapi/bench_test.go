package openapi_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/signet-go/signet/openapi"
)

// BenchmarkRender renders the document of an API with 200 operations.
func BenchmarkRender(b *testing.B) {
	api := humago.New(http.NewServeMux(), huma.DefaultConfig("Bench", "1.0.0"))
	handler := func(context.Context, *struct {
		ID int `path:"id"`
	}) (*thingOutput, error) {
		return &thingOutput{}, nil
	}
	for i := range 200 {
		huma.Get(api, fmt.Sprintf("/things%d/{id}", i), handler)
	}
	for _, opts := range []openapi.Options{{}, {Version: openapi.V30, Format: openapi.YAML}} {
		b.Run(fmt.Sprintf("%s-%s", opts.Version, opts.Format), func(b *testing.B) {
			for b.Loop() {
				if _, err := openapi.Render(api.OpenAPI(), opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
