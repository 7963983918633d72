package settings

import (
	"slices"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// Kept is what a session keeps of its saved profile besides the fields
// Session maps for itself (Engine, Logon, Close …): the assistants'
// defaults, the keychain's choices, the port check and the notes. Each
// profile field lives in one place only, either mapped onto Session or
// kept here; ToProfile puts them back together.
type Kept struct {
	// SMTP and Mail are the assistants' saved fields.
	SMTP profiles.SMTPDefaults
	Mail profiles.MailDefaults
	// RememberPassword says the keychain keeps the logon actions'
	// password for the profile.
	RememberPassword bool
	// RememberEnable says it keeps the logon's enable secret ({enable}).
	RememberEnable bool
	// PortCheck reports the port open and hangs up at once.
	PortCheck bool
	Notes     string
	// Folder is where the saved session is filed ("Site A/Core").
	Folder string
	// Highlights are the session's own highlighting rules, one a line
	// (gui/highlight), and QuickCommands its quick commands' buttons.
	Highlights    []string
	QuickCommands []profiles.QuickCommand
	// Pacing paces the session's pastes and Send file.
	Pacing profiles.PacingSettings
	// ProxyPasswordFor is the proxy (kind, address and user) the
	// keychain's proxy password was saved for; zero when the keychain
	// keeps none. It is a binding, not a setting: the session's proxy is
	// Engine.Proxy, and the password goes only where the two agree.
	ProxyPasswordFor proxy.Config
}

// keptOf is what a session keeps of p.
func keptOf(p profiles.Profile) Kept {
	k := Kept{SMTP: p.SMTP, Mail: p.Mail, RememberPassword: p.RememberPassword, RememberEnable: p.RememberEnable, PortCheck: p.PortCheck, Notes: p.Notes, Pacing: p.Pacing,
		Folder: p.Folder, Highlights: slices.Clone(p.Highlights), QuickCommands: slices.Clone(p.QuickCommands)}
	k.SMTP.To = append([]string(nil), p.SMTP.To...)
	if p.Proxy.RememberPassword {
		c := proxyFromProfile(p.Proxy)
		k.ProxyPasswordFor = proxy.Config{Kind: c.Kind, Host: c.Host, Port: c.Port, User: c.User, Command: c.Command}
	}
	return k
}

// keepIn records k in p.
func (k Kept) keepIn(p *profiles.Profile) {
	p.SMTP, p.Mail, p.RememberPassword, p.PortCheck, p.Notes, p.Pacing = k.SMTP, k.Mail, k.RememberPassword, k.PortCheck, k.Notes, k.Pacing
	p.Folder, p.Highlights, p.QuickCommands = k.Folder, slices.Clone(k.Highlights), slices.Clone(k.QuickCommands)
	p.RememberEnable = k.RememberEnable
	p.SMTP.To = append([]string(nil), k.SMTP.To...)
	if len(p.SMTP.To) == 0 {
		p.SMTP.To = nil
	}
}

// ProxyPasswordGoesTo reports whether the keychain's proxy password was
// saved for c: the same kind, address, user and command (a changed
// command template could send it elsewhere).
func (k Kept) ProxyPasswordGoesTo(c proxy.Config) bool {
	f := k.ProxyPasswordFor
	return f.Active() && c.Active() && c.Kind == f.Kind && c.Addr() == f.Addr() && c.User == f.User && c.Command == f.Command
}
