package newsession

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// proxyChoices are the proxy kinds the New session dialog offers, in the
// order of PuTTY's Proxy panel; proxyKinds are the same, as proxy.Kind.
var (
	proxyChoices = []string{"None", "SOCKS 4", "SOCKS 5", "HTTP CONNECT", "Telnet", "Local command"}
	proxyKinds   = []proxy.Kind{proxy.None, proxy.SOCKS4, proxy.SOCKS5, proxy.HTTP, proxy.Telnet, proxy.Command}
)

// proxyCommandHints explain the Command field for the kinds that use it.
var proxyCommandHints = map[proxy.Kind]string{
	proxy.Telnet:  `Sent to the proxy; empty is connect %host %port\n. %host %port %user %pass %proxyhost %proxyport %%, \n \r \t`,
	proxy.Command: "Its input and output are the connection, e.g. ssh -W %host:%port bastion or nc -X 5 -x proxy:1080 %host %port",
}

// proxyForm is the New session dialog's Proxy section.
type proxyForm struct {
	kind           *widgets.Select
	host, port     *widgets.EscEntry
	user, password *widgets.EscEntry
	command        *widgets.EscEntry
	commandItem    *widget.FormItem
	atProxy        *widgets.Check
	bypass         *widgets.EscEntry
	form           *widget.Form
	content        fyne.CanvasObject
}

func newProxyForm(entry func() *widgets.EscEntry) *proxyForm {
	f := &proxyForm{kind: widgets.NewSelect(proxyChoices, nil), host: entry(), port: entry(), user: entry(), password: entry(),
		command: entry(), atProxy: widgets.NewCheck("Look up host names at the proxy", nil), bypass: entry()}
	f.password.Password = true
	f.host.SetPlaceHolder("proxy host name or address")
	f.host.Validator = func(h string) error {
		if k := f.selected(); k == proxy.None || k == proxy.Command && strings.TrimSpace(h) == "" {
			return nil
		}
		return settings.ValidateHost(h)
	}
	f.port.Validator = numberValidator(1, 65535, true, "a port number from 1 to 65535, or empty")
	f.user.SetPlaceHolder("none")
	f.bypass.SetPlaceHolder("reached directly, e.g. router.lan, *.corp.example, 10.0.0.0/8")
	f.kind.OnChanged = func(string) { f.showKind() }
	f.commandItem = &widget.FormItem{Text: "Command", Widget: f.command}
	f.form = widget.NewForm(
		widget.NewFormItem("Proxy type", f.kind),
		widget.NewFormItem("Proxy host", f.host),
		widget.NewFormItem("Proxy port", f.port),
		widget.NewFormItem("Proxy user name", f.user),
		&widget.FormItem{Text: "Proxy password", Widget: f.password, HintText: "Kept in this computer's keychain when the session is saved"},
		f.commandItem,
		widget.NewFormItem("", f.atProxy),
		widget.NewFormItem("Bypass for", f.bypass),
	)
	f.content = f.form
	return f
}

// selected is the chosen kind.
func (f *proxyForm) selected() proxy.Kind {
	if i := f.kind.SelectedIndex(); i > 0 && i < len(proxyKinds) {
		return proxyKinds[i]
	}
	return proxy.None
}

// fill shows c; remembered says the keychain holds its password.
func (f *proxyForm) fill(c proxy.Config, remembered bool) {
	f.kind.SetSelectedIndex(0)
	for i, k := range proxyKinds {
		if k == c.Kind {
			f.kind.SetSelectedIndex(i)
		}
	}
	f.host.SetText(c.Host)
	f.port.SetText(blankZero(strconv.Itoa(c.Port)))
	f.user.SetText(c.User)
	f.password.SetText(c.Password)
	f.password.SetPlaceHolder("none")
	if remembered {
		f.password.SetPlaceHolder("the one in the keychain")
	}
	f.command.SetText(c.Command)
	f.atProxy.SetChecked(!c.LocalDNS)
	f.bypass.SetText(strings.Join(c.Bypass, ", "))
	f.showKind()
}

// showKind enables the fields the chosen kind uses.
func (f *proxyForm) showKind() {
	k := f.selected()
	uses := map[fyne.Disableable]bool{
		f.host: k != proxy.None, f.port: k != proxy.None, f.user: k != proxy.None,
		f.password: k != proxy.None && k != proxy.SOCKS4, // SOCKS 4 has a user ID only
		f.command:  k == proxy.Telnet || k == proxy.Command,
		f.atProxy:  k != proxy.None, f.bypass: k != proxy.None,
	}
	for w, on := range uses {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	f.port.SetPlaceHolder(strconv.Itoa((&proxy.Config{Kind: k}).PortOrDefault()))
	f.host.SetPlaceHolder("proxy host name or address")
	if k == proxy.Command {
		f.host.SetPlaceHolder("optional: %proxyhost in the command")
	}
	f.command.SetPlaceHolder("")
	if k == proxy.Telnet {
		f.command.SetPlaceHolder(proxy.DefaultTelnetCommand)
	}
	if hint := proxyCommandHints[k]; hint != f.commandItem.HintText {
		f.commandItem.HintText = hint
		f.form.Refresh()
	}
}

// entries are the fields with validators.
func (f *proxyForm) entries() []*widgets.EscEntry { return []*widgets.EscEntry{f.host, f.port} }

// config reads the section; the zero Config when no proxy is chosen.
func (f *proxyForm) config() proxy.Config {
	kind := f.selected()
	port, _ := strconv.Atoi(strings.TrimSpace(f.port.Text))
	c := proxy.Config{Kind: kind, Host: strings.TrimSpace(f.host.Text), Port: port, User: strings.TrimSpace(f.user.Text), Password: f.password.Text,
		LocalDNS: !f.atProxy.Checked, Bypass: proxy.SplitBypass(f.bypass.Text)}
	if kind == proxy.Telnet || kind == proxy.Command {
		c.Command = strings.TrimSpace(f.command.Text)
		if kind == proxy.Telnet && c.Command == strings.TrimSpace(proxy.DefaultTelnetCommand) {
			c.Command = ""
		}
	}
	if kind == proxy.SOCKS4 {
		c.Password = ""
	}
	if !c.Active() {
		return proxy.Config{}
	}
	return c
}
