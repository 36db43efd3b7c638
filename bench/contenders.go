package bench

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"sync"

	"github.com/signet-go/signet/bench/contenders/fuegoapi"
	"github.com/signet-go/signet/bench/contenders/rawchi"
	"github.com/signet-go/signet/bench/contenders/signetapi"
	"github.com/signet-go/signet/bench/contenders/stockhuma"
)

// Contender is one implementation of the catalog API.
type Contender struct {
	Name string
	// API builds the API.
	API func() http.Handler
	// Startup registers n operations; the start-up benchmark then asks for
	// the document once, as the first client of a new server would.
	Startup func(n int) http.Handler
}

// Contenders are the implementations, the reference first: benchstat
// compares each column to the first.
var Contenders = []Contender{
	{"raw-chi", func() http.Handler { return rawchi.New(signetDocument()) }, rawchi.Startup},
	{"huma", stockhuma.New, stockhuma.Startup},
	{"huma-nolinks", stockhuma.NewWithoutLinks, stockhuma.StartupWithoutLinks},
	{"fuego", fuegoapi.New, fuegoapi.Startup},
	{"signet", func() http.Handler { return signetapi.New() }, signetapi.Startup},
}

// signetDocument is the document raw chi serves as static bytes: Signet's,
// so that the /openapi.json scenario sends a document of the same size.
var signetDocument = sync.OnceValue(func() []byte {
	w := httptest.NewRecorder()
	signetapi.New().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	if w.Code != http.StatusOK {
		panic("signet did not serve its document: " + w.Body.String())
	}
	return bytes.Clone(w.Body.Bytes())
})
