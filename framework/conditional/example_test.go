package conditional_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

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
