package termtab

import "time"

// Type sends what a key sends (the key table's bytes, gui/termkeys)
// to the telnet> prompt or the session; it runs on the UI goroutine. Any
// key stops the logon actions before it goes out; Escape only stops them.
//
// With Type into all tabs on, the other tabs get p first: whether p goes
// there depends on the prompt p was typed at (a password prompt asks
// first), and once this session has sent p, its server may already have
// answered with the next prompt.
func (t *Tab) Type(p []byte) {
	if t.Controller.TakeKeys(p) {
		return
	}
	t.scr.ScrollToBottom()
	t.lastKey.Store(time.Now().UnixNano())
	t.host.BroadcastKeys(t, p)
	t.Controller.Send(p)
	if len(p) <= 8 { // a key, not a paste
		t.echo.await(t.show)
	}
}
