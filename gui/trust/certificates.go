package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/protocol"
)

// verifyCertificate is every session's decision about a certificate
// that did not verify (termtab.Host.VerifyCertificate), on the session's
// goroutine: a certificate the person told Tern to remember for where
// goes on; any other is put to them, and no answer before ctx ends (the
// session's time limit, or its close) is a Disconnect.
func (w *mainWindow) verifyCertificate(ctx context.Context, t *termtab.Tab, where string, info protocol.TLSInfo) error {
	fp := info.Fingerprint()
	known, changed := w.certs.check(where, fp)
	if known {
		t.Print(fmt.Sprintf("Going on with the certificate you told Tern to accept for %s (SHA-256 %s).\r\n", where, fp))
		return nil
	}
	answers := make(chan certAnswer, 1)
	var hide func()
	w.onUI(func() {
		hide = w.askUnverified(t, where, info, changed, func(a certAnswer) { answers <- a })
	})
	select {
	case a := <-answers:
		if !a.proceed {
			return errors.New("you chose Disconnect")
		}
		if a.remember && ctx.Err() == nil {
			w.certs.remember(where, fp)
		}
		return nil
	case <-ctx.Done():
		w.onUI(func() {
			if hide != nil {
				hide()
			}
		})
		return ctx.Err()
	}
}

// certAnswer is the person's answer to the certificate question.
type certAnswer struct{ proceed, remember bool }

// askUnverified asks whether to go on with a certificate that failed its
// check, before anything more is sent. Disconnect is the default (Enter,
// Escape, closing it); View certificate… shows what the server presented;
// the certificate is remembered for where only when the person ticks so.
// changed says that another certificate was remembered for where. It
// returns what closes the question unanswered (a Disconnect).
func (w *mainWindow) askUnverified(t *termtab.Tab, where string, info protocol.TLSInfo, changed bool, answer func(certAnswer)) (hide func()) {
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
	remember := widget.NewCheck("Remember this certificate for "+where+" (do not ask again)", nil)
	fpText := widget.NewLabel("SHA-256 " + info.Fingerprint())
	fpText.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(text, fpText, remember), w.win)
	answered := false
	reply := func(proceed bool) {
		if !answered {
			answered = true
			answer(certAnswer{proceed: proceed, remember: proceed && remember.Checked})
			w.sessionChanged(t)
		}
	}
	view := widget.NewButton("View certificate…", func() { w.showCertificate(info) })
	disconnect := widget.NewButton("Disconnect", func() { reply(false); d.Hide() })
	disconnect.Importance = widget.HighImportance
	proceed := widget.NewButton("Continue unverified", func() { reply(true); d.Hide() })
	proceed.Importance = widget.WarningImportance
	d.SetButtons([]fyne.CanvasObject{view, layout.NewSpacer(), proceed, disconnect})
	d.SetOnClosed(func() { reply(false) })
	d.Resize(w.dialogs.Size(640, 340))
	w.dialogs.ShowWithDefault(d, func() { reply(false); d.Hide() })
	return func() { reply(false); d.Hide() }
}

// showCertificate shows the server certificate's facts.
func (w *mainWindow) showCertificate(info protocol.TLSInfo) {
	c := info.Certificate
	if c == nil {
		return
	}
	names := append([]string(nil), c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	verified := "yes"
	if !info.Verified {
		verified = "NO — " + info.Problem
	}
	label := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapBreak
		return l
	}
	form := widget.NewForm(
		widget.NewFormItem("Subject", label(c.Subject.String())),
		widget.NewFormItem("Issuer", label(c.Issuer.String())),
		widget.NewFormItem("Valid from", label(c.NotBefore.Format("2006-01-02 15:04 MST"))),
		widget.NewFormItem("Valid until", label(c.NotAfter.Format("2006-01-02 15:04 MST"))),
		widget.NewFormItem("Names", label(strings.Join(names, ", "))),
		widget.NewFormItem("SHA-256", label(info.Fingerprint())),
		widget.NewFormItem("Protocol", label(info.Version+", "+info.Cipher)),
		widget.NewFormItem("Verified", label(verified)),
	)
	d := dialog.NewCustom("Server certificate", "Close", container.NewVScroll(form), w.win)
	d.Resize(w.dialogs.Size(640, 480))
	w.dialogs.Show(d)
}
