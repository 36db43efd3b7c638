package framework

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
	"github.com/signet-go/signet/framework/internal/jsonformat"
)

// App is a Signet API: a chi router, the Huma API that registers operations
// on it, and the routes that serve the document and the docs. It is an
// http.Handler.
type App struct {
	config Config
	logger *slog.Logger
	router *chi.Mux
	api    huma.API
	routes *routeTable

	mu          sync.Mutex // guards middlewares, started and checkedSchemas
	middlewares []func(http.Handler) http.Handler
	started     bool
	// checkedSchemas are the references of the body schemas that passed
	// checkBodySchemas.
	checkedSchemas map[string]bool
	handler        http.Handler // middlewares around router, built on the first request
	routeErr       error        // a route an operation lost to Router(), found on the first request
	buildOnce      sync.Once

	// streamsEnd is done when a server of the App begins to shut down: the
	// requests of streaming operations, which run until their client
	// leaves, end then, so that the shutdown does not wait for them.
	streamsEnd context.Context
	endStreams context.CancelFunc
}

// New creates an App from config. It panics, saying what to change, for a
// configuration Signet cannot honour (see Config.Huma and Config.DocsPath).
func New(config Config) *App {
	hc, config := startingConfig(config)
	config = config.withDefaults()
	if err := config.ErrorMapping.check(); err != nil {
		panic("signet: " + err.Error())
	}
	a := &App{config: config, logger: config.Logger, router: chi.NewMux(), routes: newRouteTable()}
	a.streamsEnd, a.endStreams = context.WithCancel(context.Background())
	a.router.NotFound(a.notFound)
	a.router.MethodNotAllowed(a.methodNotAllowed)
	a.api = huma.NewAPI(a.withSignetRules(hc), &adapter{app: a, router: a.router})
	documentStandardTypes(a.api.OpenAPI().Components.Schemas)
	if hc.NoFormatFallback {
		a.api.UseMiddleware(negotiateFirst(a.api, hc))
	}
	a.mountDocuments()
	a.mountDocs()
	return a
}

// withSignetRules adds Signet's rules to the Huma configuration the App
// starts from (startingConfig): its JSON policy to every JSON format; its
// document hooks after the configuration's own, so that they see each
// operation as the program made it; its problem transformer after the
// configuration's transformers, so that it sees the problem a client will
// get.
func (a *App) withSignetRules(hc huma.Config) huma.Config {
	hc.Formats = jsonformat.Formats(hc.Formats)
	hc.OnAddOperation = append(slices.Clone(hc.OnAddOperation),
		acceptSchemaMember, documentConfiguredStatuses(hc), documentRules, documentFormats(hc))
	sanitize := sanitizeProblem(a.logger)
	if len(hc.Transformers) == 0 {
		hc.Transformers = []huma.Transformer{sanitize}
	} else { // one of them may wrap a problem (Huma's schema links do)
		hc.Transformers = append(slices.Clone(hc.Transformers), sanitize, sanitizeWrappedProblem(sanitize))
	}
	return hc
}

// ServeHTTP serves a request through the middlewares and the router,
// with the security headers every response carries. It panics, on every
// request, when a handler mounted on Router() replaced an operation's
// route: the document would list what the App does not run.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.buildOnce.Do(a.build)
	if a.routeErr != nil {
		panic(a.routeErr)
	}
	setSecurityHeaders(w.Header())
	a.handler.ServeHTTP(w, r)
}

// build ends registration: from here on operations and middlewares are
// refused, and the routes are checked once.
func (a *App) build() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.started = true
	var h http.Handler = a.router
	for i := len(a.middlewares) - 1; i >= 0; i-- {
		h = a.middlewares[i](h)
	}
	a.handler = h
	a.routeErr = a.routes.checkMounted(a.router)
}

// Use adds middlewares around every route, the document and docs routes
// included; the first added is the outermost. Unlike chi's Mux.Use, it may
// be called after operations are registered, up to the first request; after
// that it panics.
func (a *App) Use(middlewares ...func(http.Handler) http.Handler) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.started {
		panic("signet: App.Use called after the App served its first request; add middleware before serving")
	}
	a.middlewares = append(a.middlewares, middlewares...)
}

// Router returns the chi router, for mounting handlers that are not
// operations. Add middleware with App.Use rather than Router().Use. A
// handler may not take a method and path that an operation serves: that is
// refused when the operation is registered after it, and on the App's
// first request when the handler is mounted after the operation.
func (a *App) Router() chi.Router { return a.router }

// API returns the Huma API, for Huma features Signet does not wrap.
func (a *App) API() huma.API { return a.api }

// Logger returns the logger the App logs to: Config.Logger, or
// slog.Default().
func (a *App) Logger() *slog.Logger { return a.logger }

// OpenAPI returns the document. It may be edited until the first request
// for it; after that the served bytes do not change.
func (a *App) OpenAPI() *huma.OpenAPI { return a.api.OpenAPI() }

// scope makes an App the Routes of its top-level operations.
func (a *App) scope(*Operation) *App { return a }

// methodNotAllowed answers 405 as problem details with the Allow header RFC
// 9110 section 15.5.6 requires.
func (a *App) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	var allowed []string
	for _, method := range allowableMethods {
		if a.router.Match(chi.NewRouteContext(), method, r.URL.Path) {
			allowed = append(allowed, method)
		}
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	writeProblem(w, r, http.StatusMethodNotAllowed, "")
}

var allowableMethods = []string{
	http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
	http.MethodPatch, http.MethodDelete, http.MethodOptions,
}
