package frameworktest_test

import (
	"context"
	"net/http"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// The token the secured App accepts.
const secretToken = "s3cret"

// newSecuredApp is an API whose operations require a bearer token, checked
// by an API middleware that answers 401 problem details without it, as an
// App enforces security today. GET /public needs no token.
func newSecuredApp() *framework.App {
	app := newTestApp()
	requireBearer(app)
	secured := func(op *framework.Operation) {
		op.Security = []map[string][]string{{"bearer": {}}}
	}
	var (
		mu    sync.Mutex
		notes []string
	)
	framework.Post(app, "/notes", func(ctx context.Context, in *struct{ Body noteDraft }) (*struct{ Body note }, error) {
		mu.Lock()
		defer mu.Unlock()
		notes = append(notes, in.Body.Text)
		return &struct{ Body note }{note{ID: int64(len(notes)), Text: in.Body.Text}}, nil
	}, secured)
	framework.Get(app, "/notes", func(ctx context.Context, _ *struct{}) (*struct{ Body []string }, error) {
		mu.Lock()
		defer mu.Unlock()
		return &struct{ Body []string }{append([]string{}, notes...)}, nil
	}, secured)
	framework.Get(app, "/public", func(ctx context.Context, _ *struct{}) (*struct{ Body string }, error) {
		return &struct{ Body string }{"hello"}, nil
	})
	return app
}

// requireBearer declares an HTTP bearer scheme and answers 401 problem
// details to a request for an operation that names it, unless it carries
// secretToken.
func requireBearer(app *framework.App) {
	app.OpenAPI().Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer": {Type: "http", Scheme: "bearer"},
	}
	api := app.API()
	api.UseMiddleware(func(ctx huma.Context, next func(huma.Context)) {
		if len(ctx.Operation().Security) > 0 && ctx.Header("Authorization") != "Bearer "+secretToken {
			ctx.SetHeader("WWW-Authenticate", `Bearer realm="test"`)
			_ = huma.WriteErr(api, ctx, http.StatusUnauthorized, "a valid bearer token is required")
			return
		}
		next(ctx)
	})
}
