// Package kitchensink is an API that uses every feature the OpenAPI
// document can describe: every parameter kind, nested, recursive, embedded
// and generic types, enums, nullable fields, arrays, maps, times, the
// members encoding/json writes otherwise than Huma documents, extra
// documented responses, bodiless statuses, security schemes, webhooks and a
// licence identifier. Tests render its document in every version and
// format and have independent tools check it.
package kitchensink

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework"
)

// Audit is embedded in other types: its fields appear in their place.
type Audit struct {
	CreatedAt time.Time  `json:"createdAt" doc:"When it was created"`
	UpdatedAt *time.Time `json:"updatedAt" doc:"When it was last changed, null if never"`
	CreatedBy string     `json:"createdBy" doc:"Who created it <b>(login)</b> & when"`
}

// Address is a nested object.
type Address struct {
	Street  string `json:"street"`
	City    string `json:"city"`
	Country string `json:"country" pattern:"^[A-Z]{2}$" patternDescription:"two upper-case letters (ISO 3166-1 alpha-2)" example:"FR"`
}

// Category is recursive: categories contain categories.
type Category struct {
	Name     string     `json:"name"`
	Children []Category `json:"children,omitempty" doc:"Sub-categories"`
}

// Page is generic: Page[Widget] lists widgets.
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty" format:"uri" doc:"URL of the next page"`
}

// Widget uses every kind of field.
type Widget struct {
	ID     int64   `json:"id" readOnly:"true" example:"7"`
	Name   string  `json:"name" minLength:"1" maxLength:"80" example:"Sprocket"`
	Color  string  `json:"color" enum:"red,green,blue" default:"red"`
	Size   int     `json:"size" enum:"1,2,3" doc:"Size class"`
	Weight float64 `json:"weight" exclusiveMinimum:"0" maximum:"1000" doc:"Weight in kg"`
	Audit
	Nickname   *string            `json:"nickname" doc:"Nullable: null when not set"`
	Rating     *float32           `json:"rating,omitempty" minimum:"0" maximum:"5"`
	Notes      string             `json:"notes,omitempty" nullable:"true"`
	Tags       []string           `json:"tags" uniqueItems:"true" maxItems:"10"`
	Dimensions [3]float64         `json:"dimensions" doc:"Width, height and depth in cm"`
	Labels     map[string]string  `json:"labels,omitempty"`
	Stock      map[string]int     `json:"stock,omitempty" doc:"Units per warehouse"`
	Addresses  map[string]Address `json:"addresses,omitempty"`
	Shipping   Address            `json:"shipping" doc:"Where it ships from"`
	Category   *Category          `json:"category,omitempty"`
	Thumbnail  []byte             `json:"thumbnail,omitempty" doc:"PNG thumbnail"`
	Released   string             `json:"released" format:"date" doc:"Release day"`
	Secret     string             `json:"secret,omitempty" writeOnly:"true"`
	Legacy     string             `json:"legacy,omitempty" deprecated:"true"`
	Internal   string             `json:"internal,omitempty" hidden:"true"`
	Discount   float64            `json:"discount,omitempty" dependentRequired:"notes"`
}

// Measurement holds the members whose JSON encoding/json writes otherwise
// than Huma's schemas say, as Signet documents them: numbers held as
// json.Number and *big.Int, an address of either IP version, values sent
// as strings (",string"), a byte array (an array of numbers), and a map
// and a []byte that are null when nil.
type Measurement struct {
	Amount     json.Number       `json:"amount" doc:"Exact decimal amount"`
	Count      *big.Int          `json:"count" doc:"Arbitrary-precision count, null if unknown"`
	Peer       net.IP            `json:"peer,omitempty" doc:"IPv4 or IPv6 address"`
	Serial     int64             `json:"serial,string" doc:"64-bit serial, as a string for JavaScript clients"`
	Ratio      float64           `json:"ratio,omitempty,string" default:"0.5"`
	Digest     [4]byte           `json:"digest" doc:"Four bytes, as numbers"`
	Attributes map[string]string `json:"attributes" doc:"Null when there are none"`
	Payload    []byte            `json:"payload" doc:"Base64, null when empty"`
}

type measurementIO struct {
	Body Measurement
}

// WidgetDraft is the body of a create request.
type WidgetDraft struct {
	Name   string   `json:"name" minLength:"1" maxLength:"80"`
	Color  string   `json:"color,omitempty" enum:"red,green,blue"`
	Weight float64  `json:"weight" exclusiveMinimum:"0"`
	Tags   []string `json:"tags,omitempty"`
}

// Status is a type that provides its own schema with 3.1-only keywords:
// const and several examples.
type Status string

// Schema implements huma.SchemaProvider.
func (Status) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{
		Type:        huma.TypeString,
		Description: "Always ok",
		Extensions:  map[string]any{"const": "ok"},
		Examples:    []any{"ok", "ok"},
	}
}

type health struct {
	Status Status `json:"status"`
}

type healthOutput struct {
	Body health
}

type listInput struct {
	Color     string    `query:"color" enum:"red,green,blue" doc:"Only widgets of this color"`
	Tags      []string  `query:"tag" doc:"Widgets having all these tags"`
	Limit     int       `query:"limit" minimum:"1" maximum:"100" default:"20"`
	Since     time.Time `query:"since" doc:"Changed since"`
	RequestID string    `header:"X-Request-ID" format:"uuid" doc:"Echoed in logs"`
	Session   string    `cookie:"session" doc:"Session cookie"`
}

type listOutput struct {
	Total int `header:"X-Total-Count" doc:"Number of widgets"`
	Body  Page[Widget]
}

type widgetIDInput struct {
	ID int64 `path:"id" minimum:"1"`
}

type getOutput struct {
	ETag         string    `header:"ETag"`
	LastModified time.Time `header:"Last-Modified"`
	Body         Widget
}

type createInput struct {
	IdempotencyKey string `header:"Idempotency-Key" required:"true"`
	Body           WidgetDraft
}

type createOutput struct {
	Location string `header:"Location"`
	Body     Widget
}

type uploadInput struct {
	ID      int64  `path:"id" minimum:"1"`
	RawBody []byte `contentType:"image/png"`
}

type categoryOutput struct {
	Body Category
}

// DemoSecret is the one credential the kitchen sink accepts, for every
// scheme; it grants every scope.
const DemoSecret = "kitchen-sink-demo"

func acceptDemoCredentials(ctx context.Context, c framework.Credentials) (context.Context, []string, error) {
	if c.Secret != DemoSecret {
		return nil, nil, errors.New("not the demo credential")
	}
	return ctx, []string{"widgets:read", "widgets:write"}, nil
}

// New returns the kitchen-sink App. Its handlers answer with fixed data:
// the tests are about the document.
func New() *framework.App {
	app := framework.New(framework.Config{
		Title:       "Kitchen sink",
		Version:     "2.0.0",
		Description: "Every feature Signet documents. Markdown *works*; so do <angle> & brackets.",
		Servers:     []*huma.Server{{URL: "http://127.0.0.1:8080", Description: "Local"}},
		SecuritySchemes: map[string]*huma.SecurityScheme{
			"bearer": {Type: "http", Scheme: "bearer", BearerFormat: "JWT"},
			"apiKey": {Type: "apiKey", In: "header", Name: "X-API-Key"},
			"oauth": {Type: "oauth2", Flows: &huma.OAuthFlows{
				AuthorizationCode: &huma.OAuthFlow{
					AuthorizationURL: "https://auth.example.com/authorize",
					TokenURL:         "https://auth.example.com/token",
					Scopes:           map[string]string{"widgets:read": "Read widgets", "widgets:write": "Change widgets"},
				},
				ClientCredentials: &huma.OAuthFlow{
					TokenURL: "https://auth.example.com/token",
					Scopes:   map[string]string{"widgets:read": "Read widgets"},
				},
			}},
			"oidc": {Type: "openIdConnect", OpenIDConnectURL: "https://auth.example.com/.well-known/openid-configuration"},
		},
		Security: []map[string][]string{{"bearer": {}}, {"apiKey": {}}},
		Authenticators: map[string]framework.Authenticator{
			"bearer": acceptDemoCredentials, "apiKey": acceptDemoCredentials,
			"oauth": acceptDemoCredentials, "oidc": acceptDemoCredentials,
		},
	})
	doc := app.OpenAPI()
	doc.Info.License = &huma.License{Name: "MIT", Identifier: "MIT"}
	doc.Info.Contact = &huma.Contact{Name: "Signet", Email: "signet@example.com"}
	doc.Tags = []*huma.Tag{{Name: "widgets", Description: "Widgets"}, {Name: "meta", Description: "About the API itself"}}
	doc.Webhooks = map[string]*huma.PathItem{
		"widgetChanged": {Post: &huma.Operation{
			OperationID: "widget-changed",
			Summary:     "A widget changed",
			RequestBody: &huma.RequestBody{Content: map[string]*huma.MediaType{
				"application/json": {Schema: &huma.Schema{Ref: "#/components/schemas/Widget"}},
			}},
			Responses: map[string]*huma.Response{"204": {Description: "Received"}},
		}},
	}

	widgets := app.Group("/widgets", huma.OperationTags("widgets"))
	framework.Get(widgets, "", func(context.Context, *listInput) (*listOutput, error) {
		return &listOutput{Body: Page[Widget]{Items: []Widget{}}}, nil
	}, func(op *framework.Operation) {
		op.OperationID = "list-widgets"
		op.Errors = []int{http.StatusBadRequest}
	})
	framework.Register(widgets, framework.Operation{
		OperationID:   "create-widget",
		Method:        http.MethodPost,
		Summary:       "Create a widget",
		DefaultStatus: http.StatusCreated,
		Errors:        []int{http.StatusConflict},
		Security:      []map[string][]string{{"oauth": {"widgets:write"}}},
		Responses: map[string]*huma.Response{
			"202": {Description: "Accepted: the widget will be created later"},
		},
	}, func(context.Context, *createInput) (*createOutput, error) {
		return nil, huma.Error409Conflict("exists")
	})
	framework.Get(widgets, "/{id}", func(context.Context, *widgetIDInput) (*getOutput, error) {
		return nil, huma.Error404NotFound("no widget")
	}, func(op *framework.Operation) {
		op.OperationID = "get-widget"
		op.Errors = []int{http.StatusNotFound}
		op.Responses = map[string]*huma.Response{"304": {Description: "Not modified"}}
	})
	framework.Put(widgets, "/{id}/image", func(context.Context, *uploadInput) (*struct{}, error) {
		return nil, nil
	}, func(op *framework.Operation) {
		op.OperationID = "put-widget-image"
		op.Security = []map[string][]string{{"oidc": {}}}
	})
	framework.Delete(widgets, "/{id}", func(context.Context, *widgetIDInput) (*struct{}, error) {
		return nil, nil
	}, func(op *framework.Operation) {
		op.OperationID = "delete-widget"
		op.Deprecated = true
	})
	framework.Get(app, "/categories/root", func(context.Context, *struct{}) (*categoryOutput, error) {
		return &categoryOutput{Body: Category{Name: "root"}}, nil
	}, func(op *framework.Operation) {
		op.OperationID = "get-root-category"
		op.Security = []map[string][]string{}
	})
	framework.Put(app, "/measurements/latest", func(_ context.Context, in *measurementIO) (*measurementIO, error) {
		return in, nil
	}, func(op *framework.Operation) {
		op.OperationID = "put-measurement"
		op.Tags = []string{"meta"}
		op.Security = []map[string][]string{}
	})
	framework.Get(app, "/health", func(context.Context, *struct{}) (*healthOutput, error) {
		return &healthOutput{Body: health{Status: "ok"}}, nil
	}, func(op *framework.Operation) {
		op.OperationID = "health"
		op.Tags = []string{"meta"}
		op.Security = []map[string][]string{}
	})
	return app
}
