package main

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
)

// The environment variables the bookstore reads.
const (
	// tokenEnv holds the bearer token clients must send to change the
	// catalogue.
	tokenEnv = "BOOKSTORE_TOKEN"
	// urlEnv holds the URL clients reach the server at, for the document's
	// servers (and so for the docs' "Try it out").
	urlEnv = "BOOKSTORE_URL"
)

// defaultURL is where `serve` listens unless told otherwise.
const defaultURL = "http://localhost:8080"

// bearerToken returns the token of BOOKSTORE_TOKEN, as getenv reads it.
// When it is unset or blank, it makes a random one for this run and, when
// the command line args serves, logs it so that whoever started the
// server can use it; other commands (openapi) print nothing.
func bearerToken(args []string, getenv func(string) string, logger *slog.Logger) string {
	if token := strings.TrimSpace(getenv(tokenEnv)); token != "" {
		return token
	}
	token := rand.Text()
	if serves(args) {
		logger.Warn(tokenEnv+" is not set: clients must send the token generated for this run (set "+tokenEnv+" to choose one)",
			"token", token)
	}
	return token
}

// serves reports whether the command line args (without the program name)
// serves: as the App's command line reads it, the default command is
// serve, so it serves unless it names another command or asks for help.
func serves(args []string) bool {
	if slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" || a == "help" }) {
		return false
	}
	return len(args) == 0 || args[0] == "serve" || strings.HasPrefix(args[0], "-")
}

// serverURL returns the URL of BOOKSTORE_URL, as getenv reads it, or
// defaultURL when it is unset: an absolute http or https URL, without a
// trailing slash.
func serverURL(getenv func(string) string) (string, error) {
	raw := strings.TrimSpace(getenv(urlEnv))
	if raw == "" {
		return defaultURL, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%s=%q: set it to the URL clients reach the server at, such as https://books.example.com", urlEnv, raw)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}
