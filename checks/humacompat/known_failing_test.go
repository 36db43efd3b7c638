package humacompat

// knownFailing lists the rows that do not yet answer as stock Huma, or
// whose two Signet paths do not yet agree, with the cause found for each.
// TestHumaParity logs their differences and tolerates them, and fails when
// one of them passes, so that it is taken off the list. It is empty: keep
// it so.
var knownFailing = []struct {
	row    string
	checks []check
	cause  string
}{}
