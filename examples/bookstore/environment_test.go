package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func TestBearerToken(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(name string) string { return vars[name] }
	}
	var log bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&log, nil))

	if got := bearerToken(nil, env(map[string]string{tokenEnv: " s3cret "}), logger); got != "s3cret" || log.Len() > 0 {
		t.Errorf("with %s set: token %q, logged %q; want s3cret and nothing logged", tokenEnv, got, log.String())
	}

	first := bearerToken([]string{"serve", "--addr", ":9000"}, env(nil), logger)
	if len(first) < 26 || !strings.Contains(log.String(), "token="+first) || !strings.Contains(log.String(), tokenEnv+" is not set") {
		t.Errorf("unset, serving: token %q, logged %q; want a random token, logged", first, log.String())
	}
	log.Reset()
	if second := bearerToken(nil, env(map[string]string{tokenEnv: "  "}), logger); second == first || !strings.Contains(log.String(), "token="+second) {
		t.Errorf("blank, serving: token %q after %q, logged %q; want another token, logged", second, first, log.String())
	}
	log.Reset()
	if bearerToken([]string{"openapi"}, env(nil), logger); log.Len() > 0 {
		t.Errorf("unset, exporting the document: logged %q; want nothing on stderr", log.String())
	}
}

func TestServes(t *testing.T) {
	for args, want := range map[string]bool{
		"":                      true,
		"serve":                 true,
		"serve --addr :9000":    true,
		"--addr :9000":          true,
		"-addr=:9000":           true,
		"openapi":               false,
		"openapi --format yaml": false,
		"--help":                false,
		"serve --help":          false,
		"help":                  false,
		"-h":                    false,
	} {
		if got := serves(strings.Fields(args)); got != want {
			t.Errorf("serves(%q) = %v, want %v", args, got, want)
		}
	}
}

func TestServerURL(t *testing.T) {
	for value, want := range map[string]string{
		"":                              defaultURL,
		"https://books.example.com":     "https://books.example.com",
		"https://books.example.com/":    "https://books.example.com",
		" http://127.0.0.1:9000 ":       "http://127.0.0.1:9000",
		"https://example.com/bookstore": "https://example.com/bookstore",
	} {
		got, err := serverURL(func(string) string { return value })
		if got != want || err != nil {
			t.Errorf("%s=%q: %q, %v; want %q", urlEnv, value, got, err, want)
		}
	}
	for _, value := range []string{"/", "localhost:8080", "ftp://books.example.com", "https://", "https://books.example.com?x=1", "http://a b"} {
		if got, err := serverURL(func(string) string { return value }); err == nil || !strings.Contains(err.Error(), urlEnv) {
			t.Errorf("%s=%q: %q, %v; want an error naming %s", urlEnv, value, got, err, urlEnv)
		}
	}
}
