package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/signet-go/signet/internal/wiretest"
)

// expectBodiless fails unless res has the given status (304), no content
// headers and not a byte after the header block.
func expectBodiless(t *testing.T, res wiretest.Response, status int) {
	t.Helper()
	if want := fmt.Sprintf("HTTP/1.1 %d %s", status, http.StatusText(status)); res.StatusLine != want {
		t.Errorf("status line %q, want %q", res.StatusLine, want)
	}
	for _, name := range []string{"Content-Type", "Content-Length", "Transfer-Encoding", "Content-Language", "Link"} {
		if v := res.Header.Get(name); v != "" {
			t.Errorf("a %d carries %s: %s", status, name, v)
		}
	}
	if res.Body != "" {
		t.Errorf("%d bytes follow the header of a %d: %q", len(res.Body), status, res.Body)
	}
}

// truncatedUpload sends PUT target announcing body's length but only its
// first half, then closes its side of the connection, and returns the
// response as it came off the wire.
func truncatedUpload(t *testing.T, addr, target string, body []byte, contentType string) wiretest.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	head := fmt.Sprintf("PUT %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\nAuthorization: Bearer %s\r\n%s\r\nContent-Length: %d\r\n\r\n",
		target, addr, testToken, contentType, len(body))
	if _, err := io.WriteString(conn, head+string(body[:len(body)/2])); err != nil {
		t.Fatal(err)
	}
	if err := conn.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	received, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	return parseRaw(t, string(received))
}

// parseRaw splits a raw HTTP/1.1 response as wiretest does.
func parseRaw(t *testing.T, raw string) wiretest.Response {
	t.Helper()
	head, body, ok := strings.Cut(raw, "\r\n\r\n")
	if !ok {
		t.Fatalf("no end of header in %q", raw)
	}
	lines := strings.Split(head, "\r\n")
	res := wiretest.Response{Raw: raw, StatusLine: lines[0], Header: http.Header{}, Body: body}
	if _, err := fmt.Sscanf(lines[0], "HTTP/1.1 %d", &res.Status); err != nil {
		t.Fatalf("status line %q: %v", lines[0], err)
	}
	for _, line := range lines[1:] {
		name, value, _ := strings.Cut(line, ":")
		res.Header.Add(name, strings.TrimSpace(value))
	}
	return res
}

func sha256Hex(b []byte) string {
	digest := sha256.Sum256(b)
	return hex.EncodeToString(digest[:])
}

// TestWireRefusals sends raw requests where the bytes on the wire are the
// point: a 401 carries the challenge that tells a client how to
// authenticate (RFC 9110 section 11.6.1), is sent before the body is read,
// and says nothing of what was sent; an upload is refused by its announced
// size before a byte of it is read; a refused upload is not echoed.
func TestWireRefusals(t *testing.T) {
	c := newBookstoreClient(t)
	c.Post("/v1/books", NewBook{Title: "Kindred", Author: "Octavia E. Butler"})
	check := func(method, target string, res wiretest.Response) {
		t.Helper()
		c.Check(mustRequest(t, method, target), res.Status, res.Header, []byte(res.Body))
	}

	const draft = `{"title":"secret-title-9d2","author":"A. Writer"}`
	// A token presented and refused is named invalid (RFC 6750 section 3.1);
	// a request without one gets the bare challenge.
	for authorization, challenge := range map[string]string{
		"":                                    `Bearer realm="Bookstore"`,
		"Authorization: Bearer not-the-token": `Bearer realm="Bookstore", error="invalid_token"`,
		"Authorization: Basic dXNlcjpwYXNz":   `Bearer realm="Bookstore"`,
		"Authorization: Bearer":               `Bearer realm="Bookstore"`,
	} {
		header := []string{"Content-Type: application/json"}
		if authorization != "" {
			header = append(header, authorization)
		}
		res := wiretest.RoundTrip(t, c.addr, "POST", "/v1/books", draft, header...)
		check("POST", "/v1/books", res)
		if res.StatusLine != "HTTP/1.1 401 Unauthorized" || res.Header.Get("WWW-Authenticate") != challenge ||
			res.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%q: %s\n%s", authorization, res.StatusLine, res.Header)
		}
		if strings.Contains(res.Body, "secret-title") || strings.Contains(res.Body, "not-the-token") || strings.Contains(res.Body, testToken) {
			t.Errorf("%q: the 401 repeats what was sent: %s", authorization, res.Body)
		}
	}

	// An upload of 100 MB announced without credentials, or with them but
	// over the limit: answered at once, though not a byte of it is sent.
	for _, upload := range []struct {
		header []string
		status string
	}{
		{[]string{"Content-Type: multipart/form-data; boundary=x", "Content-Length: 100000000"}, "HTTP/1.1 401 Unauthorized"},
		{[]string{"Content-Type: multipart/form-data; boundary=x", "Content-Length: 100000000", "Authorization: Bearer " + testToken}, "HTTP/1.1 413 Request Entity Too Large"},
	} {
		res := wiretest.RoundTrip(t, c.addr, "PUT", "/v1/books/1/cover", "", upload.header...)
		check("PUT", "/v1/books/1/cover", res)
		if res.StatusLine != upload.status {
			t.Errorf("%q: %s, want %s", upload.header, res.StatusLine, upload.status)
		}
	}

	// A GIF sent as a PNG: a 422 naming the field, without the file's name
	// or bytes.
	body, form := uploadForm(t, coverPart{"cover", "secret-name.png", "image/png", gifImage})
	res := wiretest.RoundTrip(t, c.addr, "PUT", "/v1/books/1/cover", string(body), form, "Authorization: Bearer "+testToken)
	check("PUT", "/v1/books/1/cover", res)
	if res.Status != 422 || !strings.Contains(res.Body, `"location":"body.cover"`) {
		t.Errorf("a GIF sent as a PNG: %s %s", res.StatusLine, res.Body)
	}
	if strings.Contains(res.Body, "GIF89a") || strings.Contains(res.Body, "secret-name") {
		t.Errorf("the 422 repeats the upload: %s", res.Body)
	}
	// The image itself, not in a form: 415, naming the media type to send.
	res = wiretest.RoundTrip(t, c.addr, "PUT", "/v1/books/1/cover", string(pngImage(t, 2)), "Content-Type: image/png", "Authorization: Bearer "+testToken)
	check("PUT", "/v1/books/1/cover", res)
	if res.Status != 415 || !strings.Contains(res.Body, "send one of: multipart/form-data") || strings.Contains(res.Body, "image/png") {
		t.Errorf("an image outside a form: %s %s", res.StatusLine, res.Body)
	}
}

// TestUploadsLeaveNoTemporaryFiles uploads covers larger than the part of
// a form kept in memory, which go to temporary files, and checks that none
// is left behind.
func TestUploadsLeaveNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir) // where mime/multipart writes them
	c := newBookstoreClient(t)
	c.Post("/v1/books", NewBook{Title: "Kindred", Author: "Octavia E. Butler"})
	for range 3 {
		body, form := uploadForm(t, coverPart{"cover", "cover.png", "image/png", pngImage(t, 64)})
		if resp := c.Put("/v1/books/1/cover", body, form); resp.StatusCode != http.StatusOK {
			t.Fatalf("upload: %s", resp.Status)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("uploads left %d temporary files, such as %s", len(left), left[0].Name())
	}
}
