package frameworktest_test

import (
	"context"
	"sync"

	"github.com/signet-go/signet/framework"
)

// The token the secured App accepts.
const secretToken = "s3cret"

// newSecuredApp is an API whose operations require a bearer token
// (newTestApp's scheme): the App answers 401 problem details without it.
// GET /public needs no token.
func newSecuredApp() *framework.App {
	app := newTestApp()
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
