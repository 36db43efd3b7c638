package framework

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// documentConfiguredStatuses is an OnAddOperation hook that documents the
// statuses the options of the App's Huma configuration let it answer an
// operation with, as documentRules documents Signet's own: 406 with
// NoFormatFallback (see negotiateFirst), and 422 where unknown query
// parameters are refused (RejectUnknownQueryParameters, of the
// configuration or of the operation), even on an operation without
// parameters.
func documentConfiguredStatuses(hc huma.Config) huma.AddOpFunc {
	return func(oapi *huma.OpenAPI, op *huma.Operation) {
		var statuses []int
		if hc.NoFormatFallback {
			statuses = append(statuses, http.StatusNotAcceptable)
		}
		if (hc.RejectUnknownQueryParameters || op.RejectUnknownQueryParameters) && !op.SkipValidateParams {
			statuses = append(statuses, http.StatusUnprocessableEntity)
		}
		documentProblems(oapi, op, statuses)
	}
}
