package frameworktest_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// recorder is a testing.TB that records what the client reports instead of
// failing the test, so a test can assert the exact messages a user sees.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatals []string
}

func newRecorder(t *testing.T) *recorder { return &recorder{TB: t} }

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// errFatal is what recorder.Fatalf panics with, to stop the call like
// testing.T.Fatalf stops the test.
type errFatal struct{ msg string }

func (r *recorder) Fatalf(format string, args ...any) {
	r.mu.Lock()
	msg := fmt.Sprintf(format, args...)
	r.fatals = append(r.fatals, msg)
	r.mu.Unlock()
	panic(errFatal{msg})
}

// reported returns everything reported so far, one message per element.
func (r *recorder) reported() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append(append([]string(nil), r.errors...), r.fatals...)
}

// expectReports fails t unless r reported exactly want, in order.
func expectReports(t *testing.T, r *recorder, want ...string) {
	t.Helper()
	got := r.reported()
	if strings.Join(got, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("reported:\n%s\n\nwant:\n%s", strings.Join(got, "\n---\n"), strings.Join(want, "\n---\n"))
	}
}

// catchFatal runs f and returns the message of a recorder.Fatalf it stopped at.
func catchFatal(f func()) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			fatal, ok := v.(errFatal)
			if !ok {
				panic(v)
			}
			msg = fatal.msg
		}
	}()
	f()
	return ""
}
