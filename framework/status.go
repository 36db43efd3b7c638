package framework

import (
	"net/http"
	"strconv"
)

// BodyAllowed reports whether a response with the given status code may carry
// content. Every 1xx (interim responses), 204 No Content, 205 Reset Content
// and 304 Not Modified must not (RFC 9110 sections 15.2, 15.3.5, 15.3.6 and
// 15.4.5); every other status may.
func BodyAllowed(status int) bool {
	switch {
	case status >= 100 && status <= 199:
		return false
	case status == http.StatusNoContent, status == http.StatusResetContent, status == http.StatusNotModified:
		return false
	}
	return true
}

// responseKey is a key of an operation's Responses map, as OpenAPI allows it:
// a status code "100".."599", a range "1XX".."5XX", or "default".
type responseKey string

// valid reports whether k is a key OpenAPI allows for a response.
func (k responseKey) valid() bool {
	if k == "default" {
		return true
	}
	if len(k) != 3 || k[0] < '1' || k[0] > '5' {
		return false
	}
	if k[1:] == "XX" {
		return true
	}
	_, err := strconv.Atoi(string(k))
	return err == nil && k[1] >= '0' && k[1] <= '9' && k[2] >= '0' && k[2] <= '9'
}

// bodyAllowed applies BodyAllowed to a response key: "1XX" and the bodiless
// codes may not carry content; the other ranges and "default" may.
func (k responseKey) bodyAllowed() bool {
	if k == "1XX" {
		return false
	}
	if code, err := strconv.Atoi(string(k)); err == nil {
		return BodyAllowed(code)
	}
	return true
}

// description is the text a response under k is documented with when the
// operation gives none: the reason phrase of a code, or the name of its class
// (RFC 9110 section 15) for a range or a code without a registered phrase.
func (k responseKey) description() string {
	if k == "default" {
		return "Error"
	}
	if code, err := strconv.Atoi(string(k)); err == nil {
		if text := http.StatusText(code); text != "" {
			return text
		}
	}
	if len(k) == 0 {
		return ""
	}
	switch k[0] {
	case '1':
		return "Informational"
	case '2':
		return "Successful"
	case '3':
		return "Redirection"
	case '4':
		return "Client Error"
	case '5':
		return "Server Error"
	}
	return ""
}

// statusName is "204 No Content" for 204, or just the number for a code
// without a registered reason phrase.
func statusName(status int) string {
	if text := http.StatusText(status); text != "" {
		return strconv.Itoa(status) + " " + text
	}
	return strconv.Itoa(status)
}
