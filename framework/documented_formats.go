package framework

import (
	"maps"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// documentFormats is an OnAddOperation hook that documents every format of
// the App's configuration where Huma documents only JSON. Huma writes a
// response in whichever of its Formats the request's Accept header
// negotiates, and reads a request body in any of them, but documents each
// body as application/json alone; Signet reads a body only in a media type
// the operation documents. So each response documented in JSON is also
// documented in every other format that writes, problem details in the
// media type the error model gives that format (application/problem+cbor
// for CBOR), and each JSON request body in every other format that reads.
// With Huma's default formats (JSON only) it changes nothing.
func documentFormats(hc huma.Config) huma.AddOpFunc {
	var writers, readers []string
	for _, mediaType := range slices.Sorted(maps.Keys(hc.Formats)) {
		format := hc.Formats[mediaType]
		if !isMediaType(mediaType) || mediaType == jsonMediaType {
			continue
		}
		if format.Marshal != nil {
			writers = append(writers, mediaType)
		}
		if format.Unmarshal != nil {
			readers = append(readers, mediaType)
		}
	}
	problemType := func(mediaType string) string { return mediaType }
	if filter, ok := huma.NewError(0, "").(huma.ContentTypeFilter); ok {
		problemType = filter.ContentType
	}
	jsonProblemType := problemType(jsonMediaType)
	return func(oapi *huma.OpenAPI, op *huma.Operation) {
		if len(writers) == 0 && len(readers) == 0 {
			return
		}
		for _, response := range op.Responses {
			if response != nil && response.Ref != "" {
				name, _ := strings.CutPrefix(response.Ref, "#/components/responses/")
				response = oapi.Components.Responses[name] // a shared problem response
			}
			if response == nil {
				continue
			}
			if media := response.Content[jsonMediaType]; media != nil {
				addMediaTypes(response.Content, writers, media, nil)
			}
			if media := response.Content[jsonProblemType]; media != nil {
				addMediaTypes(response.Content, writers, media, problemType)
			}
		}
		if op.RequestBody != nil {
			if media := op.RequestBody.Content[jsonMediaType]; media != nil {
				addMediaTypes(op.RequestBody.Content, readers, media, nil)
			}
		}
	}
}

// jsonMediaType is the media type in which Huma documents bodies.
const jsonMediaType = "application/json"

// addMediaTypes documents media under each of mediaTypes (as rename gives
// it, when rename is not nil) that content does not document yet.
func addMediaTypes(content map[string]*huma.MediaType, mediaTypes []string, media *huma.MediaType, rename func(string) string) {
	for _, mediaType := range mediaTypes {
		if rename != nil {
			mediaType = rename(mediaType)
		}
		if content[mediaType] == nil {
			content[mediaType] = media
		}
	}
}
