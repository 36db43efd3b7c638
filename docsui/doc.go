// Package docsui serves Swagger UI, the interactive documentation page of an
// OpenAPI document, entirely from the running binary.
//
// Every byte of the page comes from assets embedded at build time (Swagger UI
// 5.x from swagger-ui-dist, packaged by github.com/swaggest/swgui), so the
// page works offline, in an air-gapped network and behind a strict
// Content-Security-Policy: scripts, styles, images and connections come from
// the page's own origin only, and the page has no inline script or style.
// Swagger UI's online validator badge is switched off.
//
// A Handler serves, below its path (for example "/docs"):
//
//	/docs, /docs/                     the page
//	/docs/swagger-initializer.js      the page's start-up script, made from Config
//	/docs/oauth2-redirect             where OAuth2 "Authorize" flows return
//	/docs/swagger-ui-bundle.js, ...   Swagger UI's assets
//
// Assets carry a content hash in their URL and are cached as immutable, every
// response has an ETag, compressible responses are gzip-encoded for clients
// that accept it, and HEAD works wherever GET does.
package docsui
