package framework

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"mime/multipart"
	"net"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// Input policies that every operation gets, as Huma operation middlewares
// (applyLimits installs them). Each closes a gap between what Huma does
// with a hostile request and what an API should do; the hostile-input
// suite (hostile_test.go) shows each on the wire.

// checkBodyHeaders refuses, before any of the body is read:
//   - with 413, a body whose Content-Length is over the operation's limit
//     (Huma would wait for the body, and answer 408 if it never comes);
//   - with 415, a body that comes without a Content-Type. Huma would read
//     it as JSON; but a browser sends a body without a Content-Type
//     cross-origin without asking first (no CORS preflight), so accepting
//     it would let any web page post JSON with the user's cookies.
func (a *App) checkBodyHeaders(ctx huma.Context, next func(huma.Context)) {
	op := ctx.Operation()
	if op.RequestBody == nil {
		next(ctx)
		return
	}
	r, _ := Unwrap(ctx)
	if limit := bodyLimit(op); limit >= 0 && r.ContentLength > limit {
		_ = huma.WriteErr(a.api, ctx, http.StatusRequestEntityTooLarge, tooLarge(limit))
		return
	}
	if limit := bodyLimit(op); limit >= 0 && isMultipart(ctx.Header("Content-Type")) {
		// Huma limits the bodies it reads itself, but not the multipart forms
		// net/http parses for it, whose files spill to disk.
		_, w := Unwrap(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	if r.ContentLength != 0 && ctx.Header("Content-Type") == "" {
		accepted := slices.Sorted(maps.Keys(op.RequestBody.Content))
		_ = huma.WriteErr(a.api, ctx, http.StatusUnsupportedMediaType, fmt.Sprintf(
			"the request has a body but no Content-Type; send one of: %s", strings.Join(accepted, ", ")))
		return
	}
	next(ctx)
}

func isMultipart(contentType string) bool {
	mediaType, _, _ := strings.Cut(contentType, ";")
	return strings.EqualFold(strings.TrimSpace(mediaType), "multipart/form-data")
}

func tooLarge(limit int64) string {
	return fmt.Sprintf("the request body is larger than %d bytes, the limit of this operation; send a smaller body", limit)
}

// readBodyErrorsAsBadRequest makes a body that cannot be read (malformed
// chunked encoding, a connection that ends before the body does) a 400:
// Huma answers 500, an error of the server, for what the client did. And a
// multipart form over the body limit a 413, where Huma answers 422.
func readBodyErrorsAsBadRequest(ctx huma.Context, next func(huma.Context)) {
	if ctx.Operation().RequestBody == nil { // Huma reads no body: spare the allocation
		next(ctx)
		return
	}
	next(&bodyReadContext{humaContext: ctx})
}

// bodyReadContext notes whether reading the body failed, and then sends
// 400 where Huma sends 500; describeBodyErrors rewrites the problem.
type bodyReadContext struct {
	humaContext
	body     io.Reader
	failed   bool // reading the body failed
	tooLarge bool // a multipart form was over the body limit
}

// humaContext lets bodyReadContext embed a huma.Context, whose method
// Context would clash with the field name.
type humaContext = huma.Context

func (c *bodyReadContext) Unwrap() huma.Context { return c.humaContext }

func (c *bodyReadContext) BodyReader() io.Reader {
	c.body = c.humaContext.BodyReader()
	if c.body == nil {
		return nil
	}
	return c
}

func (c *bodyReadContext) Read(p []byte) (int, error) {
	n, err := c.body.Read(p)
	if err != nil && err != io.EOF && !isTimeout(err) {
		c.failed = true
	}
	return n, err
}

// isTimeout reports whether err is a net.Error that timed out. (Its own
// function: the target errors.As fills escapes to the heap, and so is
// allocated only for an error, not on every Read.)
func isTimeout(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

func (c *bodyReadContext) GetMultipartForm() (*multipart.Form, error) {
	form, err := c.humaContext.GetMultipartForm()
	if err != nil {
		var tooLarge *http.MaxBytesError
		c.tooLarge = errors.As(err, &tooLarge)
	}
	return form, err
}

func (c *bodyReadContext) SetStatus(code int) {
	switch {
	case c.tooLarge && code >= 400:
		code = http.StatusRequestEntityTooLarge
	case code == http.StatusInternalServerError && c.failed:
		code = http.StatusBadRequest
	}
	c.humaContext.SetStatus(code)
}

// describeBodyErrors is a Huma transformer that restates the problems
// Huma writes about request bodies: a 500 for a body that could not be
// read becomes the 400 that bodyReadContext sent, and a 413 states the
// limit the App was given (Huma's states the limit plus one). A 413 that a
// handler chose keeps its own detail.
func describeBodyErrors(ctx huma.Context, _ string, v any) (any, error) {
	problem, ok := v.(*huma.ErrorModel)
	if !ok {
		return v, nil
	}
	read := bodyRead(ctx)
	switch {
	case problem.Status == http.StatusRequestEntityTooLarge && strings.HasPrefix(problem.Detail, "request body is too large"),
		read != nil && read.tooLarge && problem.Status >= 400:
		problem.Status = http.StatusRequestEntityTooLarge
		problem.Title = http.StatusText(http.StatusRequestEntityTooLarge)
		problem.Detail = tooLarge(bodyLimit(ctx.Operation()))
		problem.Errors = nil
	case problem.Status == http.StatusInternalServerError && read != nil && read.failed:
		problem.Status = http.StatusBadRequest
		problem.Title = http.StatusText(http.StatusBadRequest)
		problem.Detail = "the request body could not be read: it ended early or its chunked encoding is malformed"
		problem.Errors = nil
	}
	return v, nil
}

// bodyRead returns the bodyReadContext among ctx and the contexts it
// wraps, or nil.
func bodyRead(ctx huma.Context) *bodyReadContext {
	for {
		if c, ok := ctx.(*bodyReadContext); ok {
			return c
		}
		inner, ok := ctx.(interface{ Unwrap() huma.Context })
		if !ok {
			return nil
		}
		ctx = inner.Unwrap()
	}
}

// integerParam is a parameter bound to an integer narrower than 64 bits.
// Huma parses every integer parameter as 64 bits and stores it with
// reflect's SetInt, which truncates: ?n=4294967297 reaches an int32 field
// as 1. checkIntegerRanges refuses such values with 422 instead.
type integerParam struct {
	in, name string
	min, max int64  // for signed types
	umax     uint64 // for unsigned types
	unsigned bool
}

// integerParams lists the narrow integer parameters of an input type.
func integerParams(input reflect.Type) []integerParam {
	input = derefType(input)
	if input.Kind() != reflect.Struct {
		return nil
	}
	var params []integerParam
	for _, f := range reflect.VisibleFields(input) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		for _, in := range []string{"path", "query", "header", "cookie"} {
			tag, ok := f.Tag.Lookup(in)
			if !ok {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			p := integerParam{in: in, name: name}
			bits := f.Type.Bits
			switch f.Type.Kind() {
			case reflect.Int8, reflect.Int16, reflect.Int32:
				p.min, p.max = -1<<(bits()-1), 1<<(bits()-1)-1
			case reflect.Uint8, reflect.Uint16, reflect.Uint32:
				p.unsigned, p.umax = true, 1<<bits()-1
			case reflect.Int, reflect.Uint:
				if bits() == 64 {
					continue
				}
				p.min, p.max, p.umax, p.unsigned = math.MinInt32, math.MaxInt32, math.MaxUint32, f.Type.Kind() == reflect.Uint
			default:
				continue
			}
			params = append(params, p)
		}
	}
	return params
}

// checkIntegerRanges refuses with 422 a request whose value for one of
// params does not fit its Go type. Values that are not integers at all are
// left to Huma, which reports them.
func (a *App) checkIntegerRanges(params []integerParam) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		var details []error
		for _, p := range params {
			v := paramValue(ctx, p.in, p.name)
			if v == "" {
				continue
			}
			var err error
			if p.unsigned {
				var u uint64
				u, err = strconv.ParseUint(v, 10, 64)
				if err == nil && u > p.umax {
					err = strconv.ErrRange
				}
			} else {
				var i int64
				i, err = strconv.ParseInt(v, 10, 64)
				if err == nil && (i < p.min || i > p.max) {
					err = strconv.ErrRange
				}
			}
			if errors.Is(err, strconv.ErrRange) {
				// The message is built only here: this runs on every request.
				message := fmt.Sprintf("expected integer from %d to %d", p.min, p.max)
				if p.unsigned {
					message = fmt.Sprintf("expected integer from 0 to %d", p.umax)
				}
				details = append(details, &huma.ErrorDetail{Location: p.in + "." + p.name, Message: message})
			}
		}
		if len(details) > 0 {
			_ = huma.WriteErr(a.api, ctx, http.StatusUnprocessableEntity, "validation failed", details...)
			return
		}
		next(ctx)
	}
}

// paramValue returns the raw value of a parameter, as Huma reads it.
func paramValue(ctx huma.Context, in, name string) string {
	switch in {
	case "path":
		return ctx.Param(name)
	case "query":
		return ctx.Query(name)
	case "header":
		return ctx.Header(name)
	default:
		r, _ := Unwrap(ctx)
		if c, err := r.Cookie(name); err == nil {
			return c.Value
		}
		return ""
	}
}
