package humacompat

import (
	"context"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type frameworkGroup = framework.Group

// Groups: huma.NewGroup with prefixes, modifiers, middlewares and
// transformers; on path (c), App.Group with the same options where
// framework.Group can express them.

func getItem(context.Context, *struct{}) (*itemOut, error) { return &itemOut{Body: theItem}, nil }

// tagged is a group option: the operations get a tag and a summary prefix.
func tagged(op *huma.Operation) {
	op.Tags = append(op.Tags, "grouped")
	op.Summary = "Grouped: " + op.Summary
}

// stamp is a group middleware: it adds a header to every response.
func stamp(ctx huma.Context, next func(huma.Context)) {
	ctx.SetHeader("X-Group", "yes")
	next(ctx)
}

// withStamp is stamp as a framework.Group option.
func withStamp(op *huma.Operation) { op.Middlewares = append(op.Middlewares, stamp) }

// renameItems is a group transformer: it upper-cases an Item's name.
func renameItems(_ huma.Context, _ string, v any) (any, error) {
	if item, ok := v.(*Item); ok {
		copied := *item
		copied.Name = strings.ToUpper(copied.Name)
		return &copied, nil
	}
	return v, nil
}

func groupRows() []row {
	return []row{
		{name: "group/prefix", setup: func(r routes) {
			var g huma.API
			if r.fw == nil {
				g = huma.NewGroup(r.api, "/v1")
			}
			get(r.with(g, groupOf(r, "/v1")), "/items/1", getItem)
		}, requests: []request{GET("/v1/items/1"), GET("/items/1"), GET("/openapi.json").viewed(operations)}},
		{name: "group/nested", setup: func(r routes) {
			var g huma.API
			if r.fw == nil {
				g = huma.NewGroup(huma.NewGroup(r.api, "/v1"), "/admin")
			}
			var fg = groupOf(r, "/v1")
			if fg != nil {
				fg = fg.Group("/admin")
			}
			get(r.with(g, fg), "/items/1", getItem)
		}, requests: []request{GET("/v1/admin/items/1"), GET("/openapi.json").viewed(operations)}},
		{name: "group/several-prefixes", setup: func(r routes) {
			if r.fw != nil {
				r.cannot("framework.Group has one prefix; Huma's groups take several, and rename each operation's ID")
				return
			}
			get(r.with(huma.NewGroup(r.api, "/v1", "/v2"), nil), "/items/1", getItem)
		}, requests: []request{GET("/v1/items/1"), GET("/v2/items/1"), GET("/openapi.json").viewed(operations)}},
		{name: "group/simple-modifier", setup: func(r routes) {
			var g huma.API
			if r.fw == nil {
				hg := huma.NewGroup(r.api, "/v1")
				hg.UseSimpleModifier(tagged)
				g = hg
			}
			get(r.with(g, groupOfWith(r, "/v1", tagged)), "/items/1", getItem)
		}, requests: []request{GET("/openapi.json").viewed(operations)}},
		{name: "group/modifier-skips-operation", setup: func(r routes) {
			if r.fw != nil {
				r.cannot("a framework.Group option cannot leave an operation out; Huma's UseModifier can, by not calling next")
				return
			}
			hg := huma.NewGroup(r.api, "/v1")
			hg.UseModifier(func(op *huma.Operation, next func(*huma.Operation)) {
				if !strings.Contains(op.Path, "hidden") {
					next(op)
				}
			})
			get(r.with(hg, nil), "/items/1", getItem)
			get(r.with(hg, nil), "/hidden", getItem)
		}, requests: []request{GET("/v1/items/1"), GET("/v1/hidden")}},
		{name: "group/middleware", setup: func(r routes) {
			var g huma.API
			if r.fw == nil {
				hg := huma.NewGroup(r.api, "/v1")
				hg.UseMiddleware(stamp)
				g = hg
			}
			get(r.with(g, groupOfWith(r, "/v1", withStamp)), "/items/1", getItem)
		}, requests: []request{GET("/v1/items/1")}},
		{name: "group/transformer", setup: func(r routes) {
			if r.fw != nil {
				r.cannot("framework.Group has no transformers; Huma's groups have UseTransformer")
				return
			}
			hg := huma.NewGroup(r.api, "/v1")
			hg.UseTransformer(renameItems)
			get(r.with(hg, nil), "/items/1", getItem)
		}, requests: []request{GET("/v1/items/1")}},
		{name: "group/operation-middleware", setup: func(r routes) {
			get(r, "/items/1", getItem, func(op *huma.Operation) { op.Middlewares = append(op.Middlewares, stamp) })
		}, requests: []request{GET("/items/1")}},
		{name: "group/operation-middleware-short-circuit", setup: func(r routes) {
			get(r, "/items/1", getItem, func(op *huma.Operation) {
				op.Middlewares = append(op.Middlewares, func(ctx huma.Context, next func(huma.Context)) {
					if ctx.Header("Authorization") == "" {
						_ = huma.WriteErr(r.humaAPI(), ctx, 401, "sign in first")
						return
					}
					next(ctx)
				})
			})
		}, requests: []request{GET("/items/1"), GET("/items/1", "Authorization: Bearer x")}},
	}
}

// groupOf returns App.Group(prefix) on path (c), nil on the others.
func groupOf(r routes, prefix string) *frameworkGroup {
	return groupOfWith(r, prefix)
}

func groupOfWith(r routes, prefix string, options ...func(*huma.Operation)) *frameworkGroup {
	if r.fw == nil {
		return nil
	}
	return r.app.Group(prefix, options...)
}
