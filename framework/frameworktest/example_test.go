package frameworktest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// printingT stands in for the *testing.T a test would pass: it prints what
// the client reports.
type printingT struct {
	testing.TB
	cleanups []func()
}

func (*printingT) Helper()                           {}
func (*printingT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (*printingT) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (p *printingT) Cleanup(f func())                { p.cleanups = append(p.cleanups, f) }
func (p *printingT) done() {
	for _, f := range p.cleanups {
		f()
	}
}

type order struct {
	ID    int64  `json:"id"`
	State string `json:"state" enum:"open,shipped"`
}

func Example() {
	app := framework.New(framework.Config{Title: "Orders", Version: "1.0.0", Logger: slog.New(slog.DiscardHandler)})
	framework.Get(app, "/orders/{id}", func(ctx context.Context, in *struct {
		ID int64 `path:"id" minimum:"1"`
	}) (*struct{ Body order }, error) {
		if in.ID == 2 {
			return &struct{ Body order }{order{ID: 2, State: "lost"}}, nil // not a documented state
		}
		if in.ID > 2 {
			return nil, huma.Error404NotFound("no such order")
		}
		return &struct{ Body order }{order{ID: in.ID, State: "open"}}, nil
	}, func(op *framework.Operation) { op.Errors = []int{http.StatusNotFound} })

	t := &printingT{} // in a test: c := frameworktest.New(t, app)
	defer t.done()
	c := frameworktest.New(t, app)

	resp := c.Get("/orders/1") // conforms: nothing is reported
	body, _ := io.ReadAll(resp.Body)
	fmt.Printf("%d %s", resp.StatusCode, body)

	c.Get("/orders/2")
	c.Get("/orders/3") // a documented 404 with problem details
	// Output:
	// 200 {"id":1,"state":"open"}
	// frameworktest: GET /orders/2 answered 200 OK: the body does not match the schema at /state: value must be one of 'open', 'shipped'
	//     documented: "enum": ["open","shipped"]
	//     sent:       "lost"
}

func ExampleCheckGeneratedRequests() {
	// In a test file of the App's package:
	//
	//	func TestGeneratedRequests(t *testing.T) {
	//		frameworktest.CheckGeneratedRequests(t, func() *framework.App {
	//			return newApp(newStore())
	//		})
	//	}
	//
	// Each of rapid's cases (100 by default, -rapid.checks=N) gets a fresh
	// App and up to 16 generated requests; a 5xx or a response that breaks
	// the document fails the test with the shrunk sequence of requests.
	//
	// Behind authentication, give the check credentials as options, and
	// name the operations no generated request can succeed at:
	//
	//	frameworktest.CheckGeneratedRequests(t, newApp,
	//		frameworktest.Bearer("test-token"),
	//		frameworktest.MayNeverSucceed("DELETE /v1/books/{id}"), // admins only
	//	)
	//
	// Without them, each operation answered with 401s only fails the test:
	//
	//	frameworktest: GET /v1/books (list-books): none of the 37 generated requests was answered with a 2xx, so its handler may never have run
	//	    answered: 401 Unauthorized ×37
	//	    its security requires bearer: pass credentials as options (frameworktest.Bearer, BasicAuth, APIKey); if no generated request can succeed, name the operation in frameworktest.MayNeverSucceed
}

// profile is what GET /me answers a request with a valid token.
type profile struct {
	Name string `json:"name"`
}

func newProfileApp() *framework.App {
	app := framework.New(framework.Config{
		Title: "Profiles", Version: "1.0.0", Logger: slog.New(slog.DiscardHandler),
		SecuritySchemes: map[string]*huma.SecurityScheme{"bearer": {Type: "http", Scheme: "bearer"}},
		Security:        []map[string][]string{{"bearer": {}}},
		Authenticators: map[string]framework.Authenticator{
			"bearer": func(ctx context.Context, c framework.Credentials) (context.Context, []string, error) {
				if c.Secret != "s3cret" {
					return nil, nil, errors.New("unknown token")
				}
				return ctx, nil, nil
			},
		},
	})
	framework.Get(app, "/me", func(ctx context.Context, _ *struct{}) (*struct{ Body profile }, error) {
		return &struct{ Body profile }{profile{Name: "Ada"}}, nil
	})
	return app
}

func ExampleBearer() {
	t := &printingT{}
	defer t.done()

	// Every request carries the token, unless it sets its own Authorization.
	c := frameworktest.New(t, newProfileApp(), frameworktest.Bearer("s3cret"))
	resp := c.Get("/me")
	body, _ := io.ReadAll(resp.Body)
	fmt.Printf("%d %s", resp.StatusCode, body)

	fmt.Println(c.Get("/me", "Authorization: Bearer wrong").StatusCode)

	anonymous := c.With(frameworktest.NoCredentials())
	resp = anonymous.Get("/me")
	fmt.Println(resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	// Output:
	// 200 {"name":"Ada"}
	// 401
	// 401 Bearer realm="Profiles"
}

func ExampleClient_Stream() {
	app := framework.New(framework.Config{Title: "Clock", Version: "1.0.0", Logger: slog.New(slog.DiscardHandler)})
	type tick struct {
		N int `json:"n" minimum:"0"`
	}
	sse.Register(app.API(), huma.Operation{OperationID: "ticks", Method: http.MethodGet, Path: "/ticks"},
		map[string]any{"tick": tick{}},
		func(ctx context.Context, _ *struct{}, send sse.Sender) {
			for n := range 2 {
				if send.Data(tick{N: n}) != nil {
					return
				}
			}
		})

	t := &printingT{}
	defer t.done()
	c := frameworktest.New(t, app)

	events := c.Stream("/ticks")
	defer events.Close()
	for {
		event, err := events.Next(5 * time.Second)
		if err != nil {
			fmt.Println(err) // io.EOF: the App ended the stream
			break
		}
		fmt.Println(event.Type, event.Data)
	}
	// Output:
	// tick {"n":0}
	// tick {"n":1}
	// EOF
}
