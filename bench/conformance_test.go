package bench

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// conformanceCases are the scenarios and the error cases around them.
func conformanceCases() []scenario {
	cases := append([]scenario(nil), scenarios...)
	return append(cases,
		scenario{name: "get-default-currency", method: http.MethodGet, target: "/items/7", status: http.StatusOK},
		scenario{name: "get-stale-etag", method: http.MethodGet, target: "/items/42",
			header: http.Header{"If-None-Match": {`"v1-41"`}}, status: http.StatusOK},
		scenario{name: "get-unknown", method: http.MethodGet, target: "/items/9999", status: http.StatusNotFound},
		scenario{name: "get-id-zero", method: http.MethodGet, target: "/items/0", status: http.StatusUnprocessableEntity},
		scenario{name: "get-id-not-int", method: http.MethodGet, target: "/items/abc", status: http.StatusUnprocessableEntity},
		scenario{name: "get-bad-currency", method: http.MethodGet, target: "/items/1?currency=GBP", status: http.StatusUnprocessableEntity},
		scenario{name: "list-default", method: http.MethodGet, target: "/items", status: http.StatusOK},
		scenario{name: "list-too-many", method: http.MethodGet, target: "/items?limit=101", status: http.StatusUnprocessableEntity},
		scenario{name: "post-no-tags", method: http.MethodPost, target: "/items", header: jsonHeader(),
			body: `{"name":"Plain","price":0}`, status: http.StatusCreated},
		scenario{name: "post-missing-price", method: http.MethodPost, target: "/items", header: jsonHeader(),
			body: `{"name":"Plain"}`, status: http.StatusUnprocessableEntity},
		scenario{name: "post-too-many-tags", method: http.MethodPost, target: "/items", header: jsonHeader(),
			body: `{"name":"T","price":1,"tags":["a","b","c","d","e","f","g","h","i"]}`, status: http.StatusUnprocessableEntity},
		scenario{name: "post-malformed", method: http.MethodPost, target: "/items", header: jsonHeader(),
			body: `{"name":`, status: http.StatusBadRequest},
		scenario{name: "delete-unknown", method: http.MethodDelete, target: "/items/9999", status: http.StatusNotFound},
	)
}

// TestConformance checks, on a real server, that every contender answers
// every case as the hand-written chi reference does: the same status, the
// same ETag and Location, the same JSON body for a success (stock Huma's
// "$schema" property aside), a JSON problem for an error, no body where
// HTTP allows none.
func TestConformance(t *testing.T) {
	servers := map[string]*httptest.Server{}
	for _, c := range contenders {
		servers[c.name] = httptest.NewServer(c.api())
		t.Cleanup(servers[c.name].Close)
	}
	for _, sc := range conformanceCases() {
		t.Run(sc.name, func(t *testing.T) {
			want := send(t, contenders[0].name, servers[contenders[0].name].URL, sc)
			if want.status != sc.status {
				t.Fatalf("the reference answered %d, want %d: %s", want.status, sc.status, want.body)
			}
			for _, c := range contenders {
				got := send(t, c.name, servers[c.name].URL, sc)
				checkConforms(t, c.name, sc, want, got)
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

func send(t *testing.T, name, base string, sc scenario) reply {
	t.Helper()
	req, err := http.NewRequest(sc.method, base+sc.target, strings.NewReader(sc.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "application/json")
	maps.Copy(req.Header, sc.header)
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

func checkConforms(t *testing.T, name string, sc scenario, want, got reply) {
	t.Helper()
	if got.status != want.status {
		t.Errorf("%s answered %d, the reference %d: %s", name, got.status, want.status, got.body)
		return
	}
	if sc.target != "/openapi.json" && (got.etag != want.etag || got.location != want.location) {
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
			t.Errorf("%s answered %d with %q, not a JSON problem with that status: %s", name, got.status, got.contentType, got.body)
		}
	case sc.target == "/openapi.json":
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
