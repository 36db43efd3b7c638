package docsui

import (
	"bytes"
	"encoding/json"
	"html/template"
)

// pageTemplate is the HTML page. It has no inline script or style: the
// start-up script is swagger-initializer.js, made from the Config.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="stylesheet" href="{{call .Asset "swagger-ui.css"}}">
<link rel="icon" type="image/png" sizes="32x32" href="{{call .Asset "favicon-32x32.png"}}">
<link rel="icon" type="image/png" sizes="16x16" href="{{call .Asset "favicon-16x16.png"}}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{{call .Asset "swagger-ui-bundle.js"}}"></script>
<script src="{{call .Asset "swagger-initializer.js"}}"></script>
</body>
</html>
`))

// pageData is what pageTemplate shows.
type pageData struct {
	Title string
	Asset func(name string) string // versioned URL of an asset
}

func renderPage(data pageData) []byte {
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, data); err != nil {
		panic("docsui: page template: " + err.Error()) // the template is fixed; only a bug gets here
	}
	return buf.Bytes()
}

// initializerScript returns swagger-initializer.js: it starts Swagger UI
// with options (JSON, which is a JavaScript expression) and, unless the
// options set one, an OAuth2 redirect URL on the page's own origin.
func initializerScript(options []byte, redirectPath string) []byte {
	redirect, _ := json.Marshal(redirectPath) // a string always marshals
	var buf bytes.Buffer
	buf.WriteString("// Made by Signet's docsui from its Config.\n\"use strict\";\n(function () {\n  var options = ")
	buf.Write(options)
	buf.WriteString(";\n  if (!(\"oauth2RedirectUrl\" in options)) {\n    options.oauth2RedirectUrl = window.location.origin + ")
	buf.Write(redirect)
	buf.WriteString(";\n  }\n  window.ui = SwaggerUIBundle(options);\n})();\n")
	return buf.Bytes()
}
