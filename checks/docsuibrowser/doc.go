// Package docsuibrowser holds the browser tests of package docsui: they
// serve Swagger UI on 127.0.0.1 and drive it in headless Chromium through
// chromedp (the docs of examples/items, the OAuth2 "Authorize" flow, and
// examples/bookstore's bearer token entered in the Authorize dialog).
// They live in the checks module so that chromedp never enters the module
// graph of a program that requires Signet. Chromium comes from Debian
// (`apt-get install -y chromium`); without it the tests skip, and fail when
// CI=true.
package docsuibrowser
