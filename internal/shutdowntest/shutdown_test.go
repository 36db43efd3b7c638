package shutdowntest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/signet-go/signet/internal/testkit"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestItemsShutsDownGracefully starts the items binary, opens requests
// whose bodies are half sent, sends SIGTERM, checks that new connections
// are refused, then completes the bodies: every request gets its full 201
// response, and the process exits 0.
func TestItemsShutsDownGracefully(t *testing.T) {
	bin := testkit.Build(t, "github.com/signet-go/signet/examples/items")
	addr := testkit.FreeAddr(t)
	var output testkit.Buffer
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	testkit.WaitListening(t, addr)

	// An idle keep-alive connection must not hold the shutdown up.
	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	fmt.Fprintf(idle, "GET /items HTTP/1.1\r\nHost: test\r\n\r\n")
	if resp, err := http.ReadResponse(bufio.NewReader(idle), nil); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /items: %v %v", resp, err)
	}

	const inFlight = 16
	type request struct {
		conn net.Conn
		rest string
		name string
	}
	requests := make([]request, inFlight)
	for i := range requests {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		name := fmt.Sprintf("In flight %d", i)
		body := fmt.Sprintf(`{"name":%q,"price":%d}`, name, i)
		half := len(body) / 2
		fmt.Fprintf(conn, "POST /items HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:half])
		requests[i] = request{conn: conn, rest: body[half:], name: name}
	}
	time.Sleep(time.Second) // the server has accepted every connection: each handler is reading its body

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break // the listener is closed
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still accepts connections 5s after SIGTERM")
		}
		time.Sleep(20 * time.Millisecond)
	}

	for _, req := range requests {
		if _, err := io.WriteString(req.conn, req.rest); err != nil {
			t.Fatalf("%s: the rest of the body could not be sent: %v", req.name, err)
		}
		_ = req.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(req.conn), nil)
		if err != nil {
			t.Fatalf("%s: no response: %v\n%s", req.name, err, output.String())
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || strconv.Itoa(len(body)) != resp.Header.Get("Content-Length") {
			t.Fatalf("%s: truncated body (%d bytes, Content-Length %s): %v", req.name, len(body), resp.Header.Get("Content-Length"), err)
		}
		var item struct{ Name string }
		if resp.StatusCode != http.StatusCreated || json.Unmarshal(body, &item) != nil || item.Name != req.name {
			t.Fatalf("%s: %d %s", req.name, resp.StatusCode, body)
		}
	}

	select {
	case err := <-exited:
		var exit *exec.ExitError
		if errors.As(err, &exit) || err != nil {
			t.Fatalf("the process exited with %v, want 0\n%s", err, output.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the process did not exit after SIGTERM\n%s", output.String())
	}
	for _, want := range []string{"signet: shutting down", "signet: stopped"} {
		if !bytes.Contains([]byte(output.String()), []byte(want)) {
			t.Errorf("the log lacks %q:\n%s", want, output.String())
		}
	}
}
