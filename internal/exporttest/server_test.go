package exporttest

import (
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// startExample runs `NAME serve` on a free port of 127.0.0.1 until the test
// ends and returns its base URL.
func startExample(t *testing.T, name string) string {
	t.Helper()
	addr := freeAddr(t)
	logs := &lockedBuffer{}
	cmd := exec.Command(binary(t, name), "serve", "--addr", addr)
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})

	base := "http://" + addr
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-exited:
			t.Fatalf("%s serve exited: %v\n%s", name, err, logs.String())
		default:
		}
		if resp, err := http.Get(base + "/openapi.json"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s serve did not answer on %s within 15s\n%s", name, addr, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lockedBuffer collects a process's output; it may be read while written.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// freeAddr returns a 127.0.0.1 address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// statusRecorder is an http.RoundTripper that remembers the status and
// Content-Type of the last response, for asserting what the generated
// clients saw on the wire.
type statusRecorder struct {
	status      int
	contentType string
}

func (r *statusRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		r.status, r.contentType = resp.StatusCode, resp.Header.Get("Content-Type")
	}
	return resp, err
}

func (r *statusRecorder) expect(t *testing.T, step string, status int, contentType string) {
	t.Helper()
	if r.status != status || r.contentType != contentType {
		t.Errorf("%s: %d %q on the wire, want %d %q", step, r.status, r.contentType, status, contentType)
	}
}
