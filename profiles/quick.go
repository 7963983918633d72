package profiles

// QuickCommand is one button of a session's quick-command bar: Send is
// a line with the logon actions' placeholders ({password}, {user},
// {enter}, {ctrl-c}…; see protocol/logon.Expand), sent followed by Enter
// unless Keys is set.
type QuickCommand struct {
	Label string `json:"label"`
	Send  string `json:"send,omitempty"`
	// Keys sends Send as written, without Enter at the end.
	Keys bool `json:"keys,omitempty"`
}
