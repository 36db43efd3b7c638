package framework

import (
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// documentRules is an OnAddOperation hook: it runs on every operation as it
// enters the document, whoever registered it, and makes the document say
// what the App will do:
//   - each status of a dynamic Status field's enum is documented (typed
//     facts; Huma documents none);
//   - output headers tagged required:"true" are documented as required;
//   - every status Signet itself may send for the operation is documented
//     (frameworkStatuses), as problem details: its input policy's, its
//     security's (401 with its WWW-Authenticate challenge, 403 where scopes
//     are required) and those its error mapping can answer with;
//   - every problem response has an example that states its own status
//     (the schema's example says 400 whatever the status);
//   - every response has a description, which OpenAPI requires.
//
// It documents; it refuses nothing: the adapter's admission refuses what
// contradicts HTTP, for hidden operations too, which never enter the
// document.
func documentRules(oapi *huma.OpenAPI, op *huma.Operation) {
	if facts := factsOf(op); facts != nil {
		documentDynamicStatuses(op, facts.dynamicStatuses)
		documentRequiredHeaders(op, facts.requiredHeaders)
	}
	documentFrameworkStatuses(oapi, op)
	for key, response := range op.Responses {
		k := responseKey(key)
		if response == nil || response.Ref != "" {
			continue // refused by the admission; or documented where it is defined
		}
		if response.Description == "" {
			response.Description = k.description()
		}
		addProblemExample(key, response)
	}
}

// frameworkStatuses are the statuses Signet itself answers an operation
// with, whatever its handler does: 500 for any failure of the handler or
// the server, 504 for one after the request's deadline; for an operation with a request body, 400 (a body that is not
// valid JSON or cannot be read), 408 (a body that does not arrive in time),
// 413 (over the limit) and 415 (a media type the operation does not take);
// 422 for an input that can fail validation; 401 for an operation that
// requires credentials, and 403 when it requires scopes; the statuses its
// handler's errors are mapped to (framework.Register's operations).
func frameworkStatuses(oapi *huma.OpenAPI, op *huma.Operation) []int {
	statuses := []int{http.StatusInternalServerError, http.StatusGatewayTimeout}
	if requirements := effectiveSecurity(oapi, op); !slices.ContainsFunc(requirements, hasSchemes) {
		// public: no alternative names a scheme
	} else {
		statuses = append(statuses, http.StatusUnauthorized)
		if requiresScopes(requirements) {
			statuses = append(statuses, http.StatusForbidden)
		}
	}
	if facts := factsOf(op); facts != nil {
		statuses = append(statuses, facts.errorStatuses...)
	}
	if op.RequestBody != nil {
		statuses = append(statuses, http.StatusBadRequest, http.StatusRequestTimeout,
			http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType)
	}
	if op.RequestBody != nil || len(op.Parameters) > 0 {
		statuses = append(statuses, http.StatusUnprocessableEntity)
	}
	return statuses
}

// documentFrameworkStatuses documents each framework status that op does
// not document by its code.
func documentFrameworkStatuses(oapi *huma.OpenAPI, op *huma.Operation) {
	documentProblems(oapi, op, frameworkStatuses(oapi, op))
}

// documentProblems documents each of statuses that op does not document
// by its code, as Huma documents op.Errors: problem details with Huma's
// error schema.
func documentProblems(oapi *huma.OpenAPI, op *huma.Operation, statuses []int) {
	for _, status := range statuses {
		key := strconv.Itoa(status)
		ref := sharedProblemResponse(oapi, status)
		// A Responses map an earlier App filled may come back with a
		// reference to that App's shared response: the call above has
		// just defined it in this document too.
		if op.Responses[key] == nil || op.Responses[key].Ref == ref {
			op.Responses[key] = &huma.Response{Ref: ref}
		}
	}
}

// sharedProblemResponse returns a reference to the document's one
// response for a problem with status, under components.responses, named
// after its reason phrase ("UnprocessableEntity"), and adds it the first
// time: every operation refers to it instead of repeating it, which keeps
// the document small. An App's own response of that name is used as it is.
func sharedProblemResponse(oapi *huma.OpenAPI, status int) string {
	name := strings.ReplaceAll(http.StatusText(status), " ", "")
	if oapi.Components.Responses == nil {
		oapi.Components.Responses = map[string]*huma.Response{}
	}
	if oapi.Components.Responses[name] == nil {
		response := &huma.Response{Description: http.StatusText(status), Content: problemContent(oapi.Components.Schemas)}
		if status == http.StatusUnauthorized {
			response.Headers = map[string]*huma.Param{"WWW-Authenticate": {
				Description: "The challenges of the schemes the operation accepts (RFC 9110 section 11.6.1)",
				Required:    true,
				Schema:      &huma.Schema{Type: huma.TypeString},
			}}
		}
		addProblemExample(strconv.Itoa(status), response)
		oapi.Components.Responses[name] = response
	}
	return "#/components/responses/" + name
}

// hasSchemes reports whether a security alternative names a scheme (an
// empty one allows anonymous access).
func hasSchemes(requirement map[string][]string) bool { return len(requirement) > 0 }

// problemContent is the content of a problem response as Huma documents
// it for op.Errors: its error model, in the media type the model declares.
func problemContent(registry huma.Registry) map[string]*huma.MediaType {
	model := huma.NewError(0, "")
	mediaType := "application/json"
	if filter, ok := model.(huma.ContentTypeFilter); ok {
		mediaType = filter.ContentType(mediaType)
	}
	t := derefType(reflect.TypeOf(model))
	return map[string]*huma.MediaType{mediaType: {Schema: registry.Schema(t, true, "Error")}}
}

// addProblemExample gives a problem response under a status code an
// example that states that code: Huma's error schema carries one example
// for every status, 400. The content map may be shared between responses,
// so each media type is copied before its example is set.
func addProblemExample(key string, response *huma.Response) {
	status, err := strconv.Atoi(key)
	if err != nil || status < 400 {
		return
	}
	for mediaType, media := range response.Content {
		if mediaType != problemContentType || media == nil || media.Example != nil || len(media.Examples) > 0 {
			continue
		}
		withExample := *media
		withExample.Example = &huma.ErrorModel{Title: http.StatusText(status), Status: status}
		copied := make(map[string]*huma.MediaType, len(response.Content))
		for k, v := range response.Content {
			copied[k] = v
		}
		copied[mediaType] = &withExample
		response.Content = copied
	}
}

// documentRequiredHeaders marks the named headers of the operation's
// responses as required.
func documentRequiredHeaders(op *huma.Operation, names []string) {
	for _, response := range op.Responses {
		if response == nil {
			continue
		}
		for _, name := range names {
			if header := response.Headers[name]; header != nil {
				header.Required = true
			}
		}
	}
}
