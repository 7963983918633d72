package gui

import (
	"net"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

func openSMTPTab(t *testing.T, w *mainWindow, addr string) *termtab.Tab {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	st := settings.FromProfile(profiles.Builtins()[0]) // SMTP test (port 25)
	st.Engine.Host, st.Engine.Port = host, port
	tab := w.OpenSession(st)
	w.win.Resize(fyne.NewSize(1200, 700))
	waitUntil(t, "banner", func() bool { return strings.Contains(tab.Screen().History(), "220 ") })
	if panelOf(tab) == nil {
		t.Fatal("the SMTP profile should open the assistant")
	}
	return tab
}

func TestSMTPAssistantRunTestDelivers(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	w := newTestWindow(t)
	tab := openSMTPTab(t, w, peer.Addr)
	p := panelOf(tab)
	p.ehlo.SetText("support.example.org")
	p.from.SetText("helpdesk@example.org")
	p.to.SetText("testuser@example.test")
	p.subject.SetText("Tern test")
	p.body.SetText("Hello\n.dot line\n")
	p.runTest()
	waitUntil(t, "summary", func() bool { return p.lastSummary != "" })
	if strings.Contains(p.lastSummary, "Stopped") || !strings.Contains(p.lastSummary, "TLS: the server offers STARTTLS") ||
		!strings.Contains(p.lastSummary, "Recipients: accepted testuser@example.test.") {
		t.Fatalf("result:\n%s", p.lastSummary)
	}
	msgs := peer.Messages()
	if len(msgs) != 1 || !strings.HasSuffix(string(msgs[0].Data), "\r\n\r\nHello\r\n.dot line\r\n") {
		t.Fatalf("delivered %+v", msgs)
	}
	// The conversation is in the terminal, as if typed.
	if h := tab.Screen().History(); !strings.Contains(h, "EHLO support.example.org") || !strings.Contains(h, "RCPT TO:<testuser@example.test>") {
		t.Fatalf("terminal:\n%s", h)
	}
	if !strings.Contains(p.caps.Text, "STARTTLS") || !strings.Contains(p.caps.Text, "AUTH PLAIN LOGIN") {
		t.Fatalf("capabilities %q", p.caps.Text)
	}
}

func TestSMTPAssistantButtonsAndChecks(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	w := newTestWindow(t)
	tab := openSMTPTab(t, w, peer.Addr)
	p := panelOf(tab)
	p.ehlo.SetText("me\r\nMAIL FROM:<evil@x>")
	p.sendEHLO()
	if !strings.Contains(p.status.Text, "one line") {
		t.Fatalf("a CR LF in a field was not refused: %q", p.status.Text)
	}
	p.ehlo.SetText("")
	w.app.Clipboard().SetContent("me\x1b[201~\x03")
	p.ehlo.TypedShortcut(&fyne.ShortcutPaste{Clipboard: w.app.Clipboard()})
	p.sendEHLO()
	if p.ehlo.Text != "me\x1b[201~\x03" || !strings.Contains(p.status.Text, "invisible control character (U+001B)") {
		t.Fatalf("a pasted ESC in a field was not refused: %q / %q", p.ehlo.Text, p.status.Text)
	}
	test.Type(p.ehlo, "")
	p.ehlo.SetText("me.example.org")
	p.sendEHLO()
	waitUntil(t, "EHLO reply", func() bool { return strings.Contains(tab.Screen().History(), "250-") })
	p.to.SetText("Not An Address")
	p.sendRCPT()
	if !strings.Contains(p.status.Text, "does not look like an address") {
		t.Fatalf("bad address: %q", p.status.Text)
	}
	p.to.SetText("somebody@elsewhere.example")
	p.from.SetText("a@example.org")
	p.sendMAIL()
	p.sendRCPT()
	waitUntil(t, "relay explanation", func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.last.Code == 554
	})
	p.body.SetText(strings.Repeat("x", 1200))
	p.runTest()
	if !strings.Contains(p.status.Text, "longer than 998") {
		t.Fatalf("long line: %q", p.status.Text)
	}
	tab.Session().Close()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	p.sendEHLO()
	if !strings.Contains(p.status.Text, "Not connected") || p.ehlo.Text != "me.example.org" {
		t.Fatalf("after the session ended: %q / %q", p.status.Text, p.ehlo.Text)
	}
}

func TestSMTPAssistantSavesFieldsToProfile(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	w := newTestWindow(t)
	host, port, _ := net.SplitHostPort(peer.Addr)
	if _, err := w.store.Update(func(f *profiles.File) error {
		f.Put(profiles.Profile{Name: "Mail", Host: host, Port: port, Negotiation: "passive", SMTP: profiles.SMTPDefaults{OpenOnConnect: true}})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f, _ := w.store.Load()
	pr, _ := f.Find("Mail")
	tab := w.OpenSession(settings.FromProfile(pr))
	w.win.Resize(fyne.NewSize(1200, 700))
	p := panelOf(tab)
	p.from.SetText("me@example.org")
	p.to.SetText("a@example.test\nb@example.test")
	p.saveDefaults()
	f, _ = w.store.Load()
	pr, _ = f.Find("Mail")
	if pr.SMTP.From != "me@example.org" || len(pr.SMTP.To) != 2 || !strings.Contains(p.status.Text, "Saved") {
		t.Fatalf("%+v / %q", pr.SMTP, p.status.Text)
	}
}

// panelOf is the tab's SMTP assistant, or nil when none was made.
func panelOf(t *termtab.Tab) *smtpPanel {
	p, _ := t.Assistant().(*smtpPanel)
	return p
}
