package openapi_test

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/signet-go/signet/openapi"
)

// Render a document as OpenAPI 3.0 YAML. What 3.0 cannot express is
// dropped and reported through Warn.
func ExampleRender() {
	api := humago.New(http.NewServeMux(), huma.DefaultConfig("Items API", "1.0.0"))
	api.OpenAPI().Info.License = &huma.License{Name: "MIT", Identifier: "MIT"}

	doc, err := openapi.Render(api.OpenAPI(), openapi.Options{
		Version: openapi.V30,
		Format:  openapi.YAML,
		Warn:    func(msg string) { fmt.Println("warning:", msg) },
	})
	if err != nil {
		panic(err)
	}
	lines := strings.Split(string(doc), "\n")
	fmt.Println(strings.Join(lines[:6], "\n"))
	// Output:
	// warning: openapi 3.0: dropped identifier at #/info/license: OpenAPI 3.0 License has no SPDX identifier; set its url instead
	// openapi: 3.0.3
	// info:
	//   title: Items API
	//   license:
	//     name: MIT
	//   version: 1.0.0
}
