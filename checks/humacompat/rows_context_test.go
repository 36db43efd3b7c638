package humacompat

import (
	"fmt"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
)

// The huma.Context that middlewares see, and API-wide middlewares: what
// the adapter gives them, whichever the adapter is.

// reportContext is a middleware that reports, in response headers, what
// the context says of the request.
func reportContext(ctx huma.Context, next func(huma.Context)) {
	u := ctx.URL()
	ctx.SetHeader("X-Method", ctx.Method())
	ctx.SetHeader("X-Host", strings.Split(ctx.Host(), ":")[0])
	ctx.SetHeader("X-Path", u.Path)
	ctx.SetHeader("X-Raw-Query", u.RawQuery)
	ctx.SetHeader("X-Proto", fmt.Sprintf("%s %d.%d", ctx.Version().Proto, ctx.Version().ProtoMajor, ctx.Version().ProtoMinor))
	ctx.SetHeader("X-TLS", fmt.Sprint(ctx.TLS() != nil))
	ctx.SetHeader("X-Param", ctx.Param("id"))
	ctx.SetHeader("X-Query", ctx.Query("q"))
	ctx.SetHeader("X-Header", ctx.Header("x-in"))
	var names []string
	ctx.EachHeader(func(name, _ string) {
		if strings.HasPrefix(strings.ToLower(name), "x-in") {
			names = append(names, strings.ToLower(name))
		}
	})
	slices.Sort(names) // EachHeader walks a map
	ctx.SetHeader("X-Each-Header", strings.Join(names, ","))
	ctx.AppendHeader("X-Appended", "one")
	ctx.AppendHeader("X-Appended", "two")
	next(ctx)
}

// humachiRemote is a middleware that reaches net/http through
// humachi.Unwrap, as Huma's documentation shows.
func humachiRemote(ctx huma.Context, next func(huma.Context)) {
	r, w := humachi.Unwrap(ctx)
	w.Header().Set("X-Unwrapped", r.Method)
	next(ctx)
}

func contextRows() []row {
	item := func(r routes) { get(r, "/items/{id}", echo[pathInt]) }
	return []row{
		{name: "context/methods", setup: func(r routes) {
			get(r, "/items/{id}", echo[pathInt], func(op *huma.Operation) { op.Middlewares = append(op.Middlewares, reportContext) })
		}, requests: []request{GET("/items/7?q=a%20b&z=1", "X-In: v", "X-In-Too: w")}},
		{name: "context/humachi-unwrap", setup: func(r routes) {
			get(r, "/items/{id}", echo[pathInt], func(op *huma.Operation) { op.Middlewares = append(op.Middlewares, humachiRemote) })
		}, requests: []request{GET("/items/7")}},
		{name: "context/api-middleware", setup: func(r routes) {
			r.humaAPI().UseMiddleware(stamp)
			item(r)
		}, requests: []request{GET("/items/7"), GET("/items/x")}},
	}
}
