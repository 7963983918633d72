package sessioninfo

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// ShowCertificate shows the facts of the certificate a server presented.
func ShowCertificate(dialogs *widgets.Dialogs, info tlscheck.Info) {
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
	d := dialogs.Closable("Server certificate", "Close", container.NewVScroll(form))
	d.Resize(dialogs.Size(640, 480))
	dialogs.Show(d)
}
