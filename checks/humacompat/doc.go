// Package humacompat measures how closely a Signet App behaves like stock
// Huma. Its test runs a table of Huma's features (parameters, bodies,
// responses, errors, groups, SSE, autopatch, conditional requests, content
// negotiation, each huma.Config option) through three servers on
// 127.0.0.1: stock Huma with humachi and huma.DefaultConfig, a Signet App
// registering with huma.Register on App.API(), and a Signet App
// registering with framework.Register. It sends the same requests to each
// and compares status, headers and body.
//
// A Signet answer may differ from stock Huma's only for a deliberate
// difference listed in the test's table of differences, which
// docs/coming-from-huma.md mirrors; both Signet paths must give the same
// answer. Rows that do not yet behave so are listed, each with its cause,
// in the test's set of rows known to fail today, which must shrink to
// empty.
package humacompat
