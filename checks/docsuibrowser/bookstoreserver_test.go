package docsuibrowser_test

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/signet-go/signet/internal/testkit"
)

// startBookstore builds examples/bookstore and serves it on a free port of
// 127.0.0.1 until the test ends, with token as its BOOKSTORE_TOKEN and its
// own URL as its BOOKSTORE_URL (the server its document names, which "Try
// it out" sends requests to). It returns the base URL once the server
// serves /openapi.json, within 30 s. When the test ends the process gets
// SIGINT (SIGKILL 15 s later), and its output is logged if the test
// failed.
//
// testkit.Serve chooses the port itself; the bookstore must be told its
// URL before it starts.
func startBookstore(t *testing.T, token string) string {
	t.Helper()
	bin := testkit.Build(t, "github.com/signet-go/signet/examples/bookstore")
	addr := testkit.FreeAddr(t)
	base := "http://" + addr
	output := &testkit.Buffer{}
	cmd := exec.Command(bin, "serve", "--addr", addr)
	cmd.Env = append(os.Environ(), "BOOKSTORE_TOKEN="+token, "BOOKSTORE_URL="+base)
	cmd.Stdout, cmd.Stderr = output, output
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("%s did not stop cleanly on SIGINT: %v", filepath.Base(bin), err)
			}
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
			t.Errorf("%s did not stop within 15s of SIGINT", filepath.Base(bin))
		}
		if t.Failed() {
			t.Logf("%s output:\n%s", filepath.Base(bin), output)
		}
	})

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
			t.Fatalf("%s exited before serving: %v\n%s", bin, err, output)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not serve %s/openapi.json within 30s (last error: %v)\n%s", bin, base, err, output)
		}
	}
}
