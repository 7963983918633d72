package assist

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

func TestSMTPAssistantRunTestDelivers(t *testing.T) {
	peer, h, tab, p := newAssistant(t)
	p.ehlo.SetText("support.example.org")
	p.from.SetText("helpdesk@example.org")
	p.to.SetText("testuser@example.test")
	p.subject.SetText("Tern test")
	p.body.SetText("Hello\n.dot line\n")
	p.RunTest()
	h.waitUntil("summary", func() bool { return p.Result.Text != "" })
	if strings.Contains(p.Result.Text, "Stopped") || !strings.Contains(p.Result.Text, "TLS: STARTTLS worked") ||
		!strings.Contains(p.Result.Text, "Recipients: accepted testuser@example.test.") {
		t.Fatalf("result:\n%s", p.Result.Text)
	}
	msgs := peer.Messages()
	if len(msgs) != 1 || !strings.HasSuffix(string(msgs[0].Data), "\r\n\r\nHello\r\n.dot line\r\n") {
		t.Fatalf("delivered %+v", msgs)
	}
	// The conversation is in the terminal, as if typed.
	if h := tab.History(); !strings.Contains(h, "EHLO support.example.org") || !strings.Contains(h, "RCPT TO:<testuser@example.test>") {
		t.Fatalf("terminal:\n%s", h)
	}
	// The Run test switched to TLS by itself (the server offered it): the
	// capabilities are those announced over TLS.
	if !strings.Contains(p.caps.Text, "AUTH PLAIN LOGIN") {
		t.Fatalf("capabilities %q", p.caps.Text)
	}
}

func TestSMTPAssistantButtonsAndChecks(t *testing.T) {
	_, h, tab, p := newAssistant(t)
	p.ehlo.SetText("me\r\nMAIL FROM:<evil@x>")
	p.sendEHLO()
	if !strings.Contains(p.Status.Text, "one line") {
		t.Fatalf("a CR LF in a field was not refused: %q", p.Status.Text)
	}
	p.ehlo.SetText("")
	fyne.CurrentApp().Clipboard().SetContent("me\x1b[201~\x03")
	p.ehlo.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	p.sendEHLO()
	if p.ehlo.Text != "me\x1b[201~\x03" || !strings.Contains(p.Status.Text, "invisible control character (U+001B)") {
		t.Fatalf("a pasted ESC in a field was not refused: %q / %q", p.ehlo.Text, p.Status.Text)
	}
	test.Type(p.ehlo, "")
	p.ehlo.SetText("me.example.org")
	p.sendEHLO()
	h.waitUntil("EHLO reply", func() bool { return strings.Contains(tab.History(), "250-") })
	p.to.SetText("Not An Address")
	p.sendRCPT()
	if !strings.Contains(p.Status.Text, "does not look like an address") {
		t.Fatalf("bad address: %q", p.Status.Text)
	}
	p.to.SetText("somebody@elsewhere.example")
	p.from.SetText("a@example.org")
	p.sendMAIL()
	p.sendRCPT()
	h.waitUntil("relay explanation", func() bool {
		p.Mu.Lock()
		defer p.Mu.Unlock()
		return p.last.Code == 554
	})
	p.body.SetText(strings.Repeat("x", 1200))
	p.RunTest()
	if !strings.Contains(p.Status.Text, "longer than 998") {
		t.Fatalf("long line: %q", p.Status.Text)
	}
	tab.Session().Close()
	h.waitUntil("closed", func() bool { return tab.State() == protocol.StateClosed })
	p.sendEHLO()
	if !strings.Contains(p.Status.Text, "Not connected") || p.ehlo.Text != "me.example.org" {
		t.Fatalf("after the session ended: %q / %q", p.Status.Text, p.ehlo.Text)
	}
}

func TestSMTPAssistantSavesFieldsToProfile(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	pr := profiles.Profile{Name: "Mail", Negotiation: "passive", SMTP: profiles.SMTPDefaults{OpenOnConnect: true}}
	h := newTab(t, peer.Addr, pr)
	if _, err := h.win.store.Update(func(f *profiles.File) error { f.Put(pr); return nil }); err != nil {
		t.Fatal(err)
	}
	p := h.openPanel()
	p.from.SetText("me@example.org")
	p.to.SetText("a@example.test\nb@example.test")
	p.saveDefaults()
	f, _ := h.win.store.Load()
	pr, _ = f.Find("Mail")
	if pr.SMTP.From != "me@example.org" || len(pr.SMTP.To) != 2 || !strings.Contains(p.Status.Text, "Saved") {
		t.Fatalf("%+v / %q", pr.SMTP, p.Status.Text)
	}
}
