package humacompat

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// Request bodies: JSON with validation and defaults, required and optional
// bodies, RawBody, multipart forms, limits.

type Pet struct {
	Name    string   `json:"name" minLength:"1" maxLength:"20"`
	Kind    string   `json:"kind" enum:"cat,dog"`
	Age     int      `json:"age,omitempty" minimum:"0"`
	Tags    []string `json:"tags,omitempty" maxItems:"3"`
	Owner   *Owner   `json:"owner,omitempty"`
	Indoors bool     `json:"indoors,omitempty" default:"true"`
	Note    string   `json:"note,omitempty" default:"none"`
}

type Owner struct {
	Email string `json:"email" format:"email"`
}

type petBody struct {
	Body Pet
}

type optionalPetBody struct {
	Body *Pet `required:"false"`
}

type nullableBody struct {
	Body struct {
		Nick *string `json:"nick" nullable:"true"`
		Plan *string `json:"plan,omitempty"`
	}
}

type standardTypesBody struct {
	Body struct {
		Amount json.Number `json:"amount"`
		Count  *big.Int    `json:"count,omitempty"`
		Peer   net.IP      `json:"peer,omitempty"`
	}
}

type stringOptionBody struct {
	Body struct {
		ID int64 `json:"id,string"`
	}
}

type dateBody struct {
	Body struct {
		Day time.Time `json:"day" timeFormat:"2006-01-02"`
	}
}

type shapesBody struct {
	Body struct {
		Labels map[string]string `json:"labels"`
		Digest [4]byte           `json:"digest"`
	}
}

type urlBody struct {
	Body struct {
		Link url.URL `json:"link"`
	}
}

type mapBody struct {
	Body map[string]int
}

type listBody struct {
	Body []Owner `minItems:"1" maxItems:"2"`
}

type rawAndBody struct {
	RawBody []byte
	Body    struct {
		N int `json:"n"`
	}
}

type rawText struct {
	RawBody []byte `contentType:"text/plain"`
}

type bytesBody struct {
	Body []byte
}

type readWriteOnly struct {
	Body struct {
		ID       int    `json:"id" readOnly:"true"`
		Password string `json:"password" writeOnly:"true"`
		Name     string `json:"name"`
	}
}

type uploadForm struct {
	File  huma.FormFile   `form:"file" contentType:"text/plain" required:"true"`
	Extra []huma.FormFile `form:"extra" required:"false"`
	Note  string          `form:"note" maxLength:"10"`
	Count int             `form:"count" minimum:"1"`
}

type uploadInput struct {
	RawBody huma.MultipartFormFiles[uploadForm]
}

type uploadOut struct {
	Body struct {
		Filename string   `json:"filename"`
		Type     string   `json:"type"`
		Content  string   `json:"content"`
		Extras   []string `json:"extras"`
		Note     string   `json:"note"`
		Count    int      `json:"count"`
	}
}

func upload(_ context.Context, in *uploadInput) (*uploadOut, error) {
	form := in.RawBody.Data()
	out := &uploadOut{}
	out.Body.Filename, out.Body.Type, out.Body.Note, out.Body.Count = form.File.Filename, form.File.ContentType, form.Note, form.Count
	content, err := io.ReadAll(form.File)
	if err != nil {
		return nil, huma.Error400BadRequest("could not read the file")
	}
	out.Body.Content = string(content)
	for _, f := range form.Extra {
		out.Body.Extras = append(out.Body.Extras, f.Filename)
	}
	return out, nil
}

type rawFormInput struct {
	RawBody multipart.Form
}

type rawFormOut struct {
	Body map[string][]string
}

// multipartBody is a multipart/form-data body: "name=value" fields and
// "name@filename:content-type=content" files.
func multipartBody(parts ...string) request {
	var b strings.Builder
	w := multipart.NewWriter(&b)
	_ = w.SetBoundary("parityboundary")
	for _, p := range parts {
		key, value, _ := strings.Cut(p, "=")
		if name, file, ok := strings.Cut(key, "@"); ok {
			filename, contentType, _ := strings.Cut(file, ":")
			h := make(map[string][]string)
			h["Content-Disposition"] = []string{`form-data; name="` + name + `"; filename="` + filename + `"`}
			if contentType != "" {
				h["Content-Type"] = []string{contentType}
			}
			fw, _ := w.CreatePart(h)
			_, _ = fw.Write([]byte(value))
			continue
		}
		_ = w.WriteField(key, value)
	}
	_ = w.Close()
	return request{method: http.MethodPost, body: b.String(), header: []string{"Content-Type: " + w.FormDataContentType()}}
}

func (q request) to(target string) request {
	q.target = target
	return q
}

func bodyRows() []row {
	const pet = `{"name":"Tom","kind":"cat"}`
	return []row{
		{name: "body/json-valid-and-defaults", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", pet), POST("/pets", `{"name":"Rex","kind":"dog","age":3,"tags":["a"],"owner":{"email":"a@example.com"},"indoors":false,"note":"n"}`)}},
		{name: "body/json-invalid", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{
				POST("/pets", `{"kind":"cat"}`),
				POST("/pets", `{"name":"","kind":"bird","age":-1}`),
				POST("/pets", `{"name":"Tom","kind":"cat","tags":["a","b","c","d"]}`),
				POST("/pets", `{"name":"Tom","kind":"cat","owner":{"email":"nope"}}`),
				POST("/pets", `{"name":7,"kind":"cat"}`),
			}},
		{name: "body/json-unknown-property", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", `{"name":"Tom","kind":"cat","color":"black"}`)}},
		{name: "body/json-malformed", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", `{"name":"Tom",`), POST("/pets", `[1,2]`), POST("/pets", `{"name":"Tom","kind":"cat"} trailing`)}},
		{name: "body/json-duplicate-member", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", `{"name":"Tom","name":"Jerry","kind":"cat"}`)}},
		{name: "body/json-invalid-utf8", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", "{\"name\":\"T\xffm\",\"kind\":\"cat\"}")}},
		{name: "body/required-missing", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", ""), send(http.MethodPost, "/pets", "")}},
		{name: "body/optional", setup: func(r routes) { post(r, "/pets", echo[optionalPetBody]) },
			requests: []request{send(http.MethodPost, "/pets", ""), POST("/pets", pet)}},
		{name: "body/without-content-type", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{send(http.MethodPost, "/pets", pet)}},
		{name: "body/unsupported-content-type", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{send(http.MethodPost, "/pets", pet, "Content-Type: text/plain"), send(http.MethodPost, "/pets", pet, "Content-Type: application/xml")}},
		{name: "body/json-suffix-content-type", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{send(http.MethodPost, "/pets", pet, "Content-Type: application/vnd.pets+json"), send(http.MethodPost, "/pets", pet, "Content-Type: application/json; charset=utf-8")}},
		{name: "body/schema-member", setup: func(r routes) { post(r, "/pets", echo[petBody]) },
			requests: []request{POST("/pets", `{"$schema":"https://example.com/schemas/Pet.json","name":"Tom","kind":"cat"}`)}},
		{name: "body/nullable", setup: func(r routes) { post(r, "/n", echo[nullableBody]) },
			requests: []request{POST("/n", `{"nick":null}`), POST("/n", `{"nick":"x","plan":null}`), POST("/n", `{}`)}},
		{name: "body/standard-types", setup: func(r routes) { post(r, "/amounts", echo[standardTypesBody]) },
			requests: []request{POST("/amounts", `{"amount":12.50,"count":12345678901234567890,"peer":"::1"}`), POST("/amounts", `{"amount":"12"}`), POST("/amounts", `{"amount":1,"count":"12"}`)}},
		{name: "body/string-option", setup: func(r routes) { post(r, "/ids", echo[stringOptionBody]) },
			requests: []request{POST("/ids", `{"id":"12345678901234567"}`), POST("/ids", `{"id":12}`)}},
		{name: "body/time-format", setup: func(r routes) { post(r, "/days", echo[dateBody]) },
			requests: []request{POST("/days", `{"day":"2024-05-06"}`), POST("/days", `{"day":"2024-05-06T00:00:00Z"}`)}},
		{name: "body/wire-shapes", setup: func(r routes) { post(r, "/shapes", echo[shapesBody]) },
			requests: []request{POST("/shapes", `{"labels":null,"digest":[1,2,3,4]}`), POST("/shapes", `{"labels":{},"digest":"AQIDBA=="}`)}},
		{name: "body/url-member", setup: func(r routes) { post(r, "/links", echo[urlBody]) },
			requests: []request{POST("/links", `{"link":"https://example.com/"}`)}},
		{name: "body/map", setup: func(r routes) { post(r, "/m", echo[mapBody]) },
			requests: []request{POST("/m", `{"a":1,"b":2}`), POST("/m", `{"a":"x"}`)}},
		{name: "body/list", setup: func(r routes) { post(r, "/l", echo[listBody]) },
			requests: []request{POST("/l", `[{"email":"a@example.com"}]`), POST("/l", `[]`), POST("/l", `[{"email":"a@example.com"},{"email":"b@example.com"},{"email":"c@example.com"}]`)}},
		{name: "body/read-write-only", setup: func(r routes) { post(r, "/users", echo[readWriteOnly]) },
			requests: []request{POST("/users", `{"name":"n","password":"p"}`), POST("/users", `{"id":1,"name":"n","password":"p"}`)}},
		{name: "body/raw-and-parsed", setup: func(r routes) {
			post(r, "/raw", func(_ context.Context, in *rawAndBody) (*struct{ Body map[string]any }, error) {
				return &struct{ Body map[string]any }{map[string]any{"raw": string(in.RawBody), "n": in.Body.N}}, nil
			})
		}, requests: []request{POST("/raw", `{"n": 5}`), POST("/raw", `{"n":"x"}`)}},
		{name: "body/raw-text", setup: func(r routes) {
			post(r, "/text", func(_ context.Context, in *rawText) (*struct{ Body string }, error) {
				return &struct{ Body string }{string(in.RawBody)}, nil
			})
		}, requests: []request{send(http.MethodPost, "/text", "hello", "Content-Type: text/plain"), send(http.MethodPost, "/text", "", "Content-Type: text/plain")}},
		{name: "body/bytes", setup: func(r routes) {
			post(r, "/bytes", func(_ context.Context, in *bytesBody) (*struct{ Body string }, error) {
				return &struct{ Body string }{string(in.Body)}, nil
			})
		}, requests: []request{send(http.MethodPost, "/bytes", "\x00\x01abc", "Content-Type: application/octet-stream")}},
		{name: "body/max-bytes", setup: func(r routes) {
			post(r, "/small", echo[mapBody], func(op *huma.Operation) { op.MaxBodyBytes = 16 })
		}, requests: []request{POST("/small", `{"a":1,"b":2222}`), POST("/small", `{"a":1,"b":22222}`), POST("/small", `{"a":1,"b":2222222222}`)}},
		{name: "body/skip-validate", setup: func(r routes) {
			post(r, "/pets", echo[petBody], func(op *huma.Operation) { op.SkipValidateBody = true })
		}, requests: []request{POST("/pets", `{"name":"","kind":"bird"}`)}},
		{name: "body/multipart-form-files", setup: func(r routes) { post(r, "/upload", upload) },
			requests: []request{
				multipartBody("file@a.txt:text/plain=hello", "extra@b.txt:text/plain=x", "extra@c.txt:text/plain=y", "note=hi", "count=2").to("/upload"),
				multipartBody("note=hi").to("/upload"),
				multipartBody("file@a.png:image/png=hello").to("/upload"),
				multipartBody("file@a.txt:text/plain=hello", "note=much too long", "count=0").to("/upload"),
			}},
		{name: "body/multipart-raw-form", setup: func(r routes) {
			post(r, "/form", func(_ context.Context, in *rawFormInput) (*rawFormOut, error) {
				return &rawFormOut{Body: in.RawBody.Value}, nil
			})
		}, requests: []request{multipartBody("a=1", "b=2").to("/form")}},
	}
}
