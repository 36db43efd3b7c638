package docsui

import (
	"encoding/json"
	"fmt"
	"html"
)

// pageHTML is the HTML page, with %[1]s the escaped title and %[2]s ... %[6]s
// the URLs of the stylesheet, the two icons, Swagger UI and the start-up
// script. It has no inline script or style: the start-up script is
// swagger-initializer.js, made from the Config. (html/template would do the
// escaping too, but it and text/template add megabytes to every binary
// for one title.)
const pageHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%[1]s</title>
<link rel="stylesheet" href="%[2]s">
<link rel="icon" type="image/png" sizes="32x32" href="%[3]s">
<link rel="icon" type="image/png" sizes="16x16" href="%[4]s">
</head>
<body>
<div id="swagger-ui"></div>
<script src="%[5]s"></script>
<script src="%[6]s"></script>
</body>
</html>
`

// renderPage returns the page; assetURL gives the URL of an asset by name.
func renderPage(title string, assetURL func(name string) string) []byte {
	e := html.EscapeString
	return fmt.Appendf(nil, pageHTML, e(title),
		e(assetURL("swagger-ui.css")),
		e(assetURL("favicon-32x32.png")),
		e(assetURL("favicon-16x16.png")),
		e(assetURL("swagger-ui-bundle.js")),
		e(assetURL("swagger-initializer.js")))
}

// initializerJS is swagger-initializer.js, with %[1]s the options (JSON,
// which is a JavaScript expression) and %[2]s the path of the OAuth2
// redirect page as a JSON string.
const initializerJS = `// Made by Signet's docsui from its Config.
"use strict";
(function () {
  var options = %[1]s;
  if (!("oauth2RedirectUrl" in options)) {
    options.oauth2RedirectUrl = window.location.origin + %[2]s;
  }
  window.ui = SwaggerUIBundle(options);
})();
`

// initializerScript returns swagger-initializer.js: it starts Swagger UI
// with options and, unless the options set one, an OAuth2 redirect URL on
// the page's own origin.
func initializerScript(options []byte, redirectPath string) []byte {
	redirect, _ := json.Marshal(redirectPath) // a string always marshals
	return fmt.Appendf(nil, initializerJS, options, redirect)
}
