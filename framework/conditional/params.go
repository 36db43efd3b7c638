package conditional

import (
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// Params are the conditional request headers. Embed Params in an
// operation's input struct: the four headers then appear in the document as
// parameters of the operation, and Evaluate decides the request.
//
// An empty header counts as absent, as in net/http's ServeContent.
type Params struct {
	IfMatch           string `header:"If-Match" doc:"Proceed only if the resource's current entity tag is one of these (strong comparison), or if it exists when the value is *. Otherwise the answer is 412 Precondition Failed."`
	IfNoneMatch       string `header:"If-None-Match" doc:"Proceed only if the resource's current entity tag is none of these (weak comparison), or if it does not exist when the value is *. Otherwise GET and HEAD answer 304 Not Modified and other methods 412 Precondition Failed."`
	IfModifiedSince   string `header:"If-Modified-Since" doc:"GET and HEAD only, and only without If-None-Match: answer 304 Not Modified unless the resource changed after this HTTP-date. An invalid date is ignored."`
	IfUnmodifiedSince string `header:"If-Unmodified-Since" doc:"Only without If-Match: proceed only if the resource has not changed after this HTTP-date, otherwise answer 412 Precondition Failed. An invalid date is ignored."`
}

var _ huma.Resolver = (*Params)(nil)

// Resolve is called by Huma after binding. Huma binds the first line of
// each header; a client may send a list over several lines (If-None-Match:
// "a" and If-None-Match: "b"), so Resolve joins every line of each header
// with ", ", as RFC 9110 section 5.3 defines. Two lines of a date header
// then make an invalid date, which is ignored, as the RFC asks.
func (p *Params) Resolve(ctx huma.Context) []error {
	var lines [4][]string
	if r := request(ctx); r != nil {
		// EachHeader's walk, without its callback: a callback passed to an
		// interface method escapes to the heap, and lines with it (two
		// allocations on every request).
		for name, values := range r.Header {
			if i := headerIndex(name); i >= 0 {
				if lines[i] == nil {
					lines[i] = values[:len(values):len(values)] // appending copies
				} else {
					lines[i] = append(lines[i], values...)
				}
			}
		}
	} else {
		lines = eachHeaderLines(ctx)
	}
	for i, field := range p.fields() {
		if len(lines[i]) > 0 {
			*field = strings.Join(lines[i], ", ")
		}
	}
	return nil
}

// eachHeaderLines returns the lines of the four headers as ctx.EachHeader
// gives them.
func eachHeaderLines(ctx huma.Context) [4][]string {
	var lines [4][]string
	ctx.EachHeader(func(name, value string) {
		if i := headerIndex(name); i >= 0 {
			lines[i] = append(lines[i], value)
		}
	})
	return lines
}

// request returns the request behind ctx when ctx is an adapter's context
// that exposes it as Huma's adapters do (humachi, humago, Signet's), with
// Unwrap() (*http.Request, http.ResponseWriter); such a context's
// EachHeader walks that request's header. A context that wraps another
// (and might change what EachHeader reports) gives nil.
func request(ctx huma.Context) *http.Request {
	if c, ok := ctx.(interface {
		Unwrap() (*http.Request, http.ResponseWriter)
	}); ok {
		r, _ := c.Unwrap()
		return r
	}
	return nil
}

// NewParams reads the conditional headers of r, for handlers written
// against net/http rather than registered with Signet.
func NewParams(r *http.Request) Params {
	var p Params
	for i, field := range p.fields() {
		*field = strings.Join(r.Header.Values(headerNames[i]), ", ")
	}
	return p
}

var headerNames = [4]string{"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"}

func (p *Params) fields() [4]*string {
	return [4]*string{&p.IfMatch, &p.IfNoneMatch, &p.IfModifiedSince, &p.IfUnmodifiedSince}
}

func headerIndex(name string) int {
	for i, n := range headerNames {
		if strings.EqualFold(name, n) {
			return i
		}
	}
	return -1
}
