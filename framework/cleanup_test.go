package framework_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/internal/testkit"
)

// TestMultipartFilesAreRemoved: the temporary files of a multipart form
// are removed once the request is answered, whether the handler ran or
// Huma refused the form.
func TestMultipartFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir) // where mime/multipart spills parts over its memory limit
	app, _ := newApp(t)
	framework.Post(app, "/upload", func(_ context.Context, in *struct {
		RawBody huma.MultipartFormFiles[struct {
			File  huma.FormFile `form:"file" contentType:"text/plain" required:"true"`
			Label string        `form:"label" required:"true"`
		}]
	}) (*withBody, error) {
		return &withBody{Body: itemBody{Name: in.RawBody.Data().Label}}, nil
	})
	srv := serveUnchecked(t, app)
	form := func(label string) string {
		return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\nContent-Type: text/plain\r\n\r\n" +
			strings.Repeat("x", 100<<10) + "\r\n--b\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\n" + label + "\r\n--b--\r\n"
	}
	for _, tt := range []struct {
		label  string
		status int
	}{{"ok", 200}, {"", 422}} {
		resp, err := http.Post(srv.URL+"/upload", "multipart/form-data; boundary=b", strings.NewReader(form(tt.label)))
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("label %q: %d, want %d", tt.label, resp.StatusCode, tt.status)
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("label %q: %d temporary files left in TMPDIR, such as %s", tt.label, len(entries), entries[0].Name())
		}
	}
}

// TestShutdownEndsEventStreams: a graceful shutdown cancels the requests
// of event streams, whose clients never leave by themselves, instead of
// waiting for them until the grace period runs out.
func TestShutdownEndsEventStreams(t *testing.T) {
	app := framework.New(framework.Config{Title: "T", Version: "1", Logger: discardLogger(), ShutdownGrace: 10 * time.Second})
	sse.Register(app.API(), huma.Operation{OperationID: "events", Method: http.MethodGet, Path: "/events"},
		map[string]any{"message": itemBody{}}, func(ctx context.Context, _ *struct{}, send sse.Sender) {
			_ = send.Data(itemBody{Name: "hello"})
			<-ctx.Done()
		})
	addr := testkit.FreeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- app.Serve(ctx, addr) }()
	testkit.WaitListening(t, addr)
	resp, err := http.Get("http://" + addr + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	first := make([]byte, 5)
	if _, err := io.ReadFull(resp.Body, first); err != nil {
		t.Fatalf("the stream did not start: %v", err)
	}
	start := time.Now()
	stop()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("the shutdown took %v", took)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("the shutdown waited for the open event stream")
	}
}
