package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/protocol"
)

// askUnverified asks whether to go on with a certificate that failed its
// check, for this session only.
func (w *mainWindow) askUnverified(t *sessionTab, info protocol.TLSInfo, answer func(bool)) {
	msg := fmt.Sprintf("Tern could not verify the identity of %s: %s.\n\nThe connection is encrypted, but anyone between you and the server could be reading it. Continue without verification for this session only?",
		t.settings.Engine.Host, info.Problem)
	d := dialog.NewConfirm("Certificate not verified", msg, func(ok bool) {
		answer(ok)
		w.sessionChanged(t)
	}, w.win)
	d.SetConfirmText("Continue unverified")
	d.SetDismissText("Disconnect")
	w.showDialog(d)
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
	d := dialog.NewCustom("Server certificate", "Close", form, w.win)
	d.Resize(w.dialogSize(640, 480))
	w.showDialog(d)
}
