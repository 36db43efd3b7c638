package conditional

import (
	"net/http"
	"time"
)

// Validators describe the current representation of the target resource:
// what a 200 response to GET would carry in ETag and Last-Modified.
type Validators struct {
	// ETag is the current entity tag; the zero ETag means the resource has
	// none, so no listed tag can match it.
	ETag ETag
	// LastModified is when the representation last changed; the zero time
	// means unknown, and the date conditions are then ignored. HTTP dates
	// have a resolution of one second: it is compared truncated to seconds.
	LastModified time.Time
	// Absent says the resource has no current representation: it does not
	// exist yet, as for a PUT that would create it. If-Match then fails and
	// If-None-Match: * succeeds. The other fields are ignored.
	Absent bool
}

// Outcome is the result of evaluating the preconditions of a request.
type Outcome int

const (
	// Proceed: perform the method and answer as usual.
	Proceed Outcome = iota
	// NotModified: answer 304 Not Modified, without content, carrying the
	// headers a 200 would (ETag, Last-Modified, Cache-Control, Expires, Vary,
	// Content-Location). Only for GET and HEAD.
	NotModified
	// PreconditionFailed: answer 412 Precondition Failed and do not perform
	// the method.
	PreconditionFailed
)

// Status returns the status code an outcome calls for: 304, 412, or 0 for
// Proceed (the operation's own status).
func (o Outcome) Status() int {
	switch o {
	case NotModified:
		return http.StatusNotModified
	case PreconditionFailed:
		return http.StatusPreconditionFailed
	}
	return 0
}

func (o Outcome) String() string {
	switch o {
	case Proceed:
		return "Proceed"
	case NotModified:
		return "NotModified"
	case PreconditionFailed:
		return "PreconditionFailed"
	}
	return "Outcome(invalid)"
}

// Evaluate applies the preconditions of a request with the given method to
// the current validators, in the order of RFC 9110 section 13.2.2:
//
//  1. If-Match, with the strong comparison ("*" matches any current
//     representation): if false, 412.
//  2. Only without If-Match, If-Unmodified-Since: if the representation
//     changed after the date, 412.
//  3. If-None-Match, with the weak comparison ("*" matches any current
//     representation): if a tag matches, 304 for GET and HEAD, 412 for other
//     methods.
//  4. Only for GET and HEAD and only without If-None-Match,
//     If-Modified-Since: if the representation has not changed after the
//     date, 304.
//
// Dates that are not a valid HTTP-date (or are a list of dates) are ignored,
// and so are the date conditions when the resource has no modification date.
// An entity-tag list that does not follow the grammar matches nothing.
//
// Evaluate only what would otherwise succeed: RFC 9110 section 13.2.1 asks a
// server to answer 404 (or any other error it detects before doing the work)
// without looking at preconditions.
func (p Params) Evaluate(method string, current Validators) Outcome {
	safe := method == http.MethodGet || method == http.MethodHead
	lastModified, hasDate := current.modified()

	switch {
	case p.IfMatch != "":
		if list, ok := parseTagList(p.IfMatch); !ok || !list.matches(current, strongMatch) {
			return PreconditionFailed
		}
	case p.IfUnmodifiedSince != "" && hasDate:
		if date, ok := parseDate(p.IfUnmodifiedSince); ok && lastModified.After(date) {
			return PreconditionFailed
		}
	}

	switch {
	case p.IfNoneMatch != "":
		if list, ok := parseTagList(p.IfNoneMatch); ok && list.matches(current, weakMatch) {
			if safe {
				return NotModified
			}
			return PreconditionFailed
		}
	case p.IfModifiedSince != "" && safe && hasDate:
		if date, ok := parseDate(p.IfModifiedSince); ok && !lastModified.After(date) {
			return NotModified
		}
	}
	return Proceed
}

// modified returns the modification date truncated to whole seconds, as it
// goes out in Last-Modified, and whether there is one.
func (v Validators) modified() (time.Time, bool) {
	if v.Absent || v.LastModified.IsZero() {
		return time.Time{}, false
	}
	return v.LastModified.Truncate(time.Second), true
}

// parseDate parses an HTTP-date in any of the three formats RFC 9110
// section 5.6.7 requires recipients to accept (IMF-fixdate, RFC 850,
// asctime).
func parseDate(value string) (time.Time, bool) {
	t, err := http.ParseTime(value)
	return t, err == nil
}
