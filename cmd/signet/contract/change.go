package contract

import "fmt"

// Level is how a change affects the clients of an API.
type Level int

// The levels, from the least to the most severe.
const (
	// Info is a change that no client can notice failing: an added
	// operation, a new optional field.
	Info Level = iota + 1
	// Warning is a change that may break some clients, depending on how
	// they are written: a removed optional request field, a changed pattern.
	Warning
	// Breaking is a change that makes requests or responses valid under the
	// base document invalid under the revision.
	Breaking
)

var levelNames = map[Level]string{Info: "info", Warning: "warning", Breaking: "breaking"}

// String returns "info", "warning" or "breaking".
func (l Level) String() string {
	if name, ok := levelNames[l]; ok {
		return name
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// MarshalText encodes l as its String, so JSON carries the name.
func (l Level) MarshalText() ([]byte, error) {
	if _, ok := levelNames[l]; !ok {
		return nil, fmt.Errorf("contract: unknown level %d", int(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText decodes a level from its name, as [ParseLevel].
func (l *Level) UnmarshalText(text []byte) error {
	parsed, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*l = parsed
	return nil
}

// ParseLevel returns the level named s: "info", "warning" or "breaking".
func ParseLevel(s string) (Level, error) {
	for level, name := range levelNames {
		if s == name {
			return level, nil
		}
	}
	return 0, fmt.Errorf("unknown level %q: use breaking, warning or info", s)
}

// A Change is one difference between two documents that matters to the
// API's clients.
type Change struct {
	Level Level `json:"level"`
	// Operation is the method and path of the operation the change
	// concerns, such as "POST /items", or "" for a change outside the
	// operations (a removed schema under components).
	Operation string `json:"operation,omitempty"`
	// Text says what changed, for example "the request property `note`
	// became required".
	Text string `json:"text"`
	// Comment, when set, says why the change has its level.
	Comment string `json:"comment,omitempty"`
	// Rule is the identifier of the oasdiff rule that reported the change,
	// such as "request-property-became-required", under which oasdiff
	// documents it.
	Rule string `json:"rule"`
}

// String returns the change on one line: level, operation, text and rule.
func (c Change) String() string {
	if c.Operation == "" {
		return fmt.Sprintf("%s: %s [%s]", c.Level, c.Text, c.Rule)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", c.Level, c.Operation, c.Text, c.Rule)
}

// Count returns how many of changes are at level.
func Count(changes []Change, level Level) int {
	n := 0
	for _, c := range changes {
		if c.Level == level {
			n++
		}
	}
	return n
}

// AtLeast reports whether any of changes is at level or more severe.
func AtLeast(changes []Change, level Level) bool {
	for _, c := range changes {
		if c.Level >= level {
			return true
		}
	}
	return false
}
