package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/cli"
	"github.com/signet-go/signet/internal/testkit"
)

func TestExecuteUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"help"}, 0, "serve", ""},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"serve", "--bogus"}, 2, "", "flag provided but not defined: -bogus"},
		{[]string{"--bogus"}, 2, "", "flag provided but not defined: -bogus"},
		{[]string{"serve", "extra"}, 2, "", `serve takes no arguments, got ["extra"]`},
		{[]string{"serve", "--help"}, 0, "", "Usage:"},
		{[]string{"serve", "-h"}, 0, "", "serve [--addr HOST:PORT] [--access-log=false]"},
		{[]string{"serve", "--access-log=maybe"}, 2, "", `invalid boolean value "maybe" for -access-log`},
		{[]string{"serve", "--addr", "256.0.0.1:99999"}, 1, "", "cannot listen on 256.0.0.1:99999"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			app, _ := newApp(t)
			var stdout, stderr bytes.Buffer
			code := cli.Execute(context.Background(), app, tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, &stdout, &stderr)
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, &stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, &stderr)
			}
			if tt.code == 2 && !strings.Contains(stderr.String(), "Usage") {
				t.Errorf("a usage error must print the usage:\n%s", &stderr)
			}
		})
	}
}

// TestServeShutsDownGracefully starts `serve`, sends a slow request, stops
// the command while the request is in flight, and checks that the request
// completes with its full response and the command exits 0.
func TestServeShutsDownGracefully(t *testing.T) {
	app, logs := newApp(t)
	started := make(chan struct{})
	framework.Get(app, "/slow", func(context.Context, *struct{}) (*itemOutput, error) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		return &itemOutput{Body: item{Name: "finished"}}, nil
	})
	addr := testkit.FreeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	var stderr bytes.Buffer
	go func() { exited <- cli.Execute(ctx, app, []string{"serve", "--addr", addr}, io.Discard, &stderr) }()

	url := "http://" + addr
	testkit.WaitListening(t, addr)
	type result struct {
		body string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			done <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		done <- result{string(b), err}
	}()
	<-started
	stop()
	r := <-done
	if r.err != nil || r.body != `{"name":"finished"}`+"\n" {
		t.Errorf("the request in flight got %q, %v; want its full response", r.body, r.err)
	}
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("serve exited %d, want 0\n%s", code, &stderr)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not exit after its context was cancelled")
	}
	if _, err := http.Get(url + "/openapi.json"); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
	for _, want := range []string{"signet: serving", fmt.Sprintf("url=http://%s", addr), "shutting down"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs)
		}
	}
}
