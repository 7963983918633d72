package termtab

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/prompt"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// Type sends what a key sends (the key table's bytes, see keytable.go)
// to the telnet> prompt or the session; it runs on the UI goroutine.
func (t *Tab) Type(p []byte) {
	t.mu.Lock()
	promptOn := t.promptOn
	t.mu.Unlock()
	// Any key stops the logon actions before it goes out; Escape only
	// stops them.
	if t.InterruptLogon() && len(p) == 1 && p[0] == 0x1b && !promptOn {
		return
	}
	if promptOn {
		t.promptKeys(p)
		return
	}
	t.recordKeys(t.Session(), p)
	t.scr.ScrollToBottom()
	t.lastKey.Store(time.Now().UnixNano())
	t.sendKeys(p)
	if len(p) <= 8 { // a key, not a paste
		t.awaitEcho()
	}
}

// sendKeys sends p to the session and, with Type into all tabs on, to the
// others. The others go first: whether p goes there depends on the prompt
// p was typed at (a password prompt asks first), and once this session has
// sent p, its server may already have answered with the next prompt.
func (t *Tab) sendKeys(p []byte) {
	t.host.BroadcastKeys(t, p)
	if s := t.Session(); s != nil {
		_, _ = s.Write(p)
	}
}

// OpenPrompt shows telnet> in the terminal; keys go to it until a command
// has run (or an empty line is entered).
func (t *Tab) OpenPrompt() {
	t.mu.Lock()
	if t.promptOn || t.closing {
		t.mu.Unlock()
		return
	}
	t.promptOn, t.promptBuf = true, nil
	t.mu.Unlock()
	t.scr.ScrollToBottom()
	t.Print("\r\ntelnet> ")
}

// Print shows Tern's own text in the terminal, as if the server sent it.
func (t *Tab) Print(text string) { t.scr.Write([]byte(text)) }

// promptKeys edits the telnet> line.
func (t *Tab) promptKeys(p []byte) {
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		p = p[size:]
		switch {
		case r == '\r' || r == '\n':
			t.runPromptLine()
			if len(p) > 0 && p[0] == '\n' {
				p = p[1:]
			}
		case r == 0x08 || r == 0x7f:
			t.mu.Lock()
			if n := len(t.promptBuf); n > 0 {
				t.promptBuf = t.promptBuf[:n-1]
				t.Print("\b \b")
			}
			t.mu.Unlock()
		case r == 0x15: // ^U
			t.mu.Lock()
			for range t.promptBuf {
				t.Print("\b \b")
			}
			t.promptBuf = nil
			t.mu.Unlock()
		case r == 0x03 || r == 0x1b: // ^C or Esc leaves the prompt
			t.leavePrompt("\r\n")
			return
		case r >= 0x20 && r != utf8.RuneError:
			t.mu.Lock()
			if len(t.promptBuf) < 512 {
				t.promptBuf = append(t.promptBuf, r)
				t.Print(string(r))
			}
			t.mu.Unlock()
		}
	}
}

func (t *Tab) leavePrompt(text string) {
	t.mu.Lock()
	t.promptOn, t.promptBuf = false, nil
	t.mu.Unlock()
	t.Print(text)
}

func (t *Tab) runPromptLine() {
	t.mu.Lock()
	line := string(t.promptBuf)
	t.promptBuf = nil
	t.mu.Unlock()
	t.Print("\r\n")
	out, resume := prompt.Run(line, promptTarget{t})
	t.Print(out)
	t.mu.Lock()
	closing := t.closing
	t.mu.Unlock()
	if closing {
		return
	}
	if resume {
		t.leavePrompt("")
		return
	}
	t.Print("telnet> ")
}

// promptTarget is the tab as the telnet> commands see it.
type promptTarget struct{ t *Tab }

func (p promptTarget) Connected() bool { return p.t.State() == protocol.StateConnected }

func (p promptTarget) Open(host, port string) error {
	if err := settings.ValidateHost(host); err != nil {
		return fmt.Errorf("%s: %v", host, err)
	}
	if port != "" {
		if err := settings.ValidatePort(port); err != nil {
			return fmt.Errorf("%s: %v", port, err)
		}
	}
	st := p.t.settings
	st.Engine.Host, st.Engine.Port, st.Name = host, port, ""
	p.t.settings = st
	p.t.host.Retitle(p.t, "", false)
	p.t.cancelReconnect()
	p.t.Connect()
	return nil
}

func (p promptTarget) Close() { p.t.Disconnect() }

func (p promptTarget) Quit() { p.t.host.CloseTab(p.t, false) }

func (p promptTarget) Status() protocol.Status {
	if s := p.t.Session(); s != nil {
		return s.Status()
	}
	return protocol.Status{Escape: protocol.DefaultEscape}
}

func (p promptTarget) Send(verb string) error {
	s := p.t.Session()
	if s == nil {
		return fmt.Errorf("?Need to be connected first.")
	}
	return s.SendSpecial(verb)
}

func (p promptTarget) SetEscape(c int) {
	if s := p.t.Session(); s != nil {
		s.SetEscape(c)
	}
	p.t.settings.Engine.Escape = c
}

func (p promptTarget) Toggle(name string) (string, error) {
	s := p.t.Session()
	if s == nil {
		return "", fmt.Errorf("?Need to be connected first.")
	}
	st := s.Status()
	switch name {
	case "localecho":
		if st.LocalEcho {
			s.SetLocalEcho(protocol.ForceOff)
			return "Will not echo characters locally.", nil
		}
		s.SetLocalEcho(protocol.ForceOn)
		return "Will echo characters locally.", nil
	case "crlf":
		p.t.settings.Engine.EnterSendsCRNUL = !p.t.settings.Engine.EnterSendsCRNUL
		s.SetCRNUL(p.t.settings.Engine.EnterSendsCRNUL)
		if p.t.settings.Engine.EnterSendsCRNUL {
			return "Will send carriage returns as telnet <CR><NUL>.", nil
		}
		return "Will send carriage returns as telnet <CR><LF>.", nil
	case "binary":
		on := !binaryOn(st)
		s.RequestBinary(on)
		if on {
			return "Negotiating binary mode with remote host.", nil
		}
		return "Negotiating network ascii mode with remote host.", nil
	}
	return "", fmt.Errorf("'%s': unknown argument ('toggle ?' for help).", name)
}

func binaryOn(st protocol.Status) bool {
	for _, o := range st.Options {
		if o.Option == telnet.OptBinary && (o.Local == telnet.Yes || o.Remote == telnet.Yes) {
			return true
		}
	}
	return false
}

func (p promptTarget) Mode(name string) error {
	s := p.t.Session()
	if s == nil {
		return fmt.Errorf("?Need to be connected first.")
	}
	switch name {
	case "line":
		s.SetLocalEdit(protocol.ForceOn)
	case "character", "char":
		s.SetLocalEdit(protocol.ForceOff)
	default:
		return fmt.Errorf("?Ambiguous mode '%s' ('mode ?' for help).", name)
	}
	return nil
}

// InPrompt reports whether the tab is at its telnet> prompt, where keys
// go to the prompt rather than the session.
func (t *Tab) InPrompt() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.promptOn
}
