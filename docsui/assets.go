package docsui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	swaggerui "github.com/swaggest/swgui/v5/static"
)

// oauth2RedirectJS is the script of Swagger UI's OAuth2 redirect page; see
// the comment at its top for where it comes from.
//
//go:embed oauth2-redirect.js
var oauth2RedirectJS []byte

// An asset is one file the handler serves, held in memory in the encodings
// it is served in.
type asset struct {
	name    string // file name; its extension gives the Content-Type
	version string // hash of the content: the URL's ?v= and the ETag
	gzipped []byte // gzip encoding; nil when not worth compressing
	// identity returns the unencoded content.
	identity func() []byte
}

// newAsset returns an asset for content, gzip-encoded too when that makes it
// smaller.
func newAsset(name string, content []byte) *asset {
	a := &asset{name: name, version: hash(content), identity: func() []byte { return content }}
	if len(content) >= 512 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(content)
		zw.Close()
		if buf.Len() < len(content) {
			a.gzipped = buf.Bytes()
		}
	}
	return a
}

// newGzippedAsset returns an asset for gzip-encoded content, decoded only
// when a client that does not accept gzip asks for it.
func newGzippedAsset(name string, gzipped []byte) *asset {
	return &asset{
		name:    name,
		version: hash(gzipped),
		gzipped: gzipped,
		identity: sync.OnceValue(func() []byte {
			zr, err := gzip.NewReader(bytes.NewReader(gzipped))
			if err != nil {
				panic(fmt.Sprintf("docsui: embedded %s is not gzip: %v", name, err))
			}
			content, err := io.ReadAll(zr)
			if err != nil {
				panic(fmt.Sprintf("docsui: embedded %s is not gzip: %v", name, err))
			}
			return content
		}),
	}
}

func hash(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:12])
}

// swaggerUIAssets are Swagger UI's files as embedded by swgui (each .gz file
// under its name without .gz) and the OAuth2 redirect script. They are
// read-only once built, so every Handler shares them.
var swaggerUIAssets = sync.OnceValue(func() map[string]*asset {
	assets := map[string]*asset{"oauth2-redirect.js": newAsset("oauth2-redirect.js", oauth2RedirectJS)}
	entries, err := fs.ReadDir(swaggerui.FS, ".")
	if err != nil {
		panic("docsui: reading embedded Swagger UI: " + err.Error())
	}
	for _, e := range entries {
		content, err := fs.ReadFile(swaggerui.FS, e.Name())
		if err != nil {
			panic("docsui: reading embedded Swagger UI: " + err.Error())
		}
		if name, ok := strings.CutSuffix(e.Name(), ".gz"); ok {
			assets[name] = newGzippedAsset(name, content)
		} else {
			assets[e.Name()] = newAsset(e.Name(), content)
		}
	}
	return assets
})

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".png":  "image/png",
}

// serve writes the asset in the encoding the request accepts. immutable
// says the URL names this exact version, so it may be cached for a year;
// otherwise caches must revalidate with the ETag. http.ServeContent answers
// conditional and range requests and HEAD.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, immutable bool) {
	h := w.Header()
	h.Set("Content-Type", contentTypes[path.Ext(a.name)])
	if immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	content := a.gzipped
	if content != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Values("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			h.Set("ETag", `"`+a.version+`-gzip"`)
		} else {
			content = nil
		}
	}
	if content == nil {
		content = a.identity()
		h.Set("ETag", `"`+a.version+`"`)
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(content))
}

// acceptsGzip reports whether Accept-Encoding field values accept gzip
// (RFC 9110 section 12.5.3): "gzip" or "*" with a weight above zero.
func acceptsGzip(fields []string) bool {
	accepted := false
	for _, field := range fields {
		for _, member := range strings.Split(field, ",") {
			coding, params, _ := strings.Cut(member, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding != "gzip" && coding != "x-gzip" && coding != "*" {
				continue
			}
			zero := isZeroWeight(params)
			if coding == "*" {
				if !zero {
					accepted = true
				}
				continue
			}
			return !zero // an explicit gzip entry decides
		}
	}
	return accepted
}

// isZeroWeight reports whether parameters such as " q=0.000" give weight 0.
func isZeroWeight(params string) bool {
	for _, p := range strings.Split(params, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(name), "q") {
			value = strings.TrimSpace(value)
			return strings.Trim(value, "0.") == "" && value != ""
		}
	}
	return false
}
