package docsui_test

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// startItems builds examples/items, starts it on a free port of 127.0.0.1
// and returns its base URL once it serves its document. The server is
// stopped with SIGINT when the test ends.
func startItems(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "items")
	build := exec.Command("go", "build", "-o", bin, "github.com/signet-go/signet/examples/items")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build examples/items: %v\n%s", err, out)
	}

	addr := freeLoopbackAddr(t)
	var logs syncBuffer
	server := exec.Command(bin, "serve", "--addr", addr)
	server.Stdout, server.Stderr = &logs, &logs
	if err := server.Start(); err != nil {
		t.Fatalf("start examples/items: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- server.Wait() }()
	t.Cleanup(func() {
		server.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			server.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("examples/items output:\n%s", logs.String())
		}
	})

	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/openapi.json")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("examples/items exited before serving: %v\n%s", err, logs.String())
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("examples/items did not serve %s/openapi.json within 30s (last error: %v)\n%s", base, err, logs.String())
		}
	}
}

// freeLoopbackAddr returns 127.0.0.1:PORT with a port that was free a moment
// ago.
func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer l.Close()
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(l.Addr().(*net.TCPAddr).Port))
}

// syncBuffer is a bytes.Buffer that a process's output and the test can
// share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
