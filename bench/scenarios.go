package bench

import (
	"net/http"
)

// Scenario is one request of the catalog API and the status it must get.
type Scenario struct {
	Name   string
	Method string
	Target string // path and query
	Header http.Header
	Body   string
	Status int
}

// Scenarios are the timed requests. Every request also says
// "Accept: application/json", as API clients do (Fuego answers text/plain
// without it).
var Scenarios = []Scenario{
	{Name: "get", Method: http.MethodGet, Target: "/items/42?currency=USD", Status: http.StatusOK},
	{Name: "post", Method: http.MethodPost, Target: "/items", Header: jsonHeader(),
		Body: `{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`, Status: http.StatusCreated},
	{Name: "delete", Method: http.MethodDelete, Target: "/items/42", Status: http.StatusNoContent},
	{Name: "get-304", Method: http.MethodGet, Target: "/items/42",
		Header: http.Header{"If-None-Match": {`"v1-42"`}}, Status: http.StatusNotModified},
	{Name: "post-422", Method: http.MethodPost, Target: "/items", Header: jsonHeader(),
		Body: `{"name":"","price":-1}`, Status: http.StatusUnprocessableEntity},
	{Name: "list-100", Method: http.MethodGet, Target: "/items?limit=100", Status: http.StatusOK},
	{Name: "openapi", Method: http.MethodGet, Target: "/openapi.json", Status: http.StatusOK},
}

// RequestHeader is the header of sc's request.
func (sc Scenario) RequestHeader() http.Header {
	h := http.Header{"Accept": {"application/json"}}
	for name, values := range sc.Header {
		h[name] = values
	}
	return h
}

func jsonHeader() http.Header { return http.Header{"Content-Type": {"application/json"}} }
