package humacompat

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// Parameters: every kind (path, query, header, cookie) and style, with
// defaults, required, enums and bounds.

type pathInt struct {
	ID int `path:"id"`
}

type pathBounded struct {
	ID int `path:"id" minimum:"1" maximum:"10"`
}

type pathPattern struct {
	Slug string `path:"slug" pattern:"^[a-z]+$" minLength:"2" maxLength:"8"`
}

type pathEnum struct {
	Color string `path:"color" enum:"red,green"`
}

type pathUUID struct {
	ID string `path:"id" format:"uuid"`
}

type pathTwo struct {
	Org  string `path:"org"`
	Repo int    `path:"repo"`
}

type queryString struct {
	Q string `query:"q"`
}

type queryDefaults struct {
	Limit  int     `query:"limit" default:"10" minimum:"1" maximum:"100"`
	Sort   string  `query:"sort" default:"asc" enum:"asc,desc"`
	Ratio  float64 `query:"ratio" default:"0.5" exclusiveMinimum:"0" exclusiveMaximum:"1"`
	Active bool    `query:"active" default:"true"`
}

type queryRequired struct {
	Q string `query:"q" required:"true"`
}

type queryBool struct {
	B bool `query:"b"`
}

type queryNumbers struct {
	I8  int8    `query:"i8"`
	U   uint    `query:"u"`
	F32 float32 `query:"f32"`
	I64 int64   `query:"i64" multipleOf:"5"`
}

type queryArrays struct {
	IDs  []int    `query:"ids"`
	Tags []string `query:"tag,explode"`
}

type queryArrayBounds struct {
	IDs []int `query:"ids" minItems:"1" maxItems:"3" uniqueItems:"true"`
}

type queryDeepObject struct {
	Filter map[string]string `query:"filter,deepObject"`
}

type pageSpec struct {
	Size  int    `json:"size" minimum:"1"`
	Since string `json:"since,omitempty"`
}

type queryDeepStruct struct {
	Page pageSpec `query:"page,deepObject"`
}

type queryTime struct {
	At   time.Time `query:"at"`
	Date time.Time `query:"date" timeFormat:"2006-01-02"`
}

type timesBody struct {
	At   time.Time
	Date time.Time
}

type queryLength struct {
	Name string `query:"name" minLength:"2" maxLength:"4"`
}

type queryHidden struct {
	Debug string `query:"debug" hidden:"true"`
}

type queryInt32 struct {
	N int32 `query:"n"`
}

type headerString struct {
	RequestID string `header:"X-Request-Id"`
}

type headerRequired struct {
	Version int `header:"X-Version" required:"true" minimum:"1"`
}

type headerEnum struct {
	Mode string `header:"X-Mode" enum:"fast,safe" default:"safe"`
}

type headerTime struct {
	Since time.Time `header:"If-Modified-Since"`
}

type headerList struct {
	Tags []string `header:"X-Tags"`
}

type cookieString struct {
	Session string `cookie:"session"`
}

type cookieTyped struct {
	Count int `cookie:"count" minimum:"0" default:"3"`
}

type cookieStruct struct {
	Session http.Cookie `cookie:"session"`
}

// sessionOut reports the name and value of an http.Cookie parameter, which
// does not encode as JSON by itself in a useful way.
type sessionOut struct {
	Body struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
}

// Shared is an exported embedded struct: its parameters are the input's.
type Shared struct {
	Tenant string `header:"X-Tenant" required:"true"`
	Trace  string `query:"trace"`
}

type embeddedParams struct {
	Shared
	ID int `path:"id"`
}

type shared struct {
	Tenant string `header:"X-Tenant"`
}

type unexportedEmbedded struct {
	shared
	ID int `path:"id"`
}

type allKinds struct {
	ID      int    `path:"id"`
	Q       string `query:"q" default:"none"`
	Auth    string `header:"Authorization"`
	Session string `cookie:"session"`
}

// resolved checks its own fields after binding, as huma.Resolver allows.
type resolved struct {
	Min int `query:"min"`
	Max int `query:"max"`
}

func (r *resolved) Resolve(huma.Context) []error {
	if r.Min > r.Max {
		return []error{&huma.ErrorDetail{Location: "query.min", Message: "min must not exceed max", Value: r.Min}}
	}
	return nil
}

// resolvedWithPath reports its error under the path Huma gives it.
type resolvedWithPath struct {
	Body struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}
}

func (r *resolvedWithPath) Resolve(_ huma.Context, prefix *huma.PathBuffer) []error {
	if r.Body.Start > r.Body.End {
		return []error{&huma.ErrorDetail{Location: prefix.With("body.end"), Message: "end must not precede start", Value: r.Body.End}}
	}
	return nil
}

// mismatchedPath declares {name} in the path, but no such parameter.
type mismatchedPath struct {
	ID string `path:"id"`
}

func paramRows() []row {
	return []row{
		{name: "path/int", setup: func(r routes) { get(r, "/items/{id}", echo[pathInt]) },
			requests: []request{GET("/items/42"), GET("/items/-7"), GET("/items/abc"), GET("/items/1.5")}},
		{name: "path/bounds", setup: func(r routes) { get(r, "/items/{id}", echo[pathBounded]) },
			requests: []request{GET("/items/1"), GET("/items/10"), GET("/items/0"), GET("/items/11")}},
		{name: "path/pattern-and-length", setup: func(r routes) { get(r, "/tags/{slug}", echo[pathPattern]) },
			requests: []request{GET("/tags/abc"), GET("/tags/ABC"), GET("/tags/a"), GET("/tags/abcdefghi")}},
		{name: "path/enum", setup: func(r routes) { get(r, "/colors/{color}", echo[pathEnum]) },
			requests: []request{GET("/colors/red"), GET("/colors/blue")}},
		{name: "path/format-uuid", setup: func(r routes) { get(r, "/ids/{id}", echo[pathUUID]) },
			requests: []request{GET("/ids/8f7b3c1e-2f4a-4c55-9d1e-0a6b5c4d3e2f"), GET("/ids/not-a-uuid")}},
		{name: "path/two-params", setup: func(r routes) { get(r, "/orgs/{org}/repos/{repo}", echo[pathTwo]) },
			requests: []request{GET("/orgs/acme/repos/7"), GET("/orgs/acme/repos/x")}},
		{name: "path/escaped", setup: func(r routes) { get(r, "/files/{id}", echo[pathUUID]) },
			requests: []request{GET("/files/a%20b"), GET("/files/a%2Fb")}},
		{name: "path/declared-but-missing", setup: func(r routes) { get(r, "/things/{name}", echo[mismatchedPath]) },
			requests: []request{GET("/things/x")}},
		{name: "query/string", setup: func(r routes) { get(r, "/search", echo[queryString]) },
			requests: []request{GET("/search?q=hello"), GET("/search"), GET("/search?q=a&q=b"), GET("/search?q=%E2%9C%93")}},
		{name: "query/defaults", setup: func(r routes) { get(r, "/list", echo[queryDefaults]) },
			requests: []request{GET("/list"), GET("/list?limit=5&sort=desc&ratio=0.25&active=false"), GET("/list?limit=0"), GET("/list?sort=up"), GET("/list?ratio=1")}},
		{name: "query/required", setup: func(r routes) { get(r, "/search", echo[queryRequired]) },
			requests: []request{GET("/search?q=x"), GET("/search"), GET("/search?q=")}},
		{name: "query/bool", setup: func(r routes) { get(r, "/flag", echo[queryBool]) },
			requests: []request{GET("/flag?b=true"), GET("/flag?b=0"), GET("/flag?b=yes")}},
		{name: "query/number-kinds", setup: func(r routes) { get(r, "/numbers", echo[queryNumbers]) },
			requests: []request{GET("/numbers?i8=-5&u=7&f32=1.5&i64=10"), GET("/numbers?u=-1"), GET("/numbers?i64=7"), GET("/numbers?f32=x")}},
		{name: "query/int-out-of-range", setup: func(r routes) { get(r, "/narrow", echo[queryInt32]) },
			requests: []request{GET("/narrow?n=2147483647"), GET("/narrow?n=4294967297")}},
		{name: "query/arrays", setup: func(r routes) { get(r, "/arrays", echo[queryArrays]) },
			requests: []request{GET("/arrays?ids=1,2,3&tag=a&tag=b"), GET("/arrays?ids=1&ids=2"), GET("/arrays?ids=1,x"), GET("/arrays?tag=a,b")}},
		{name: "query/array-bounds", setup: func(r routes) { get(r, "/arrays", echo[queryArrayBounds]) },
			requests: []request{GET("/arrays?ids=1,2"), GET("/arrays?ids=1,2,3,4"), GET("/arrays?ids=1,1")}},
		{name: "query/deep-object-map", setup: func(r routes) { get(r, "/filter", echo[queryDeepObject]) },
			requests: []request{GET("/filter?filter[a]=1&filter[b]=two"), GET("/filter")}},
		{name: "query/deep-object-struct", setup: func(r routes) { get(r, "/page", echo[queryDeepStruct]) },
			requests: []request{GET("/page?page[size]=20&page[since]=x"), GET("/page?page[size]=0"), GET("/page?page[size]=abc")}},
		// The parsed times come back in a body without the parameter's
		// tags: a timeFormat tag in a body documents a date where a
		// date-time is sent (body/time-format).
		{name: "query/time", setup: func(r routes) {
			get(r, "/at", func(_ context.Context, in *queryTime) (*struct{ Body timesBody }, error) {
				return &struct{ Body timesBody }{timesBody{At: in.At, Date: in.Date}}, nil
			})
		},
			requests: []request{GET("/at?at=2024-05-06T07:08:09Z&date=2024-05-06"), GET("/at?at=yesterday"), GET("/at?date=2024-13-01")}},
		{name: "query/string-length", setup: func(r routes) { get(r, "/names", echo[queryLength]) },
			requests: []request{GET("/names?name=abc"), GET("/names?name=a"), GET("/names?name=abcde")}},
		{name: "query/hidden", setup: func(r routes) { get(r, "/hidden", echo[queryHidden]) },
			requests: []request{GET("/hidden?debug=1"), GET("/openapi.json").viewed(operationParameters("/hidden"))}},
		{name: "query/unknown-ignored", setup: func(r routes) { get(r, "/search", echo[queryString]) },
			requests: []request{GET("/search?q=x&other=y")}},
		{name: "header/string", setup: func(r routes) { get(r, "/h", echo[headerString]) },
			requests: []request{GET("/h", "X-Request-Id: abc"), GET("/h"), GET("/h", "x-request-id: lower")}},
		{name: "header/required-int", setup: func(r routes) { get(r, "/h", echo[headerRequired]) },
			requests: []request{GET("/h", "X-Version: 2"), GET("/h"), GET("/h", "X-Version: 0"), GET("/h", "X-Version: two")}},
		{name: "header/enum-default", setup: func(r routes) { get(r, "/h", echo[headerEnum]) },
			requests: []request{GET("/h"), GET("/h", "X-Mode: fast"), GET("/h", "X-Mode: slow")}},
		{name: "header/time", setup: func(r routes) {
			get(r, "/h", func(_ context.Context, in *headerTime) (*struct{ Body timesBody }, error) {
				return &struct{ Body timesBody }{timesBody{At: in.Since}}, nil
			})
		},
			requests: []request{GET("/h", "If-Modified-Since: Wed, 21 Oct 2015 07:28:00 GMT"), GET("/h", "If-Modified-Since: soon")}},
		{name: "header/list", setup: func(r routes) { get(r, "/h", echo[headerList]) },
			requests: []request{GET("/h", "X-Tags: a, b,c"), GET("/h", "X-Tags: a", "X-Tags: b")}},
		{name: "cookie/string", setup: func(r routes) { get(r, "/c", echo[cookieString]) },
			requests: []request{GET("/c", "Cookie: session=abc; other=x"), GET("/c")}},
		{name: "cookie/int-default", setup: func(r routes) { get(r, "/c", echo[cookieTyped]) },
			requests: []request{GET("/c"), GET("/c", "Cookie: count=7"), GET("/c", "Cookie: count=-1"), GET("/c", "Cookie: count=x")}},
		{name: "cookie/http-cookie", setup: func(r routes) {
			get(r, "/c", func(_ context.Context, in *cookieStruct) (*sessionOut, error) {
				out := &sessionOut{}
				out.Body.Name, out.Body.Value = in.Session.Name, in.Session.Value
				return out, nil
			})
		}, requests: []request{GET("/c", "Cookie: session=s1"), GET("/c")}},
		{name: "params/all-kinds", setup: func(r routes) { get(r, "/all/{id}", echo[allKinds]) },
			requests: []request{GET("/all/3?q=x", "Authorization: Bearer t", "Cookie: session=s"), GET("/all/3")}},
		{name: "params/embedded-exported", setup: func(r routes) { get(r, "/e/{id}", echo[embeddedParams]) },
			requests: []request{GET("/e/1?trace=t", "X-Tenant: acme"), GET("/e/1")}},
		{name: "params/embedded-unexported", setup: func(r routes) { get(r, "/u/{id}", echo[unexportedEmbedded]) },
			requests: []request{GET("/u/1", "X-Tenant: acme")}},
		{name: "params/resolver", setup: func(r routes) { get(r, "/range", echo[resolved]) },
			requests: []request{GET("/range?min=1&max=2"), GET("/range?min=3&max=2")}},
		{name: "params/resolver-with-path", setup: func(r routes) { post(r, "/span", echo[resolvedWithPath]) },
			requests: []request{POST("/span", `{"start":1,"end":2}`), POST("/span", `{"start":3,"end":2}`)}},
	}
}
