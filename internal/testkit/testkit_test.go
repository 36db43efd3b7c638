package testkit_test

import (
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/signet-go/signet/internal/testkit"
)

func TestFreeAddrCanBeListenedOn(t *testing.T) {
	addr := testkit.FreeAddr(t)
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Fatalf("FreeAddr = %q, want a 127.0.0.1 address", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen on %s: %v", addr, err)
	}
	l.Close()
}

func TestBufferTakesConcurrentWrites(t *testing.T) {
	var b testkit.Buffer
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() { fmt.Fprintf(&b, "line %d\n", i) })
	}
	wg.Wait()
	if got := strings.Count(b.String(), "\n"); got != 50 {
		t.Errorf("%d lines, want 50", got)
	}
}
