package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/frameworktest"
)

// testToken is the bearer token of the bookstores the tests serve.
const testToken = "test-token-3f9c"

// clock is a deterministic now: each call is one minute after the last.
type clock struct {
	mu   sync.Mutex
	next time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.next
	c.next = c.next.Add(time.Minute)
	return t
}

// start is the time of the first change in a test's bookstore.
var start = time.Date(2024, time.May, 1, 10, 0, 0, 0, time.UTC)

// newTestApp builds a bookstore on s with the test token, a deterministic
// clock and a logger that discards.
func newTestApp(s *store) *framework.App {
	c := &clock{next: start}
	return newApp(s, testToken, defaultURL, c.now, slog.New(slog.DiscardHandler))
}

// bookstoreClient sends requests with the test token to a bookstore on
// 127.0.0.1 through frameworktest, which checks every response against the
// document, and records which documented status of which operation each
// test drove.
type bookstoreClient struct {
	*frameworktest.Client
	t     *testing.T
	app   *framework.App
	store *store
	addr  string // host:port, for raw requests

	mu   sync.Mutex
	seen map[string]bool // "operationID status"
}

func newBookstoreClient(t *testing.T) *bookstoreClient {
	s := newStore()
	app := newTestApp(s)
	c := &bookstoreClient{Client: frameworktest.New(t, app, frameworktest.Bearer(testToken)), t: t, app: app, store: s, seen: map[string]bool{}}
	c.addr = strings.TrimPrefix(c.URL(), "http://")
	return c
}

// anonymous is the client without the token.
func (c *bookstoreClient) anonymous() *frameworktest.Client {
	return c.With(frameworktest.NoCredentials())
}

// expect fails unless resp has status, records it for operation, and
// returns the body.
func (c *bookstoreClient) expect(operation string, resp *http.Response, status int) []byte {
	c.t.Helper()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		c.t.Fatalf("%s: got %s, want %d; body: %s", operation, resp.Status, status, body)
	}
	c.record(operation, status)
	return body
}

func (c *bookstoreClient) record(operation string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[fmt.Sprintf("%s %d", operation, status)] = true
}

// problem is an RFC 9457 problem as the bookstore sends it.
type problem struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Message  string `json:"message"`
		Location string `json:"location"`
	} `json:"errors"`
}

// String is the problem's detail and errors, for the test's messages and
// for looking up what they say.
func (p problem) String() string {
	var b strings.Builder
	b.WriteString(p.Detail)
	for _, e := range p.Errors {
		fmt.Fprintf(&b, "; %s: %s", e.Location, e.Message)
	}
	return b.String()
}

// expectProblem fails unless resp is a problem with status whose detail
// or errors contain says.
func (c *bookstoreClient) expectProblem(operation string, resp *http.Response, status int, says string) problem {
	c.t.Helper()
	body := c.expect(operation, resp, status)
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		c.t.Errorf("%s %d: Content-Type %q, want application/problem+json", operation, status, ct)
	}
	p := decode[problem](c.t, body)
	if p.Status != status || !strings.Contains(p.String(), says) {
		c.t.Errorf("%s %d: problem %d %q, want status %d and a text containing %q", operation, status, p.Status, p, status, says)
	}
	return p
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	return v
}

// coverPart is one part of a cover upload: its form field, file name,
// declared Content-Type ("" for none) and bytes.
type coverPart struct {
	field, filename, contentType string
	content                      []byte
}

// uploadForm encodes parts as multipart/form-data and returns the body and
// its Content-Type header line.
func uploadForm(t *testing.T, parts ...coverPart) (body []byte, header string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, p.field, p.filename))
		if p.contentType != "" {
			h.Set("Content-Type", p.contentType)
		}
		part, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		part.Write(p.content)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), "Content-Type: " + w.FormDataContentType()
}

// pngImage is a real PNG of side×side pixels of noise, which does not
// compress: about 4×side² bytes.
func pngImage(t *testing.T, side int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	noise := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(noise.Uint32())
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// jpegImage is a real JPEG of a few hundred bytes.
func jpegImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := range 8 {
		img.Set(x, x, color.RGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// gifImage is the smallest GIF: a picture, but not one a cover may be.
var gifImage = []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")

// addBook adds a book with the test token through a plain client, for
// goroutines other than the test's, and returns the book the server
// answered with.
func addBook(baseURL string, draft NewBook) (Book, error) {
	body, _ := json.Marshal(draft)
	req, _ := http.NewRequest(http.MethodPost, baseURL+"/v1/books", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Book{}, err
	}
	defer resp.Body.Close()
	var book Book
	if err := json.NewDecoder(resp.Body).Decode(&book); err != nil || resp.StatusCode != http.StatusCreated {
		return Book{}, fmt.Errorf("adding %q: status %d, %v", draft.Title, resp.StatusCode, err)
	}
	return book, nil
}
