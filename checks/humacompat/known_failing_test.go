package humacompat

// knownFailing lists the rows that do not yet answer as stock Huma, or
// whose two Signet paths do not yet agree, with the cause found for each.
// TestHumaParity logs their differences and tolerates them, and fails when
// one of them passes, so that it is taken off the list. Issue 17 is done
// when the list is empty.
var knownFailing = []struct {
	row    string
	checks []check
	cause  string
}{
	// What only Go types show, which Huma's hooks never see: huma.Register
	// hands Signet the operation Huma built, not the input type.
	{"params/embedded-unexported", []check{samePaths},
		"only framework.Register sees the input type and refuses parameters in an unexported embedded struct; huma.Register on App.API() accepts the type and never reads X-Tenant, as Huma does"},
}
