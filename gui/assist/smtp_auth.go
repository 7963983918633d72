package assist

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
	"github.com/tern-telnet/tern/gui/assist/panel"
)

// AUTH by hand: over TLS when the server offers STARTTLS and the person
// keeps the default, and only to a server that offers AUTH.

// auth sends AUTH on its own goroutine, first switching to TLS (and
// greeting again) when startTLS; a refusal is said in the assistant.
func (p *SMTPPanel) auth(mech, user, pass string, startTLS bool) {
	s := p.Session()
	if s == nil {
		return
	}
	c := p.client(s)
	ehlo := strings.TrimSpace(p.ehlo.Text)
	p.Window.FocusTerminal()
	go func() {
		defer c.Close()
		ctx := context.Background()
		if startTLS {
			if err := c.StartTLS(ctx); err != nil {
				p.Window.UI(func() { p.Say("TLS did not start, so the password was not sent: " + panel.Words(err)) })
				return
			}
			caps, err := c.Hello(ctx, ehlo)
			if err != nil {
				p.Window.UI(func() { p.Say("EHLO after STARTTLS failed, so the password was not sent: " + panel.Words(err)) })
				return
			}
			if len(caps.Auth) == 0 {
				p.Window.UI(func() { p.Say("Over TLS the server offers no AUTH, so the user name and password were not sent.") })
				return
			}
		}
		if err := c.Auth(ctx, mech, user, pass); err != nil {
			p.Window.UI(func() { p.Say("AUTH " + mech + " failed: " + panel.Words(err)) })
			return
		}
		p.Window.UI(func() { p.Say("AUTH " + mech + ": the server accepted the user name and password.") })
	}()
}

// askTLSBeforeAuth asks, when the connection is plain and the server
// offers STARTTLS, how the password goes: Use STARTTLS (the default,
// Enter), Send unencrypted, or Cancel (Escape).
func (p *SMTPPanel) askTLSBeforeAuth(useTLS, plain func()) {
	text := widget.NewLabel("This connection is not encrypted: the user name and password would cross the network in clear text (base64 is not encryption). " +
		"The server offers STARTTLS: use it first, so they go encrypted?")
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Send the password unencrypted?", text, p.Window.Window())
	use := widget.NewButton("Use STARTTLS", func() { d.Hide(); useTLS() })
	use.Importance = widget.HighImportance
	send := widget.NewButton("Send unencrypted", func() { d.Hide(); plain() })
	send.Importance = widget.WarningImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", d.Hide), layout.NewSpacer(), send, use})
	d.Resize(p.Window.DialogSize(560, 220))
	p.Window.ShowDialogWithDefault(d, func() { d.Hide(); useTLS() })
}
