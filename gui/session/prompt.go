package session

import (
	"fmt"
	"maps"
	"time"
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/prompt"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/telnet"
	"github.com/tern-telnet/tern/protocol/telnetopt"
)

// The telnet> prompt: the escape character (Ctrl+]) opens it, and keys go
// to it until a command has run (or an empty line is entered).

// promptLineMax bounds the line typed at the prompt, in runes.
const promptLineMax = 512

// promptLine is the prompt's state; the Controller's mu guards it.
type promptLine struct {
	on  bool
	buf []rune
}

// OpenPrompt shows telnet> in the terminal; keys go to it until a command
// has run (or an empty line is entered).
func (c *Controller) OpenPrompt() {
	c.mu.Lock()
	if c.prompt.on || c.closing {
		c.mu.Unlock()
		return
	}
	c.prompt = promptLine{on: true}
	c.mu.Unlock()
	c.Print("\r\ntelnet> ")
}

// InPrompt reports whether the telnet> prompt is open, where keys go to
// the prompt rather than the session.
func (c *Controller) InPrompt() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.prompt.on
}

// TakeKeys sees a key (or a paste) the person typed before it goes out:
// it stops the logon actions, and takes the key when the telnet> prompt
// is open or when it is an Escape that only stopped them. It reports
// whether the key was taken; one not taken is for Send.
func (c *Controller) TakeKeys(p []byte) bool {
	promptOn := c.InPrompt()
	if c.InterruptLogon() {
		c.host.Changed()
		if len(p) == 1 && p[0] == 0x1b && !promptOn {
			return true
		}
	}
	if !promptOn {
		return false
	}
	c.promptKeys(p)
	return true
}

// promptKeys edits the telnet> line.
func (c *Controller) promptKeys(p []byte) {
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		p = p[size:]
		switch {
		case r == '\r' || r == '\n':
			c.runPromptLine()
			if len(p) > 0 && p[0] == '\n' {
				p = p[1:]
			}
		case r == 0x03 || r == 0x1b: // ^C or Esc leaves the prompt
			c.leavePrompt("\r\n")
			return
		default:
			c.Print(c.editPrompt(r))
		}
	}
}

// editPrompt applies one key to the line and returns what the terminal
// shows for it.
func (c *Controller) editPrompt(r rune) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := &c.prompt.buf
	switch {
	case r == 0x08 || r == 0x7f:
		if n := len(*b); n > 0 {
			*b = (*b)[:n-1]
			return "\b \b"
		}
	case r == 0x15: // ^U
		erase := ""
		for range *b {
			erase += "\b \b"
		}
		*b = nil
		return erase
	case r >= 0x20 && r != utf8.RuneError && len(*b) < promptLineMax:
		*b = append(*b, r)
		return string(r)
	}
	return ""
}

func (c *Controller) leavePrompt(text string) {
	c.mu.Lock()
	c.prompt = promptLine{}
	c.mu.Unlock()
	c.Print(text)
}

func (c *Controller) runPromptLine() {
	c.mu.Lock()
	line := string(c.prompt.buf)
	c.prompt.buf = nil
	c.mu.Unlock()
	c.Print("\r\n")
	out, resume := prompt.Run(line, promptTarget{c})
	c.Print(out)
	c.mu.Lock()
	closing := c.closing
	c.mu.Unlock()
	if closing {
		return
	}
	if resume {
		c.leavePrompt("")
		return
	}
	c.printPromptAfterOutput()
}

// printPromptAfterOutput prints telnet> again once what the session has
// still to show is shown: after "close", its "Connection closed." comes
// first, as in telnet (the session writes it from its own goroutine). It
// waits at most a second, on a goroutine of its own.
func (c *Controller) printPromptAfterOutput() {
	c.mu.Lock()
	s, fed := c.sess, c.fedAll
	c.mu.Unlock()
	if s == nil || !s.ClosedByUs() && s.Status().State != protocol.StateClosed {
		c.Print("telnet> ") // nothing is ending
		return
	}
	go func() {
		select {
		case <-fed:
		case <-time.After(time.Second):
		}
		c.Print("telnet> ")
	}()
}

// promptTarget is the controller as the telnet> commands see it.
type promptTarget struct{ c *Controller }

func (p promptTarget) Connected() bool { return p.c.State() == protocol.StateConnected }

// Open connects to another host (or port): the settings follow, without
// the profile's name, so its keychain password stays behind; with a user
// (open -l), that is the auto-login user name.
func (p promptTarget) Open(host, port, user string) error {
	if err := settings.ValidateHost(host); err != nil {
		return fmt.Errorf("%s: %v", host, err)
	}
	if port != "" {
		if err := settings.ValidatePort(port); err != nil {
			return fmt.Errorf("%s: %v", port, err)
		}
	}
	p.c.mu.Lock()
	p.c.settings.Engine.Host, p.c.settings.Engine.Port, p.c.settings.Name = host, port, ""
	if user != "" { // as telnet's open -l: USER is user, exported
		e := &p.c.settings.Engine
		e.User = user
		e.Environment = withoutUser(e.Environment)
		e.EnvironUnexported = withoutUser(e.EnvironUnexported)
	}
	p.c.mu.Unlock()
	p.c.host.Retitle()
	p.c.cancelReconnect()
	p.c.Connect()
	return nil
}

// withoutUser is vars without USER, copied (the settings' maps may be
// shared with the profile they came from).
func withoutUser(vars map[string]string) map[string]string {
	if _, ok := vars["USER"]; !ok {
		return vars
	}
	c := maps.Clone(vars)
	delete(c, "USER")
	return c
}

func (p promptTarget) Close() { p.c.Disconnect() }

func (p promptTarget) Logout() error {
	s := p.c.Session()
	if s == nil {
		return fmt.Errorf("?Need to be connected first.")
	}
	return s.Logout()
}

func (p promptTarget) Quit() { p.c.host.Quit() }

// Status is the session's, with the tab's own toggles (kept across its
// connections).
func (p promptTarget) Status() protocol.Status {
	st := protocol.Status{Escape: escapechar.Default}
	if s := p.c.Session(); s != nil {
		st = s.Status()
	}
	p.c.mu.Lock()
	st.ShowOptions = p.c.settings.Engine.ShowOptions
	p.c.mu.Unlock()
	return st
}

func (p promptTarget) Send(verb string) error {
	s := p.c.Session()
	if s == nil {
		return fmt.Errorf("?Need to be connected first.")
	}
	return s.SendSpecial(verb)
}

func (p promptTarget) SetEscape(ch int) {
	if s := p.c.Session(); s != nil {
		s.SetEscape(ch)
	}
	p.c.mu.Lock()
	p.c.settings.Engine.Escape = ch
	p.c.mu.Unlock()
}

// keptToggle is a toggle held in the tab's settings, so it outlives a
// connection as telnet's toggles do: the setting, what applies it to the
// tab and its session, and telnet's words for it ("Will %s.").
type keptToggle struct {
	field func(st *settings.Session) *bool
	apply func(c *Controller, s *protocol.Session, st settings.Session)
	words string
}

var keptToggles = map[string]keptToggle{
	"options": {func(st *settings.Session) *bool { return &st.Engine.ShowOptions },
		func(_ *Controller, s *protocol.Session, st settings.Session) {
			if s != nil {
				s.ShowOptions(st.Engine.ShowOptions)
			}
		}, "show option processing"},
	"crmod": {func(st *settings.Session) *bool { return &st.CRImpliesLF },
		func(c *Controller, _ *protocol.Session, st settings.Session) {
			c.ApplyLineEnds(st.LFImpliesCR, st.CRImpliesLF)
		},
		"map carriage return on output"},
	"localchars": {func(st *settings.Session) *bool { return &st.Engine.KeyboardSpecials },
		func(_ *Controller, s *protocol.Session, st settings.Session) {
			if s != nil {
				s.SetKeyboardSpecials(st.Engine.KeyboardSpecials)
			}
		}, "recognize certain control characters"},
}

func (p promptTarget) Toggle(name string) (string, error) {
	s := p.c.Session()
	if kt, ok := keptToggles[name]; ok {
		p.c.mu.Lock()
		f := kt.field(&p.c.settings)
		*f = !*f
		on, st := *f, p.c.settings
		p.c.mu.Unlock()
		kt.apply(p.c, s, st)
		if on {
			return "Will " + kt.words + ".", nil
		}
		return "Won't " + kt.words + ".", nil
	}
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
		p.c.mu.Lock()
		p.c.settings.Engine.EnterSendsCRNUL = !p.c.settings.Engine.EnterSendsCRNUL
		on := p.c.settings.Engine.EnterSendsCRNUL
		p.c.mu.Unlock()
		s.SetCRNUL(on)
		if on {
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

// Environ is the variables of the tab's settings (the session has the
// same).
func (p promptTarget) Environ() telnetopt.Environ {
	p.c.mu.Lock()
	defer p.c.mu.Unlock()
	e := p.c.settings.Engine
	return telnetopt.EnvironOf(e.User, e.Environment, e.EnvironUnexported)
}

// SetEnviron changes the variables of the session and of the tab's next
// connections, as telnet's "environ" keeps them (Save to profile keeps
// the exported ones). The auto-login user name stays as it is: the logon
// actions' {user} and the keychain go by it, whatever USER is made.
func (p promptTarget) SetEnviron(env telnetopt.Environ) {
	p.c.mu.Lock()
	e := &p.c.settings.Engine
	e.Environment, e.EnvironUnexported = env.Split(e.User)
	env = telnetopt.EnvironOf(e.User, e.Environment, e.EnvironUnexported)
	p.c.mu.Unlock()
	if s := p.c.Session(); s != nil {
		s.SetEnviron(env)
	}
}

func (p promptTarget) SendEnviron(name string) error {
	s := p.c.Session()
	if s == nil {
		return protocol.ErrEnvironNotEnabled
	}
	return s.SendEnviron(name)
}

// Toggled reports a toggle kept in the tab's settings (crmod,
// localchars, options).
func (p promptTarget) Toggled(name string) bool {
	kt, ok := keptToggles[name]
	if !ok {
		return false
	}
	p.c.mu.Lock()
	defer p.c.mu.Unlock()
	return *kt.field(&p.c.settings)
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
	s := p.c.Session()
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
