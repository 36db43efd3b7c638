package main

import (
	"net/http"
	"strconv"
)

// Status is this API's own type for the statuses it chooses, like Python's
// http.HTTPStatus, an IntEnum. Its underlying type is int, so a constant
// converts with int(...) wherever Signet takes a status.
type Status int

const (
	StatusCreated  Status = http.StatusCreated
	StatusAccepted Status = http.StatusAccepted
)

// String is "202 Accepted".
func (s Status) String() string {
	return strconv.Itoa(int(s)) + " " + http.StatusText(int(s))
}
