// Package wiretest sends one raw HTTP/1.1 request and returns the response
// exactly as it came off the wire, for tests where the bytes are the point:
// a bodiless status must be followed by no byte at all, whatever
// Content-Length says, and net/http's client would hide that.
package wiretest

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Response is a response as it came off the wire.
type Response struct {
	Raw        string // every byte received
	StatusLine string // such as "HTTP/1.1 204 No Content"
	Status     int
	Header     http.Header
	Body       string // every byte after the header block, until the server closed
}

// RoundTrip sends method and target to addr ("host:port") over a new TCP
// connection with "Connection: close", then reads until the server closes
// it. Each header is a "Name: value" line; a non-empty body is sent with its
// Content-Length. It fails t when the exchange fails or takes over 10 s.
func RoundTrip(t testing.TB, addr, method, target, body string, header ...string) Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var req strings.Builder
	req.WriteString(method + " " + target + " HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n")
	for _, line := range header {
		req.WriteString(line + "\r\n")
	}
	if body != "" {
		req.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	req.WriteString("\r\n" + body)
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, req.String()); err != nil {
		t.Fatal(err)
	}
	received, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("%s %s: reading the response: %v", method, target, err)
	}
	return parse(t, method, target, string(received))
}

func parse(t testing.TB, method, target, raw string) Response {
	t.Helper()
	head, body, ok := strings.Cut(raw, "\r\n\r\n")
	if !ok {
		t.Fatalf("%s %s: no end of header in the response %q", method, target, raw)
	}
	r := textproto.NewReader(bufio.NewReader(strings.NewReader(head + "\r\n\r\n")))
	statusLine, err := r.ReadLine()
	if err != nil {
		t.Fatalf("%s %s: reading the status line: %v", method, target, err)
	}
	fields := strings.SplitN(statusLine, " ", 3)
	status := 0
	if len(fields) >= 2 {
		status, err = strconv.Atoi(fields[1])
	}
	if len(fields) < 2 || err != nil {
		t.Fatalf("%s %s: malformed status line %q", method, target, statusLine)
	}
	mime, err := r.ReadMIMEHeader()
	if err != nil {
		t.Fatalf("%s %s: reading the header: %v", method, target, err)
	}
	return Response{Raw: raw, StatusLine: statusLine, Status: status, Header: http.Header(mime), Body: body}
}
