package conditional_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/conditional"
)

// A cache revalidates its copy: the entity tag it holds is still current,
// so the answer is 304 Not Modified.
func ExampleParams_Evaluate() {
	current := conditional.Validators{
		ETag:         conditional.StrongETag("v7"),
		LastModified: time.Date(2024, time.March, 10, 12, 0, 0, 0, time.UTC),
	}
	revalidate := conditional.Params{IfNoneMatch: `"v6", "v7"`}
	fmt.Println(revalidate.Evaluate(http.MethodGet, current))

	// A client replaces the resource with the tag it read before the last
	// change: 412, the change is refused.
	stale := conditional.Params{IfMatch: `"v6"`}
	fmt.Println(stale.Evaluate(http.MethodPut, current), stale.Evaluate(http.MethodPut, current).Status())

	// If-None-Match: * on a PUT means "only if it does not exist yet".
	create := conditional.Params{IfNoneMatch: "*"}
	fmt.Println(create.Evaluate(http.MethodPut, conditional.Validators{Absent: true}))
	// Output:
	// NotModified
	// PreconditionFailed 412
	// Proceed
}

// NewParams reads the headers of a plain net/http request, every line of
// each.
func ExampleNewParams() {
	r := httptest.NewRequest(http.MethodGet, "/report", nil)
	r.Header.Add("If-None-Match", `"a"`)
	r.Header.Add("If-None-Match", `W/"b"`)
	r.Header.Set("If-Modified-Since", "Sun, 10 Mar 2024 12:00:00 GMT")

	p := conditional.NewParams(r)
	fmt.Println(p.IfNoneMatch)
	fmt.Println(p.Evaluate(r.Method, conditional.Validators{ETag: conditional.StrongETag("b")}))
	// Output:
	// "a", W/"b"
	// NotModified
}

func ExampleETag_String() {
	fmt.Println(conditional.StrongETag("v7"), conditional.WeakETag("v7"))
	// Output: "v7" W/"v7"
}

// Document adds the responses a conditional operation can give to its
// documentation: 304 without content for GET and HEAD, and 412 as a
// problem for every method.
func ExampleDocument() {
	get := &huma.Operation{Method: http.MethodGet, Errors: []int{http.StatusNotFound}}
	conditional.Document(get)
	fmt.Println(get.Responses["304"].Content == nil, get.Errors)

	put := &huma.Operation{Method: http.MethodPut}
	conditional.Document(put)
	fmt.Println(put.Responses["304"] == nil, put.Errors)
	// Output:
	// true [404 412]
	// true [412]
}

type page struct {
	Version string `json:"version"`
}

type pageInput struct {
	conditional.Params
}

type pageOutput struct {
	Status int
	ETag   string `header:"ETag"`
	Body   page
}

// A Signet handler: the input embeds Params, the output has a Status
// field, and a 304 is the same output with Status set, so it carries the
// same ETag as the 200.
func Example() {
	current := conditional.Validators{ETag: conditional.StrongETag("v7")}
	app := framework.New(framework.Config{Title: "Pages", Version: "1.0.0"})
	framework.Get(app, "/page", func(_ context.Context, in *pageInput) (*pageOutput, error) {
		out := &pageOutput{ETag: current.ETag.String()}
		switch in.Evaluate(http.MethodGet, current) {
		case conditional.NotModified:
			out.Status = http.StatusNotModified
			return out, nil
		case conditional.PreconditionFailed:
			return nil, huma.Error412PreconditionFailed("the page has changed")
		}
		out.Body = page{Version: "v7"}
		return out, nil
	}, conditional.Document)
	srv := httptest.NewServer(app)
	defer srv.Close()

	for _, ifNoneMatch := range []string{"", `"v6"`, `"v7"`} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/page", nil)
		if ifNoneMatch != "" {
			req.Header.Set("If-None-Match", ifNoneMatch)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Printf("If-None-Match %-6s -> %d, ETag %s, body %q\n", ifNoneMatch, res.StatusCode, res.Header.Get("ETag"), strings.TrimSpace(string(body)))
	}
	// Output:
	// If-None-Match        -> 200, ETag "v7", body "{\"version\":\"v7\"}"
	// If-None-Match "v6"   -> 200, ETag "v7", body "{\"version\":\"v7\"}"
	// If-None-Match "v7"   -> 304, ETag "v7", body ""
}
