package framework_test

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

type userKey struct{}

// A bearer scheme, required by default and checked by an Authenticator:
// a request without the token gets 401 with a challenge, and the handler
// sees the principal the Authenticator put in its context.
func ExampleAuthenticator() {
	app := framework.New(framework.Config{
		Title: "Items API", Version: "1.0.0",
		SecuritySchemes: map[string]*huma.SecurityScheme{
			"bearer": {Type: "http", Scheme: "bearer"},
		},
		Security: []map[string][]string{{"bearer": {}}},
		Authenticators: map[string]framework.Authenticator{
			"bearer": func(ctx context.Context, c framework.Credentials) (context.Context, []string, error) {
				if subtle.ConstantTimeCompare([]byte(c.Secret), []byte("s3cret")) != 1 {
					return nil, nil, errors.New("unknown token")
				}
				return context.WithValue(ctx, userKey{}, "alice"), nil, nil
			},
		},
	})
	framework.Get(app, "/greetings/{name}", func(ctx context.Context, in *GreetInput) (*GreetOutput, error) {
		return &GreetOutput{Body: Greeting{Message: fmt.Sprintf("Hello, %s, from %s", in.Name, ctx.Value(userKey{}))}}, nil
	})

	srv := httptest.NewServer(app)
	defer srv.Close()
	for _, token := range []string{"", "wrong", "s3cret"} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/greetings/bob", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, _ := http.DefaultClient.Do(req)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
	}
	// Output:
	// 401 Bearer realm="Items API"
	// 401 Bearer realm="Items API", error="invalid_token"
	// 200
}
