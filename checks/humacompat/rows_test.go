package humacompat

import "slices"

// allRows is the table: every area's rows, in order.
func allRows() []row {
	return slices.Concat(
		paramRows(),
		bodyRows(),
		responseRows(),
		errorRows(),
		contextRows(),
		groupRows(),
		helperRows(),
		negotiationRows(),
		configRows(),
	)
}
