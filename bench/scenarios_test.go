package bench

import (
	"net/http"
)

// scenario is one request of the catalog API and the status it must get.
type scenario struct {
	name   string
	method string
	target string
	header http.Header
	body   string
	status int
}

// scenarios are the timed requests.
var scenarios = []scenario{
	{name: "get", method: http.MethodGet, target: "/items/42?currency=USD", status: http.StatusOK},
	{name: "post", method: http.MethodPost, target: "/items", header: jsonHeader(),
		body: `{"name":"Blue widget","price":12.5,"tags":["blue","small"]}`, status: http.StatusCreated},
	{name: "delete", method: http.MethodDelete, target: "/items/42", status: http.StatusNoContent},
	{name: "get-304", method: http.MethodGet, target: "/items/42",
		header: http.Header{"If-None-Match": {`"v1-42"`}}, status: http.StatusNotModified},
	{name: "post-422", method: http.MethodPost, target: "/items", header: jsonHeader(),
		body: `{"name":"","price":-1}`, status: http.StatusUnprocessableEntity},
	{name: "list-100", method: http.MethodGet, target: "/items?limit=100", status: http.StatusOK},
	{name: "openapi", method: http.MethodGet, target: "/openapi.json", status: http.StatusOK},
}

func jsonHeader() http.Header { return http.Header{"Content-Type": {"application/json"}} }
