package main

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/internal/wiretest"
)

// tooLarge is a JSON body one byte over the default body limit, 1 MiB.
var tooLarge = `{"title":"` + strings.Repeat("x", 1<<20-len(`{"title":""}`)+1) + `"}`

// TestBookstore drives every operation of the bookstore through every
// status its document lists, with and without the token, and ends by
// checking that no documented status was left out but those that cannot
// be driven (listed there, with the reason).
func TestBookstore(t *testing.T) {
	c := newBookstoreClient(t)
	anonymous := c.anonymous()

	// Add a book.
	resp := c.Post("/v1/books", NewBook{Title: "The Left Hand of Darkness", Author: "Ursula K. Le Guin", Genre: "fiction", Year: 1969})
	book := decode[Book](t, c.expect("create-book", resp, http.StatusCreated))
	want := Book{ID: 1, Title: "The Left Hand of Darkness", Author: "Ursula K. Le Guin", Genre: "fiction", Year: 1969, CreatedAt: start, UpdatedAt: start}
	if !sameBook(book, want) {
		t.Errorf("created %+v, want %+v", book, want)
	}
	if got := resp.Header.Get("Location"); got != "/v1/books/1" {
		t.Errorf("Location = %q, want /v1/books/1", got)
	}
	if got := resp.Header.Get("ETag"); got != `"1"` {
		t.Errorf("ETag = %q, want \"1\"", got)
	}
	p := c.expectProblem("create-book", anonymous.Post("/v1/books", NewBook{Title: "Kindred", Author: "Octavia E. Butler"}),
		http.StatusUnauthorized, "requires valid credentials")
	c.expectProblem("create-book", c.Post("/v1/books", NewBook{Title: "Kindred", Author: "Octavia E. Butler"}, "Authorization: Bearer not-the-token"),
		http.StatusUnauthorized, "requires valid credentials")
	if strings.Contains(p.String(), testToken) {
		t.Errorf("a 401 names the token: %q", p)
	}
	c.expectProblem("create-book", c.Post("/v1/books", NewBook{Title: "", Author: "Octavia E. Butler", Genre: "romance", Year: 1000}),
		http.StatusUnprocessableEntity, "body.title")
	c.expectProblem("create-book", c.Post("/v1/books", `{"title": "Kindred"}`, "Content-Type: application/json"),
		http.StatusUnprocessableEntity, "author")
	c.expectProblem("create-book", c.Post("/v1/books", `{"title": "Kindred",`, "Content-Type: application/json"), http.StatusBadRequest, "")
	c.expectProblem("create-book", c.Post("/v1/books", "title=Kindred", "Content-Type: application/x-www-form-urlencoded"),
		http.StatusUnsupportedMediaType, "send one of: application/json")
	c.expectProblem("create-book", c.Post("/v1/books", tooLarge, "Content-Type: application/json"),
		http.StatusRequestEntityTooLarge, "larger than 1048576 bytes")
	// Nothing refused was added.
	if page := decode[BookPage](t, c.expect("list-books", c.Get("/v1/books"), http.StatusOK)); len(page.Books) != 1 {
		t.Fatalf("after one book and refusals, the list holds %d books", len(page.Books))
	}

	// Read it, revalidate it; anyone may.
	resp = anonymous.Get("/v1/books/1")
	if got := decode[Book](t, c.expect("get-book", resp, http.StatusOK)); !sameBook(got, want) {
		t.Errorf("read %+v, want %+v", got, want)
	}
	etag := resp.Header.Get("ETag")
	if etag != `"1"` || resp.Header.Get("Last-Modified") != "Wed, 01 May 2024 10:00:00 GMT" || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("200 headers: %v", resp.Header)
	}
	c.expect("get-book", anonymous.Get("/v1/books/1", "If-None-Match: "+etag), http.StatusNotModified)
	expectBodiless(t, wiretest.RoundTrip(t, c.addr, "GET", "/v1/books/1", "", "If-None-Match: "+etag), http.StatusNotModified)
	c.expectProblem("get-book", anonymous.Get("/v1/books/1", `If-Match: "0"`), http.StatusPreconditionFailed, "book 1 does not match If-Match")
	c.expectProblem("get-book", anonymous.Get("/v1/books/99"), http.StatusNotFound, "no book has this ID")
	c.expectProblem("get-book", anonymous.Get("/v1/books/0"), http.StatusUnprocessableEntity, "path.id")

	// Set its cover: a PNG, then a JPEG; a part without a Content-Type is
	// judged by its bytes.
	cover := pngImage(t, 4)
	body, form := uploadForm(t, coverPart{"cover", "cover.png", "image/png", cover})
	resp = c.Put("/v1/books/1/cover", body, form)
	changed := decode[Book](t, c.expect("put-book-cover", resp, http.StatusOK))
	if changed.Cover == nil || changed.Cover.MediaType != "image/png" || changed.Cover.Size != int64(len(cover)) ||
		changed.Cover.SHA256 != sha256Hex(cover) || !changed.UpdatedAt.After(book.UpdatedAt) {
		t.Errorf("after the PNG cover: %+v (cover %+v)", changed, changed.Cover)
	}
	if newTag := resp.Header.Get("ETag"); newTag == etag || newTag == "" {
		t.Errorf("the ETag did not change with the cover: %q", newTag)
	}
	c.expect("get-book", anonymous.Get("/v1/books/1", "If-None-Match: "+etag), http.StatusOK) // the old tag no longer matches
	body, form = uploadForm(t, coverPart{"cover", "cover.jpg", "", jpegImage(t)})
	if got := decode[Book](t, c.expect("put-book-cover", c.Put("/v1/books/1/cover", body, form), http.StatusOK)); got.Cover.MediaType != "image/jpeg" {
		t.Errorf("after a JPEG sent without a Content-Type: cover %+v", got.Cover)
	}

	// Cover refusals: credentials, the book, the form, the file's bytes,
	// the size.
	body, form = uploadForm(t, coverPart{"cover", "cover.png", "image/png", cover})
	c.expectProblem("put-book-cover", anonymous.Put("/v1/books/1/cover", body, form), http.StatusUnauthorized, "requires valid credentials")
	c.expectProblem("put-book-cover", c.Put("/v1/books/99/cover", body, form), http.StatusNotFound, "no book has this ID")
	c.expectProblem("put-book-cover", c.Put("/v1/books/0/cover", body, form), http.StatusUnprocessableEntity, "path.id")
	c.expectProblem("put-book-cover", c.Put("/v1/books/1/cover", cover, "Content-Type: image/png"),
		http.StatusUnsupportedMediaType, "send one of: multipart/form-data")
	for _, refusal := range []struct {
		name  string
		parts []coverPart
		says  string
	}{
		{"a GIF declared as a GIF", []coverPart{{"cover", "cover.gif", "image/gif", gifImage}}, "expected image/png,image/jpeg"},
		{"a GIF declared as a PNG", []coverPart{{"cover", "cover.png", "image/png", gifImage}}, "neither a PNG nor a JPEG image"},
		{"a GIF without a Content-Type", []coverPart{{"cover", "cover", "", gifImage}}, "got image/gif"},
		{"text declared as a JPEG", []coverPart{{"cover", "cover.jpg", "image/jpeg", []byte("not an image")}}, "neither a PNG nor a JPEG image"},
		{"a JPEG declared as a PNG", []coverPart{{"cover", "cover.png", "image/png", jpegImage(t)}}, "says image/png, but the file's bytes are those of image/jpeg"},
		{"no cover field", []coverPart{{"image", "cover.png", "image/png", cover}}, "File required"},
		{"two covers", []coverPart{{"cover", "a.png", "image/png", cover}, {"cover", "b.png", "image/png", cover}}, "only one was expected"},
	} {
		body, form := uploadForm(t, refusal.parts...)
		p := c.expectProblem("put-book-cover", c.Put("/v1/books/1/cover", body, form), http.StatusUnprocessableEntity, refusal.says)
		if t.Failed() {
			t.Fatalf("%s: %q", refusal.name, p)
		}
	}
	// The limit is the whole body, the form's framing included: a body of
	// exactly coverLimit bytes is taken, one byte more is not.
	exact, form := coverOfSize(t, coverLimit)
	if got := decode[Book](t, c.expect("put-book-cover", c.Put("/v1/books/1/cover", exact, form), http.StatusOK)); got.Cover.Size < coverLimit-300 {
		t.Errorf("a body of exactly the limit: cover %+v", got.Cover)
	}
	over, form := coverOfSize(t, coverLimit+1)
	c.expectProblem("put-book-cover", c.Put("/v1/books/1/cover", over, form), http.StatusRequestEntityTooLarge, fmt.Sprintf("larger than %d bytes", coverLimit))
	c.expectProblem("put-book-cover", c.Put("/v1/books/1/cover", slices.Repeat([]byte("x"), 4<<20), form), http.StatusRequestEntityTooLarge, "larger than")
	// A body that ends before its Content-Length said.
	res := truncatedUpload(t, c.addr, "/v1/books/1/cover", body, form)
	if res.Status != http.StatusBadRequest || !strings.Contains(res.Body, "could not be read") {
		t.Errorf("a truncated upload: %s %s", res.StatusLine, res.Body)
	}
	c.Check(mustRequest(t, "PUT", "/v1/books/1/cover"), res.Status, res.Header, []byte(res.Body))
	c.record("put-book-cover", res.Status)

	// List, filter, page through.
	for _, b := range []NewBook{
		{Title: "The Dispossessed", Author: "Ursula K. Le Guin", Genre: "fiction", Year: 1974},
		{Title: "Wild Seed", Author: "Octavia E. Butler", Genre: "fiction", Year: 1980},
		{Title: "Ariel", Author: "Sylvia Plath", Genre: "poetry", Year: 1965},
		{Title: "Silent Spring", Author: "Rachel Carson", Genre: "nonfiction", Year: 1962},
		{Title: "Untitled", Author: "Anonymous"},
	} {
		c.expect("create-book", c.Post("/v1/books", b), http.StatusCreated)
	}
	for _, q := range []struct {
		query string
		want  []string
	}{
		{"", []string{"The Left Hand of Darkness", "The Dispossessed", "Wild Seed", "Ariel", "Silent Spring", "Untitled"}},
		{"?genre=fiction", []string{"The Left Hand of Darkness", "The Dispossessed", "Wild Seed"}},
		{"?author=URSULA+K.+LE+GUIN", []string{"The Left Hand of Darkness", "The Dispossessed"}},
		{"?minYear=1965&maxYear=1974", []string{"The Left Hand of Darkness", "The Dispossessed", "Ariel"}},
		{"?minYear=1975", []string{"Wild Seed"}},
		{"?maxYear=1964", []string{"Silent Spring"}},
		{"?genre=children", nil},
		{"?after=5", []string{"Untitled"}},
	} {
		page := decode[BookPage](t, c.expect("list-books", anonymous.Get("/v1/books"+q.query), http.StatusOK))
		if got := titles(page.Books); !slices.Equal(got, q.want) || page.Next != "" {
			t.Errorf("GET /v1/books%s: %q (next %q), want %q", q.query, got, page.Next, q.want)
		}
	}
	var paged []string
	pages := 0
	for next := "/v1/books?genre=fiction&limit=2"; next != ""; pages++ {
		page := decode[BookPage](t, c.expect("list-books", anonymous.Get(next), http.StatusOK))
		paged = append(paged, titles(page.Books)...)
		next = page.Next
	}
	if want := []string{"The Left Hand of Darkness", "The Dispossessed", "Wild Seed"}; pages != 2 || !slices.Equal(paged, want) {
		t.Errorf("paged through fiction 2 at a time: %d pages, %q; want 2 pages, %q", pages, paged, want)
	}
	for query, says := range map[string]string{
		"?genre=romance":                      "query.genre",
		"?limit=0":                            "query.limit",
		"?limit=101":                          "query.limit",
		"?after=-1":                           "query.after",
		"?minYear=1449":                       "query.minYear",
		"?maxYear=2101":                       "query.maxYear",
		"?author=" + strings.Repeat("a", 101): "query.author",
		"?minYear=1980&maxYear=1970":          "maxYear (1970) is before minYear (1980)",
	} {
		c.expectProblem("list-books", anonymous.Get("/v1/books"+query), http.StatusUnprocessableEntity, says)
	}

	// The stream of changes opens at once with its "ready" event
	// (events_test.go reads what follows).
	events := anonymous.Stream("/v1/events")
	event, err := events.Next(5 * time.Second)
	if err != nil || event.Type != "ready" || event.Data != `{"books":6}` {
		t.Fatalf("the stream's first event: %+v, %v; want ready with 6 books", event, err)
	}
	events.Close()
	c.record("list-events", http.StatusOK)

	c.checkEveryStatusDriven()
}

// notDriven are the documented statuses no test drives, and why.
var notDriven = map[string]string{
	"* 500":               "no handler of the bookstore fails: its store is in memory (examples/statuscodes shows a 500)",
	"* 504":               "no handler waits on a deadline",
	"* 408":               "it takes a client that stalls for the operation's body read timeout, 5 seconds (framework's tests drive it)",
	"list-books 404":      "Config.ErrorMapping's statuses are documented on every operation Register adds; listing never looks a book up",
	"create-book 404":     "the same: adding a book never looks one up",
	"list-events default": "Huma's catch-all error response of an operation without declared errors, not a status",
}

// checkEveryStatusDriven fails unless the statuses the test drove are
// those the document lists, but those of notDriven.
func (c *bookstoreClient) checkEveryStatusDriven() {
	c.t.Helper()
	var documented []string
	for _, path := range c.app.OpenAPI().Paths {
		for _, op := range []*huma.Operation{path.Get, path.Post, path.Put, path.Patch, path.Delete} {
			if op == nil {
				continue
			}
			for status := range op.Responses {
				_, any := notDriven["* "+status]
				_, this := notDriven[op.OperationID+" "+status]
				if !any && !this {
					documented = append(documented, op.OperationID+" "+status)
				}
			}
		}
	}
	slices.Sort(documented)
	driven := slices.Sorted(maps.Keys(c.seen))
	if !slices.Equal(documented, driven) {
		c.t.Errorf("documented statuses and statuses driven differ:\ndocumented: %v\ndriven:     %v", documented, driven)
	}
}

func titles(books []Book) []string {
	var out []string
	for _, b := range books {
		out = append(out, b.Title)
	}
	return out
}

// coverOfSize returns a cover upload whose whole body is size bytes: a
// real PNG followed by as many zero bytes as it takes.
func coverOfSize(t *testing.T, size int) (body []byte, header string) {
	t.Helper()
	image := pngImage(t, 4)
	empty, _ := uploadForm(t, coverPart{"cover", "cover.png", "image/png", nil})
	padding := size - len(empty) - len(image)
	body, header = uploadForm(t, coverPart{"cover", "cover.png", "image/png", append(image, make([]byte, padding)...)})
	if len(body) != size {
		t.Fatalf("built a body of %d bytes, want %d", len(body), size)
	}
	return body, header
}

func mustRequest(t *testing.T, method, target string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// sameBook reports whether two books are equal, their times compared as
// instants.
func sameBook(a, b Book) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Author == b.Author && a.Genre == b.Genre && a.Year == b.Year &&
		(a.Cover == nil) == (b.Cover == nil) && (a.Cover == nil || *a.Cover == *b.Cover) &&
		a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt)
}
