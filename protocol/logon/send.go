package logon

// SendTo sends one expanded line to out: with Enter as a line (local echo
// shows Shown), without as keys; a secret's bytes are masked in the raw
// log either way.
func (l Line) SendTo(out Sender) {
	switch {
	case l.Enter:
		out.SendSecretLine(l.Text, l.Shown)
	case l.Secret:
		out.SendSecretData([]byte(l.Text))
	default:
		out.SendData([]byte(l.Text))
	}
}
