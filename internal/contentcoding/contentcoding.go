// Package contentcoding decides whether a response may be gzip-encoded, from
// the request's Accept-Encoding fields (RFC 9110 section 12.5.3). The docs
// UI's files and the OpenAPI documents use it; both keep their gzip
// encoding ready, so no compression happens per request.
package contentcoding

import "strings"

// AcceptsGzip reports whether the Accept-Encoding field values accept gzip:
// "gzip" (or "x-gzip") with a weight above zero, or else "*" with a weight
// above zero. No field at all accepts only the identity coding, as far as a
// server that cannot know better should assume.
func AcceptsGzip(fields []string) bool {
	accepted := false
	for _, field := range fields {
		for member := range strings.SplitSeq(field, ",") {
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
	for p := range strings.SplitSeq(params, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(name), "q") {
			value = strings.TrimSpace(value)
			return strings.Trim(value, "0.") == "" && value != ""
		}
	}
	return false
}
