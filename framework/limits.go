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

// humaDefaultMaxBodyBytes is the MaxBodyBytes Huma gives an operation with
// a body that leaves it at 0.
const humaDefaultMaxBodyBytes = 1 << 20

// bodyLimit is the largest request body op accepts: the operation's own
// MaxBodyBytes when its registration set one, else Config.MaxBodyBytes;
// negative means none. framework.Register records what the caller set
// before Huma fills in its default; for an operation registered through
// Huma directly, Huma's default (1 MiB) cannot be told from a 1 MiB chosen
// on purpose, and is taken as unset.
func (a *App) bodyLimit(op *huma.Operation) int64 {
	limit := op.MaxBodyBytes
	if facts := factsOf(op); facts != nil {
		limit = facts.maxBodyBytes
	} else if limit == humaDefaultMaxBodyBytes {
		limit = 0
	}
	if limit == 0 {
		limit = a.config.MaxBodyBytes
	}
	return max(limit, -1)
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
