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

	swaggerui "github.com/swaggest/swgui/v5/static"

	"github.com/signet-go/signet/internal/contentcoding"
)

// oauth2RedirectJS is the script of Swagger UI's OAuth2 redirect page; see
// the comment at its top for where it comes from.
//
//go:embed oauth2-redirect.js
var oauth2RedirectJS []byte

// An asset is one file the handler serves, in the encodings it is served in.
type asset struct {
	name    string // file name; its extension gives the Content-Type
	version string // hash of the content: the URL's ?v= and the ETag
	// gzipped reads the gzip encoding; nil when not worth compressing.
	gzipped func() io.ReadSeeker
	// identity returns the unencoded content.
	identity func() []byte
}

// newAsset returns an asset for content, gzip-encoded too when that makes it
// smaller.
func newAsset(name string, content []byte) *asset {
	a := &asset{name: name, version: hash(bytes.NewReader(content)), identity: func() []byte { return content }}
	if len(content) >= 512 {
		if gzipped := contentcoding.Gzip(content); gzipped != nil {
			a.gzipped = func() io.ReadSeeker { return bytes.NewReader(gzipped) }
		}
	}
	return a
}

// newEmbeddedGzipAsset returns an asset for a gzip-encoded file of
// Swagger UI's embedded files. It is read from the binary on each request,
// not copied onto the heap (Swagger UI is large even gzipped), and decoded
// only when a client that does not accept gzip asks for it.
func newEmbeddedGzipAsset(name, file string) *asset {
	open := func() io.ReadSeeker {
		f, err := swaggerui.FS.Open(file)
		if err != nil {
			panic(fmt.Sprintf("docsui: embedded %s cannot be opened: %v", file, err))
		}
		return f.(io.ReadSeeker) // embed.FS files seek; closing them is a no-op
	}
	return &asset{
		name:    name,
		version: hash(open()),
		gzipped: open,
		identity: sync.OnceValue(func() []byte {
			zr, err := gzip.NewReader(open())
			if err != nil {
				panic(fmt.Sprintf("docsui: embedded %s is not gzip: %v", file, err))
			}
			content, err := io.ReadAll(zr)
			if err != nil {
				panic(fmt.Sprintf("docsui: embedded %s is not gzip: %v", file, err))
			}
			return content
		}),
	}
}

func hash(content io.Reader) string {
	sum := sha256.New()
	if _, err := io.Copy(sum, content); err != nil {
		panic("docsui: reading an asset to hash it: " + err.Error())
	}
	return hex.EncodeToString(sum.Sum(nil)[:12])
}

// swaggerUIAssets are Swagger UI's files as embedded by swgui (each .gz file
// under its name without .gz) and the OAuth2 redirect script. They are
// read-only once built, so every Handler shares them; they are built on the
// first request of the first Handler that serves one.
var swaggerUIAssets = sync.OnceValue(loadSwaggerUIAssets)

func loadSwaggerUIAssets() map[string]*asset {
	assets := map[string]*asset{"oauth2-redirect.js": newAsset("oauth2-redirect.js", oauth2RedirectJS)}
	for name, file := range swaggerUIFiles() {
		if name != file {
			assets[name] = newEmbeddedGzipAsset(name, file)
			continue
		}
		content, err := fs.ReadFile(swaggerui.FS, file)
		if err != nil {
			panic("docsui: reading embedded Swagger UI: " + err.Error())
		}
		assets[name] = newAsset(name, content)
	}
	return assets
}

// sharedAssetNames returns the names of swaggerUIAssets without reading,
// hashing or compressing any file.
func sharedAssetNames() []string {
	names := []string{"oauth2-redirect.js"}
	for name := range swaggerUIFiles() {
		names = append(names, name)
	}
	return names
}

// swaggerUIFiles maps the name each of Swagger UI's embedded files is
// served under to its file: a gzip-encoded file "x.js.gz" is served as
// "x.js", any other under its own name. Listing them reads no content.
func swaggerUIFiles() map[string]string {
	entries, err := fs.ReadDir(swaggerui.FS, ".")
	if err != nil {
		panic("docsui: reading embedded Swagger UI: " + err.Error())
	}
	files := make(map[string]string, len(entries))
	for _, e := range entries {
		name, _ := strings.CutSuffix(e.Name(), ".gz")
		files[name] = e.Name()
	}
	return files
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".png":  "image/png",
}

// serve writes the asset in the encoding the request accepts. immutable
// says the URL names this exact version, so it may be cached for a year;
// otherwise caches must revalidate with the ETag. contentcoding.ServeContent
// answers conditional and range requests and HEAD.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, immutable bool) {
	h := w.Header()
	h.Set("Content-Type", contentTypes[path.Ext(a.name)])
	if immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	var content io.ReadSeeker
	if a.gzipped != nil {
		contentcoding.AddVary(h)
		if contentcoding.AcceptsGzip(r.Header.Values("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			h.Set("ETag", `"`+a.version+`-gzip"`)
			content = a.gzipped()
		}
	}
	if content == nil {
		content = bytes.NewReader(a.identity())
		h.Set("ETag", `"`+a.version+`"`)
	}
	contentcoding.ServeContent(w, r, content, nil)
}
