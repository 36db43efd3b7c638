package framework

// Group is a set of operations under a common path prefix that share
// options, like FastAPI's APIRouter or Huma's groups:
//
//	items := app.Group("/items", huma.OperationTags("items"))
//	framework.Get(items, "/{id}", getItem) // GET /items/{id}, tagged "items"
type Group struct {
	parent  Routes
	prefix  string
	options []func(*Operation)
}

// Group returns a Group of operations under prefix that share options.
func (a *App) Group(prefix string, options ...func(*Operation)) *Group {
	return &Group{parent: a, prefix: prefix, options: options}
}

// Group returns a Group nested in g: its prefix follows g's, and its
// options apply after g's.
func (g *Group) Group(prefix string, options ...func(*Operation)) *Group {
	return &Group{parent: g, prefix: prefix, options: options}
}

// scope adds the prefixes of g and its parents to op's path and applies
// their options, outermost first.
func (g *Group) scope(op *Operation) *App {
	op.Path = g.prefix + op.Path
	app := g.parent.scope(op)
	for _, option := range g.options {
		option(op)
	}
	return app
}
