package trust

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Certificates is every session's decision about a certificate that did
// not verify: a certificate the person told Tern to remember for its
// host and port goes on; any other is put to them, before anything more
// is sent.
type Certificates struct {
	win        fyne.Window
	dialogs    *widgets.Dialogs
	ui         func(func())             // the window's bridge to the UI goroutine
	view       func(info tlscheck.Info) // View certificate…
	exceptions *certExceptions
}

// NewCertificates asks over win (its dialog stack dialogs), reaching the
// UI goroutine through ui; view shows a certificate; the exceptions live
// in prefs.
func NewCertificates(win fyne.Window, dialogs *widgets.Dialogs, ui func(func()), view func(tlscheck.Info), prefs fyne.Preferences) *Certificates {
	return &Certificates{win: win, dialogs: dialogs, ui: ui, view: view, exceptions: loadCertExceptions(prefs)}
}

// Verify decides about info, presented by where (host:port), on the
// session's goroutine (termtab.Host.VerifyCertificate): print tells the
// session what was decided without a question; answered runs on the UI
// goroutine once the person answered. No answer before ctx ends (the
// session's time limit, or its close) is a Disconnect.
func (c *Certificates) Verify(ctx context.Context, where string, info tlscheck.Info, print func(string), answered func()) error {
	fp := info.Fingerprint()
	known, changed := c.exceptions.check(where, fp)
	if known {
		print(fmt.Sprintf("Going on with the certificate you told Tern to accept for %s (SHA-256 %s).\r\n", where, fp))
		return nil
	}
	answers := make(chan certAnswer, 1)
	var hide func()
	c.ui(func() {
		hide = c.ask(where, info, changed, func(a certAnswer) { answers <- a; answered() })
	})
	select {
	case a := <-answers:
		if !a.proceed {
			return errors.New("you chose Disconnect")
		}
		if a.remember && ctx.Err() == nil {
			c.exceptions.remember(where, fp)
		}
		return nil
	case <-ctx.Done():
		c.ui(func() {
			if hide != nil {
				hide()
			}
		})
		return ctx.Err()
	}
}

// certAnswer is the person's answer to the certificate question.
type certAnswer struct{ proceed, remember bool }

// ask asks whether to go on with a certificate that failed its check,
// before anything more is sent. Disconnect is the default (Enter, Escape,
// closing it); View certificate… shows what the server presented; the
// certificate is remembered for where only when the person ticks so.
// Its controls are Tern's, so a Space that presses one, or an Escape on
// it, stays out of the session.
// changed says that another certificate was remembered for where. It
// returns what closes the question unanswered (a Disconnect).
func (c *Certificates) ask(where string, info tlscheck.Info, changed bool, answer func(certAnswer)) (hide func()) {
	title := "Certificate not verified"
	msg := fmt.Sprintf("Tern could not confirm that this server really is %s: %s.\n\n"+
		"Nothing has been sent to it yet. The connection is encrypted, but it may lead to someone in between who can read everything, passwords included. "+
		"Continue only if you expected this (a test server, or a certificate you can check by its fingerprint).",
		where, info.Problem)
	if changed {
		title = "Certificate CHANGED"
		msg = fmt.Sprintf("The certificate of %s is not the one you told Tern to accept before: %s.\n\n"+
			"Nothing has been sent to it yet. The server may have a new certificate, or someone in between may be pretending to be it and reading everything, passwords included. "+
			"Continue only if you know why it changed.", where, info.Problem)
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	remember := widgets.NewCheck("Remember this certificate for "+where+" (do not ask again)", nil)
	fpText := widget.NewLabel("SHA-256 " + info.Fingerprint())
	fpText.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(text, fpText, remember), c.win)
	answered := false
	reply := func(proceed bool) {
		if !answered {
			answered = true
			answer(certAnswer{proceed: proceed, remember: proceed && remember.Checked})
		}
	}
	view := widgets.NewButton("View certificate…", func() { c.view(info) })
	disconnect := widgets.NewButton("Disconnect", func() { reply(false); d.Hide() })
	disconnect.Importance = widget.HighImportance
	proceed := widgets.NewButton("Continue unverified", func() { reply(true); d.Hide() })
	proceed.Importance = widget.WarningImportance
	d.SetButtons([]fyne.CanvasObject{view, layout.NewSpacer(), proceed, disconnect})
	d.SetOnClosed(func() { reply(false) })
	d.Resize(c.dialogs.Size(640, 340))
	c.dialogs.ShowWithDefault(d, func() { reply(false); d.Hide() })
	return func() { reply(false); d.Hide() }
}
