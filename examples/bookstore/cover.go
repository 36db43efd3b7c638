package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// coverLimit is the largest request body PUT /v1/books/{id}/cover accepts,
// multipart framing included: its operation's MaxBodyBytes.
const coverLimit = 512 << 10

// Signatures of the image formats a cover may have: the bytes each format's
// files begin with (PNG, section 5.2 of its specification; JPEG, the SOI
// marker and the first byte of the next marker).
var (
	pngSignature  = []byte("\x89PNG\r\n\x1a\n")
	jpegSignature = []byte("\xff\xd8\xff")
)

// imageType returns the media type the image's first bytes show, or "".
func imageType(image []byte) string {
	switch {
	case bytes.HasPrefix(image, pngSignature):
		return "image/png"
	case bytes.HasPrefix(image, jpegSignature):
		return "image/jpeg"
	}
	return ""
}

// readCover reads an uploaded cover and describes it. The media type the
// client declared for the part (which Huma has already checked against
// the operation's contentType) must be the one the bytes show: a file
// renamed to .png is refused, whatever it claims.
func readCover(file huma.FormFile) (Cover, error) {
	image, err := io.ReadAll(io.LimitReader(file, coverLimit))
	if err != nil {
		return Cover{}, fmt.Errorf("reading the uploaded cover: %w", err)
	}
	actual := imageType(image)
	refuse := func(message string) (Cover, error) {
		return Cover{}, huma.NewError(http.StatusUnprocessableEntity, "validation failed",
			&huma.ErrorDetail{Location: "body.cover", Message: message})
	}
	switch {
	case actual == "":
		return refuse("the file is neither a PNG nor a JPEG image: its first bytes are not the signature of either; send a PNG or JPEG file")
	case actual != file.ContentType:
		return refuse(fmt.Sprintf("the part's Content-Type says %s, but the file's bytes are those of %s; send the file with its own media type", file.ContentType, actual))
	}
	digest := sha256.Sum256(image)
	return Cover{MediaType: actual, Size: int64(len(image)), SHA256: hex.EncodeToString(digest[:])}, nil
}
