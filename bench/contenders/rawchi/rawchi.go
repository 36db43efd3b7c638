// Package rawchi is the catalog API written by hand on chi with
// encoding/json: parameters parsed and validated by hand, no reflection, no
// document generated. It is the reference limit the frameworks are measured
// against.
package rawchi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
	"github.com/signet-go/signet/bench/catalog"
)

// maxBodyBytes is the largest request body accepted, as in Huma's default.
const maxBodyBytes = 1 << 20

// New returns the API; document is served at /openapi.json as it is.
func New(document []byte) http.Handler {
	r := chi.NewMux()
	r.Get("/items", listItems)
	r.Post("/items", createItem)
	r.Get("/items/{id}", getItem)
	r.Delete("/items/{id}", deleteItem)
	r.Get("/openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(document)
	})
	return r
}

// Startup registers n GET operations on distinct paths.
func Startup(n int) http.Handler {
	r := chi.NewMux()
	for i := range n {
		r.Get("/r"+strconv.Itoa(i)+"/items/{id}", getItem)
	}
	return r
}

func getItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(w, r)
	if !ok {
		return
	}
	currency := r.URL.Query().Get("currency")
	switch currency {
	case "":
		currency = "EUR"
	case "EUR", "USD":
	default:
		writeProblem(w, http.StatusUnprocessableEntity, "currency must be EUR or USD")
		return
	}
	item, found := catalog.Get(id, currency)
	if !found {
		writeProblem(w, http.StatusNotFound, "no item with this id")
		return
	}
	etag := catalog.ETag(id)
	w.Header().Set("ETag", etag)
	if IfNoneMatchHas(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	writeJSON(w, http.StatusOK, item)
}

func listItems(w http.ResponseWriter, r *http.Request) {
	limit := 20
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			writeProblem(w, http.StatusUnprocessableEntity, "limit must be an integer from 1 to 100")
			return
		}
		limit = n
	}
	writeJSON(w, http.StatusOK, catalog.List(limit))
}

// draft is a POST body; pointers tell a missing field from a zero one.
type draft struct {
	Name  *string  `json:"name"`
	Price *float64 `json:"price"`
	Tags  []string `json:"tags"`
}

func createItem(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	var d draft
	if err := dec.Decode(&d); err != nil {
		if strings.HasPrefix(err.Error(), "json: unknown field") {
			writeProblem(w, http.StatusUnprocessableEntity, "unknown field")
			return
		}
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeProblem(w, http.StatusRequestEntityTooLarge, "body too large")
			return
		}
		writeProblem(w, http.StatusBadRequest, "malformed JSON")
		return
	}
	if dec.More() {
		writeProblem(w, http.StatusBadRequest, "malformed JSON")
		return
	}
	if problem := validate(d); problem != "" {
		writeProblem(w, http.StatusUnprocessableEntity, problem)
		return
	}
	item := catalog.Create(*d.Name, *d.Price, d.Tags)
	w.Header().Set("Location", catalog.Location(item.ID))
	writeJSON(w, http.StatusCreated, item)
}

func validate(d draft) string {
	switch {
	case d.Name == nil:
		return "name is required"
	case utf8.RuneCountInString(*d.Name) < catalog.NameMinLength || utf8.RuneCountInString(*d.Name) > catalog.NameMaxLength:
		return "name must have 1 to 100 characters"
	case d.Price == nil:
		return "price is required"
	case *d.Price < 0 || *d.Price > catalog.PriceMaximum:
		return "price must be from 0 to 1000000"
	case len(d.Tags) > catalog.TagsMaxItems:
		return "at most 8 tags"
	}
	return ""
}

func deleteItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(w, r)
	if !ok {
		return
	}
	if !catalog.Exists(id) {
		writeProblem(w, http.StatusNotFound, "no item with this id")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// itemID parses the id path parameter, or answers 422.
func itemID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id < 1 {
		writeProblem(w, http.StatusUnprocessableEntity, "id must be an integer >= 1")
		return 0, false
	}
	return id, true
}

// IfNoneMatchHas reports whether an If-None-Match header value lists etag
// (or is "*"), by the weak comparison RFC 9110 section 13.1.2 asks for.
func IfNoneMatchHas(header, etag string) bool {
	for candidate := range strings.SplitSeq(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == "*" || candidate == etag {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		writeProblem(w, http.StatusInternalServerError, "")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

type problem struct {
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
}

func writeProblem(w http.ResponseWriter, status int, detail string) {
	body, _ := json.Marshal(problem{Title: http.StatusText(status), Status: status, Detail: detail})
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
