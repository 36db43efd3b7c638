package framework

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// dynamicStatuses reads the statuses an output's dynamic Status field may
// take from its enum tag, `enum:"200,304"`. Huma never documents a dynamic
// status; Signet documents each listed one like the DefaultStatus response,
// without content where the status allows none. It returns nil when there
// is no such tag, and an error naming the first bad entry.
func dynamicStatuses(output reflect.Type) ([]int, error) {
	field, ok := output.FieldByName("Status")
	if !ok {
		return nil, nil
	}
	tag, ok := field.Tag.Lookup("enum")
	if !ok {
		return nil, nil
	}
	var statuses []int
	for entry := range strings.SplitSeq(tag, ",") {
		status, err := strconv.Atoi(strings.TrimSpace(entry))
		if err != nil || status < 200 || status > 599 {
			return nil, fmt.Errorf("%q", entry)
		}
		statuses = append(statuses, status)
	}
	return statuses, nil
}

// documentDynamicStatuses documents each status of a dynamic Status field
// that the operation does not document itself: with the DefaultStatus
// response's headers, and its content when the status allows a body.
func documentDynamicStatuses(op *huma.Operation, statuses []int) {
	if len(statuses) == 0 {
		return
	}
	model := op.Responses[strconv.Itoa(op.DefaultStatus)]
	for _, status := range statuses {
		key := strconv.Itoa(status)
		if op.Responses[key] != nil || model == nil {
			continue
		}
		response := &huma.Response{Headers: model.Headers}
		if BodyAllowed(status) {
			response.Content = model.Content
		}
		op.Responses[key] = response
	}
}
