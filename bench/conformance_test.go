package bench

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// conformanceCases are the scenarios and the error cases around them.
func conformanceCases() []Scenario {
	cases := append([]Scenario(nil), Scenarios...)
	return append(cases,
		Scenario{Name: "get-default-currency", Method: http.MethodGet, Target: "/items/7", Status: http.StatusOK},
		Scenario{Name: "get-stale-etag", Method: http.MethodGet, Target: "/items/42",
			Header: http.Header{"If-None-Match": {`"v1-41"`}}, Status: http.StatusOK},
		Scenario{Name: "get-unknown", Method: http.MethodGet, Target: "/items/9999", Status: http.StatusNotFound},
		Scenario{Name: "get-id-zero", Method: http.MethodGet, Target: "/items/0", Status: http.StatusUnprocessableEntity},
		Scenario{Name: "get-id-not-int", Method: http.MethodGet, Target: "/items/abc", Status: http.StatusUnprocessableEntity},
		Scenario{Name: "get-bad-currency", Method: http.MethodGet, Target: "/items/1?currency=GBP", Status: http.StatusUnprocessableEntity},
		Scenario{Name: "list-default", Method: http.MethodGet, Target: "/items", Status: http.StatusOK},
		Scenario{Name: "list-too-many", Method: http.MethodGet, Target: "/items?limit=101", Status: http.StatusUnprocessableEntity},
		Scenario{Name: "post-no-tags", Method: http.MethodPost, Target: "/items", Header: jsonHeader(),
			Body: `{"name":"Plain","price":0}`, Status: http.StatusCreated},
		Scenario{Name: "post-missing-price", Method: http.MethodPost, Target: "/items", Header: jsonHeader(),
			Body: `{"name":"Plain"}`, Status: http.StatusUnprocessableEntity},
		Scenario{Name: "post-too-many-tags", Method: http.MethodPost, Target: "/items", Header: jsonHeader(),
			Body: `{"name":"T","price":1,"tags":["a","b","c","d","e","f","g","h","i"]}`, Status: http.StatusUnprocessableEntity},
		Scenario{Name: "post-malformed", Method: http.MethodPost, Target: "/items", Header: jsonHeader(),
			Body: `{"name":`, Status: http.StatusBadRequest},
		Scenario{Name: "delete-unknown", Method: http.MethodDelete, Target: "/items/9999", Status: http.StatusNotFound},
	)
}

// TestConformance checks, on a real server, that every contender answers
// every case as the hand-written chi reference does: the same status, the
// same ETag and Location, the same JSON body for a success (stock Huma's
// "$schema" property aside), a JSON problem for an error, no body where
// HTTP allows none.
func TestConformance(t *testing.T) {
	servers := map[string]*httptest.Server{}
	for _, c := range Contenders {
		servers[c.Name] = httptest.NewServer(c.API())
		t.Cleanup(servers[c.Name].Close)
	}
	for _, sc := range conformanceCases() {
		t.Run(sc.Name, func(t *testing.T) {
			want := send(t, Contenders[0].Name, servers[Contenders[0].Name].URL, sc)
			if want.status != sc.Status {
				t.Fatalf("the reference answered %d, want %d: %s", want.status, sc.Status, want.body)
			}
			for _, c := range Contenders {
				got := send(t, c.Name, servers[c.Name].URL, sc)
				checkConforms(t, c.Name, sc, want, got)
			}
		})
	}
}

// reply is what a contender sent, as the conformance test compares it.
type reply struct {
	status      int
	contentType string
	etag        string
	location    string
	body        []byte
}

func send(t *testing.T, name, base string, sc Scenario) reply {
	t.Helper()
	req, err := http.NewRequest(sc.Method, base+sc.Target, strings.NewReader(sc.Body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = sc.RequestHeader()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{
		status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"),
		etag: resp.Header.Get("ETag"), location: resp.Header.Get("Location"), body: body,
	}
}

func checkConforms(t *testing.T, name string, sc Scenario, want, got reply) {
	t.Helper()
	if got.status != want.status {
		t.Errorf("%s answered %d, the reference %d: %s", name, got.status, want.status, got.body)
		return
	}
	if sc.Target != "/openapi.json" && (got.etag != want.etag || got.location != want.location) {
		t.Errorf("%s sent ETag %q and Location %q, the reference %q and %q", name, got.etag, got.location, want.etag, want.location)
	}
	switch {
	case got.status == http.StatusNoContent || got.status == http.StatusNotModified:
		if len(got.body) != 0 {
			t.Errorf("%s sent a body with %d: %q", name, got.status, got.body)
		}
	case got.status >= 400:
		var problem struct{ Status int }
		if !strings.Contains(got.contentType, "json") || json.Unmarshal(got.body, &problem) != nil || problem.Status != got.status {
			t.Errorf("%s answered %d with %q, not a JSON problem with that Status: %s", name, got.status, got.contentType, got.body)
		}
	case sc.Target == "/openapi.json":
		var document struct {
			OpenAPI string
			Paths   map[string]any
		}
		if err := json.Unmarshal(got.body, &document); err != nil || document.OpenAPI == "" ||
			document.Paths["/items"] == nil || document.Paths["/items/{id}"] == nil {
			t.Errorf("%s did not serve an OpenAPI document with /items and /items/{id} (%v): %.200s", name, err, got.body)
		}
	default:
		if !strings.HasPrefix(got.contentType, "application/json") {
			t.Errorf("%s sent Content-Type %q, want application/json", name, got.contentType)
		}
		if !reflect.DeepEqual(decode(t, got.body), decode(t, want.body)) {
			t.Errorf("%s sent\n%s\nthe reference\n%s", name, got.body, want.body)
		}
	}
}

// decode returns a JSON body as generic values, without stock Huma's
// "$schema" property.
func decode(t *testing.T, body []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("not JSON (%v): %s", err, body)
	}
	if object, ok := v.(map[string]any); ok {
		delete(object, "$schema")
	}
	return v
}
