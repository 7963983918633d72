package gui

import (
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

// askUnverified asks whether to go on with a certificate that failed its
// check, for this session only. Disconnect is the default (Enter,
// Escape); View certificate… shows what the server presented first.
func (w *mainWindow) askUnverified(t *termtab.Tab, info protocol.TLSInfo, answer func(bool)) {
	msg := fmt.Sprintf("Tern could not confirm that this server really is %s: %s.\n\n"+
		"The connection is encrypted, but it may lead to someone in between who can read everything, passwords included. "+
		"Continue only if you expected this (a test server, or a certificate you can check by its fingerprint).",
		t.Settings().Engine.Host, info.Problem)
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Certificate not verified", text, w.win)
	answered := false
	reply := func(ok bool) {
		if !answered {
			answered = true
			answer(ok)
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
	d.Resize(w.dialogSize(620, 280))
	w.showDialogWithDefault(d, func() { reply(false); d.Hide() })
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
	d.Resize(w.dialogSize(640, 480))
	w.showDialog(d)
}
