package gui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// proxyChoices are the proxy kinds the New session dialog offers, in
// proxy.Kind's order.
var proxyChoices = []string{"None", "SOCKS 5", "HTTP CONNECT", "SOCKS 4", "Telnet"}

// proxyForm is the New session dialog's Proxy section.
type proxyForm struct {
	kind           *widgets.Select
	host, port     *widgets.EscEntry
	user, password *widgets.EscEntry
	atProxy        *widgets.Check
	bypass         *widgets.EscEntry
	content        fyne.CanvasObject
}

func newProxyForm(entry func() *widgets.EscEntry) *proxyForm {
	f := &proxyForm{kind: widgets.NewSelect(proxyChoices, nil), host: entry(), port: entry(), user: entry(), password: entry(),
		atProxy: widgets.NewCheck("Look up host names at the proxy", nil), bypass: entry()}
	f.password.Password = true
	f.host.SetPlaceHolder("proxy host name or address")
	f.host.Validator = func(h string) error {
		if f.kind.SelectedIndex() <= 0 {
			return nil
		}
		return settings.ValidateHost(h)
	}
	f.port.Validator = numberValidator(1, 65535, true, "a port number from 1 to 65535, or empty")
	f.user.SetPlaceHolder("none")
	f.bypass.SetPlaceHolder("reached directly, e.g. router.lan, *.corp.example, 10.0.0.0/8")
	f.kind.OnChanged = func(string) { f.showKind() }
	f.content = widget.NewForm(
		widget.NewFormItem("Proxy type", f.kind),
		widget.NewFormItem("Proxy host", f.host),
		widget.NewFormItem("Proxy port", f.port),
		widget.NewFormItem("Proxy user name", f.user),
		&widget.FormItem{Text: "Proxy password", Widget: f.password, HintText: "Kept in this computer's keychain when the session is saved"},
		widget.NewFormItem("", f.atProxy),
		widget.NewFormItem("Bypass for", f.bypass),
	)
	return f
}

// fill shows c; remembered says the keychain holds its password.
func (f *proxyForm) fill(c proxy.Config, remembered bool) {
	f.kind.SetSelectedIndex(int(c.Kind))
	f.host.SetText(c.Host)
	f.port.SetText(blankZero(strconv.Itoa(c.Port)))
	f.user.SetText(c.User)
	f.password.SetText(c.Password)
	f.password.SetPlaceHolder("none")
	if remembered {
		f.password.SetPlaceHolder("the one in the keychain")
	}
	f.atProxy.SetChecked(!c.LocalDNS)
	f.bypass.SetText(strings.Join(c.Bypass, ", "))
	f.showKind()
}

// showKind enables the fields only when a proxy is chosen.
func (f *proxyForm) showKind() {
	for _, w := range []fyne.Disableable{f.host, f.port, f.user, f.password, f.atProxy, f.bypass} {
		if f.kind.SelectedIndex() > 0 {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	f.port.SetPlaceHolder(strconv.Itoa((&proxy.Config{Kind: proxy.Kind(max(f.kind.SelectedIndex(), 0))}).PortOrDefault()))
}

// entries are the fields with validators.
func (f *proxyForm) entries() []*widgets.EscEntry { return []*widgets.EscEntry{f.host, f.port} }

// config reads the section; the zero Config when no proxy is chosen.
func (f *proxyForm) config() proxy.Config {
	kind := proxy.Kind(max(f.kind.SelectedIndex(), 0))
	host := strings.TrimSpace(f.host.Text)
	if kind == proxy.None || host == "" {
		return proxy.Config{}
	}
	port, _ := strconv.Atoi(strings.TrimSpace(f.port.Text))
	return proxy.Config{Kind: kind, Host: host, Port: port, User: strings.TrimSpace(f.user.Text), Password: f.password.Text,
		LocalDNS: !f.atProxy.Checked, Bypass: proxy.SplitBypass(f.bypass.Text)}
}
