package framework_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// Config.ErrorMapping turns a domain error into a status error in one
// place: here sql.ErrNoRows, returned by any handler, becomes a 404, which
// the document lists on every operation.
func ExampleErrorMapping() {
	app := framework.New(framework.Config{
		Title: "Items API", Version: "1.0.0",
		ErrorMapping: framework.ErrorMapping{
			Statuses: []int{http.StatusNotFound},
			Map: func(_ context.Context, err error) huma.StatusError {
				if errors.Is(err, sql.ErrNoRows) {
					return huma.Error404NotFound("no such item")
				}
				return nil
			},
		},
	})
	framework.Get(app, "/items/{name}", func(ctx context.Context, in *GreetInput) (*GreetOutput, error) {
		return nil, fmt.Errorf("loading %s: %w", in.Name, sql.ErrNoRows)
	})

	srv := httptest.NewServer(app)
	defer srv.Close()
	resp, _ := http.Get(srv.URL + "/items/teapot")
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"))
	fmt.Println(strings.TrimSpace(string(body)))
	fmt.Println(app.OpenAPI().Paths["/items/{name}"].Get.Responses["404"] != nil)
	// Output:
	// 404 application/problem+json
	// {"title":"Not Found","status":404,"detail":"no such item"}
	// true
}
