package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"testing"
	"time"
)

// rawResponse is a response as it came off the wire.
type rawResponse struct {
	statusLine string
	header     textproto.MIMEHeader
	rest       string // every byte after the header block, until the server closed
}

// roundTrip sends one request over a new TCP connection to addr and reads
// until the server closes it, so that rest is exactly what followed the
// header block: for a bodiless response, it must be empty. Each header is
// written "Name: value".
func roundTrip(t *testing.T, addr, method, target string, headers ...string) rawResponse {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	request := method + " " + target + " HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n"
	for _, h := range headers {
		request += h + "\r\n"
	}
	if _, err := io.WriteString(conn, request+"\r\n"); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	r := textproto.NewReader(bufio.NewReader(conn))
	statusLine, err := r.ReadLine()
	if err != nil {
		t.Fatalf("%s %s: reading the status line: %v", method, target, err)
	}
	header, err := r.ReadMIMEHeader()
	if err != nil {
		t.Fatalf("%s %s: reading the header: %v", method, target, err)
	}
	rest, err := io.ReadAll(r.R)
	if err != nil {
		t.Fatalf("%s %s: reading after the header: %v", method, target, err)
	}
	return rawResponse{statusLine: statusLine, header: header, rest: string(rest)}
}

// expectBodiless fails unless res has the given status (204 or 304), no
// content headers and not a byte after the header block.
func expectBodiless(t *testing.T, res rawResponse, status int) {
	t.Helper()
	if want := fmt.Sprintf("HTTP/1.1 %d %s", status, http.StatusText(status)); res.statusLine != want {
		t.Errorf("status line %q, want %q", res.statusLine, want)
	}
	for _, name := range []string{"Content-Type", "Content-Length", "Transfer-Encoding", "Content-Language", "Link"} {
		if v := res.header.Get(name); v != "" {
			t.Errorf("a %d carries %s: %s", status, name, v)
		}
	}
	if res.rest != "" {
		t.Errorf("%d bytes follow the header of a %d: %q", len(res.rest), status, res.rest)
	}
}
