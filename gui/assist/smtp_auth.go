package assist

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// AUTH by hand: over TLS when the server offers STARTTLS and the person
// keeps the default, and only to a server that offers AUTH.

// auth sends AUTH on its own goroutine, first switching to TLS (and
// greeting again) when startTLS; a refusal is said in the assistant.
func (p *SMTPPanel) auth(mech, user, pass string, startTLS bool) {
	s := p.session()
	if s == nil {
		return
	}
	c := p.client(s)
	ehlo := strings.TrimSpace(p.ehlo.Text)
	p.w.FocusTerminal()
	go func() {
		defer c.Close()
		ctx := context.Background()
		if startTLS {
			if err := c.StartTLS(ctx); err != nil {
				p.w.UI(func() { p.say("TLS did not start, so the password was not sent: " + words(err)) })
				return
			}
			caps, err := c.Hello(ctx, ehlo)
			if err != nil {
				p.w.UI(func() { p.say("EHLO after STARTTLS failed, so the password was not sent: " + words(err)) })
				return
			}
			if len(caps.Auth) == 0 {
				p.w.UI(func() { p.say("Over TLS the server offers no AUTH, so the user name and password were not sent.") })
				return
			}
		}
		if err := c.Auth(ctx, mech, user, pass); err != nil {
			p.w.UI(func() { p.say("AUTH " + mech + " failed: " + words(err)) })
			return
		}
		p.w.UI(func() { p.say("AUTH " + mech + ": the server accepted the user name and password.") })
	}()
}

// askTLSBeforeAuth asks, when the connection is plain and the server
// offers STARTTLS, how the password goes: Use STARTTLS (the default,
// Enter), Send unencrypted, or Cancel (Escape).
func (p *SMTPPanel) askTLSBeforeAuth(useTLS, plain func()) {
	text := widget.NewLabel("This connection is not encrypted: the user name and password would cross the network in clear text (base64 is not encryption). " +
		"The server offers STARTTLS: use it first, so they go encrypted?")
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Send the password unencrypted?", text, p.w.Window())
	use := widget.NewButton("Use STARTTLS", func() { d.Hide(); useTLS() })
	use.Importance = widget.HighImportance
	send := widget.NewButton("Send unencrypted", func() { d.Hide(); plain() })
	send.Importance = widget.WarningImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", d.Hide), layout.NewSpacer(), send, use})
	d.Resize(p.w.DialogSize(560, 220))
	p.w.ShowDialogWithDefault(d, func() { d.Hide(); useTLS() })
}
