package framework

import (
	"maps"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// negotiateFirst is an API middleware for Config.Huma.NoFormatFallback. A
// request whose Accept header admits none of the API's formats gets 406
// Not Acceptable, as the problem details Huma writes for it, before its
// handler runs; Huma runs the handler, writes the 406, then panics, which
// drops the connection. Huma's negotiation knows neither wildcards nor a
// missing Accept, and fails for them as for an unknown type; here a request
// without Accept, or with one that admits a format only through */* or
// type/*, gets the format it admits (RFC 9110 section 12.5.1), the
// DefaultFormat first.
func negotiateFirst(api huma.API, hc huma.Config) func(huma.Context, func(huma.Context)) {
	formats := mediaTypeFormats(hc)
	return func(ctx huma.Context, next func(huma.Context)) {
		accept := ctx.Header("Accept")
		if _, err := api.Negotiate(accept); err == nil {
			next(ctx)
			return
		}
		if format := admitted(accept, formats); format != "" {
			next(&acceptContext{humaContext: ctx, accept: format})
			return
		}
		// Huma's own 406, written in JSON as Huma writes it.
		_ = huma.WriteErr(api, &acceptContext{humaContext: ctx, accept: "application/json"},
			http.StatusNotAcceptable, "unable to marshal response", huma.ErrUnknownAcceptContentType)
	}
}

// mediaTypeFormats lists the media types of hc's formats, the DefaultFormat
// first and then in order of name. Keys that are not media types ("json",
// for any +json type) are left out: a client does not ask for them.
func mediaTypeFormats(hc huma.Config) []string {
	var formats []string
	for _, key := range slices.Sorted(maps.Keys(hc.Formats)) {
		if isMediaType(key) && key != hc.DefaultFormat {
			formats = append(formats, strings.ToLower(key))
		}
	}
	if isMediaType(hc.DefaultFormat) {
		formats = slices.Insert(formats, 0, strings.ToLower(hc.DefaultFormat))
	}
	return formats
}

// isMediaType reports whether a key of Formats is a media type, rather
// than a structured syntax suffix ("json" stands for any +json type).
func isMediaType(key string) bool { return strings.Contains(key, "/") }

// admitted returns the format of formats that an Accept header value
// admits with the highest quality, the earliest of equals; "" for none. A
// format's quality is that of the most specific media range that matches
// it (RFC 9110 section 12.5.1); no Accept admits anything.
func admitted(accept string, formats []string) string {
	if strings.TrimSpace(accept) == "" {
		if len(formats) == 0 {
			return ""
		}
		return formats[0]
	}
	var ranges []mediaRange
	for _, part := range strings.Split(accept, ",") {
		if r, ok := parseMediaRange(part); ok {
			ranges = append(ranges, r)
		}
	}
	best, bestQ := "", 0.0
	for _, format := range formats {
		if q := quality(ranges, format); q > bestQ {
			best, bestQ = format, q
		}
	}
	return best
}

// mediaRange is one element of an Accept header: type/subtype, either of
// which may be *, and its quality.
type mediaRange struct {
	typ, sub string
	q        float64
}

func parseMediaRange(s string) (mediaRange, bool) {
	mediaType, params, err := mime.ParseMediaType(s)
	if err != nil {
		return mediaRange{}, false
	}
	typ, sub, ok := strings.Cut(mediaType, "/")
	if !ok || typ == "*" && sub != "*" {
		return mediaRange{}, false
	}
	q := 1.0
	if v, ok := params["q"]; ok {
		if q, err = strconv.ParseFloat(v, 64); err != nil || q < 0 || q > 1 {
			return mediaRange{}, false
		}
	}
	return mediaRange{typ, sub, q}, true
}

// quality is the quality ranges give format: that of the most specific
// range that matches it, 0 when none does.
func quality(ranges []mediaRange, format string) float64 {
	typ, sub, _ := strings.Cut(format, "/")
	q, specificity := 0.0, -1
	for _, r := range ranges {
		s := -1
		switch {
		case r.typ == typ && r.sub == sub:
			s = 2
		case r.typ == typ && r.sub == "*":
			s = 1
		case r.typ == "*":
			s = 0
		}
		if s > specificity {
			q, specificity = r.q, s
		}
	}
	return q
}

// acceptContext is a request's context as Huma's negotiation must see it:
// with accept as its Accept header.
type acceptContext struct {
	humaContext
	accept string
}

// humaContext names huma.Context for embedding: its own name would clash
// with its method Context.
type humaContext = huma.Context

func (c *acceptContext) Header(name string) string {
	if strings.EqualFold(name, "Accept") {
		return c.accept
	}
	return c.humaContext.Header(name)
}

// Unwrap returns the request's own context, as Huma's context wrappers do.
func (c *acceptContext) Unwrap() huma.Context { return c.humaContext }
