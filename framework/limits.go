package framework

import (
	"net/http"
	"reflect"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// The defaults of Config's limits.
const (
	defaultReadHeaderTimeout = 10 * time.Second
	defaultReadTimeout       = 60 * time.Second
	defaultWriteTimeout      = 60 * time.Second
	defaultIdleTimeout       = 120 * time.Second
	defaultMaxHeaderBytes    = 64 << 10
	defaultShutdownGrace     = 10 * time.Second
	defaultMaxBodyBytes      = 1 << 20
)

// limitsWithDefaults sets every zero limit of c to its default.
func (c *Config) limitsWithDefaults() {
	for _, d := range []struct {
		field *time.Duration
		value time.Duration
	}{
		{&c.ReadHeaderTimeout, defaultReadHeaderTimeout},
		{&c.ReadTimeout, defaultReadTimeout},
		{&c.WriteTimeout, defaultWriteTimeout},
		{&c.IdleTimeout, defaultIdleTimeout},
		{&c.ShutdownGrace, defaultShutdownGrace},
	} {
		if *d.field == 0 {
			*d.field = d.value
		}
	}
	if c.MaxHeaderBytes == 0 {
		c.MaxHeaderBytes = defaultMaxHeaderBytes
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = defaultMaxBodyBytes
	}
}

// newServer returns the http.Server that serves the App, with Config's
// limits. A negative limit becomes net/http's "no limit".
func (a *App) newServer() *http.Server {
	c := a.config
	return &http.Server{
		Handler:           a,
		ReadHeaderTimeout: max(c.ReadHeaderTimeout, 0),
		ReadTimeout:       max(c.ReadTimeout, 0),
		WriteTimeout:      max(c.WriteTimeout, 0),
		IdleTimeout:       max(c.IdleTimeout, 0),
		MaxHeaderBytes:    max(c.MaxHeaderBytes, 0),
	}
}

// applyLimits prepares op, before Huma registers it, for the App's limits
// and input policies (see inputpolicy.go):
//   - the body limit: op.MaxBodyBytes, else Config.MaxBodyBytes, with a
//     body of exactly the limit accepted (Huma rejects a body whose length
//     equals its MaxBodyBytes, so it is given the limit plus one);
//   - a streaming operation is exempt from the server's WriteTimeout.
func (a *App) applyLimits(op *Operation, input, output reflect.Type) {
	limit := op.MaxBodyBytes
	if limit == 0 {
		limit = a.config.MaxBodyBytes
	}
	if limit > 0 {
		op.MaxBodyBytes = limit + 1
	} else {
		op.MaxBodyBytes = -1 // Huma: no limit
	}
	var policies huma.Middlewares
	if hasBody(input) {
		policies = append(policies, a.checkBodyHeaders, readBodyErrorsAsBadRequest)
	}
	if ranges := integerParams(input); len(ranges) > 0 {
		policies = append(policies, a.checkIntegerRanges(ranges))
	}
	if isStreaming(output) {
		policies = append(policies, liftWriteDeadline)
	}
	op.Middlewares = append(policies, op.Middlewares...)
}

// bodyLimit is the largest body op accepts, or a negative number for none.
func bodyLimit(op *huma.Operation) int64 {
	return op.MaxBodyBytes - 1
}

// hasBody reports whether an input type reads a request body: Huma reads
// one into a Body or RawBody field.
func hasBody(input reflect.Type) bool {
	input = derefType(input)
	return input.Kind() == reflect.Struct && (hasField(input, "Body") || hasField(input, "RawBody"))
}

// isStreaming reports whether an output type streams its body: Huma calls
// a Body of type func(huma.Context) to write the response as it goes.
func isStreaming(output reflect.Type) bool {
	output = derefType(output)
	if output.Kind() != reflect.Struct {
		return false
	}
	body, ok := output.FieldByName("Body")
	return ok && body.Type == reflect.TypeFor[func(huma.Context)]()
}

// liftWriteDeadline removes the write deadline that the server's
// WriteTimeout set for this request, so that a stream may run as long as it
// needs. Under a server without a WriteTimeout it changes nothing.
func liftWriteDeadline(ctx huma.Context, next func(huma.Context)) {
	_, w := Unwrap(ctx)
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	next(ctx)
}
