package gui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/protocol"
)

// characterModeShell is a server that echoes (WILL ECHO, WILL SGA: Tern
// goes to character mode) and asks for bracketed paste, as bash does.
const characterModeShell = "\xff\xfb\x01\xff\xfb\x03\x1b[?2004h$ "

// negotiationAnswers is what Tern answers to characterModeShell's options.
const negotiationAnswers = "\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03"

// pasteFromWidget pastes text the way a person does: into the clipboard,
// then Ctrl+Shift+V on the terminal widget, which frames it and writes it
// to the key router.
func pasteFromWidget(w *mainWindow, tab *termtab.Tab, text string) {
	w.app.Clipboard().SetContent(text)
	tab.Keyboard().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
}

// overlayText is every label's text in the window's top overlay (a dialog).
func overlayText(w *mainWindow) string {
	var b strings.Builder
	walkOverlay(w, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// tapOverlayButton taps the top overlay's button with this label.
func tapOverlayButton(t *testing.T, w *mainWindow, label string) {
	t.Helper()
	var found *widget.Button
	walkOverlay(w, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
		}
		if b, ok := o.(*widgets.Button); ok && b.Text == label {
			found = &b.Button
		}
	})
	if found == nil {
		t.Fatalf("no %q button on top; overlay text: %q", label, overlayText(w))
	}
	test.Tap(found)
}

func walkOverlay(w *mainWindow, f func(fyne.CanvasObject)) {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		f(o)
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
}

// openShell opens a tab on a character-mode server with bracketed paste
// on, and waits until the widget shows its prompt (so the widget has had
// its first frame) and the session is in character mode.
func openShell(t *testing.T, w *mainWindow) (*termtab.Tab, func() string) {
	t.Helper()
	srv := newLoopServer(t, characterModeShell)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "the shell's prompt and character mode", func() bool {
		s := tab.Session()
		return strings.Contains(tab.ShownText(), "$") && s != nil && !s.Status().LineMode &&
			tab.Screen().Modes().BracketedPaste && srv.Received() == negotiationAnswers
	})
	return tab, func() string { return strings.TrimPrefix(srv.Received(), negotiationAnswers) }
}

// TestHostilePasteIsCleanedAndConfirmed: the clipboard (an early
// end of bracketed paste, a command, ^C) pasted with Ctrl+Shift+V into a
// character-mode shell that asked for bracketed paste: Tern says that 2
// control characters were removed, sends nothing until Paste is pressed,
// then sends the text inside its own markers only.
func TestHostilePasteIsCleanedAndConfirmed(t *testing.T) {
	w := newTestWindow(t)
	tab, got := openShell(t, w)

	pasteFromWidget(w, tab, "ls\x1b[201~evil-cmd\x03")
	if msg := overlayText(w); !strings.Contains(msg, "The pasted text contained 2 control characters, which were removed.") {
		t.Fatalf("dialog says %q", msg)
	}
	pumpUI()
	if got() != "" { // and the exact match after Paste below is the barrier
		t.Fatalf("sent before the person answered: %q", got())
	}
	tapOverlayButton(t, w, "Paste")
	want := "\x1b[200~ls[201~evil-cmd\x1b[201~"
	waitUntil(t, "the cleaned paste", func() bool { return got() == want })

	pasteFromWidget(w, tab, "rm -rf ~\n")
	if msg := overlayText(w); !strings.Contains(msg, "ends with a line break") {
		t.Fatalf("dialog says %q", msg)
	}
	tapOverlayButton(t, w, "Cancel")
	pumpUI()
	if got() != want { // and the next paste's exact match below is the barrier
		t.Fatalf("a cancelled paste was sent: %q", got())
	}

	pasteFromWidget(w, tab, "uptime")
	if w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a plain one-line paste asked: %q", overlayText(w))
	}
	waitUntil(t, "the plain paste", func() bool { return got() == want+"\x1b[200~uptime\x1b[201~" })
}

// TestPasteIsTextNotKeys: with confirmation off and a line-mode server
// that never asked for bracketed paste, the widget still frames the paste
// for Tern: the escape character (here ~) is sent as text, a pasted ^] is
// removed instead of opening telnet>, and Backspace does not edit.
func TestPasteIsTextNotKeys(t *testing.T) {
	srv := newLoopServer(t, "220 mail.example.test ESMTP\r\n")
	w := newTestWindow(t)
	w.prefs.ConfirmPaste = false
	tab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Escape: '~'}})
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "the banner in the widget", func() bool { return strings.Contains(tab.ShownText(), "220 mail") })

	pasteFromWidget(w, tab, "NOOP ~ok\x1d\x7f\x7f\r\nQUIT\r\n")
	waitUntil(t, "both lines", func() bool { return srv.Received() == "NOOP ~ok\r\nQUIT\r\n" })
	pumpUI() // the paste is all sent: a prompt it opened is queued before now
	if tab.InPrompt() {
		t.Fatal("a paste opened telnet>")
	}
}

// TestPasteIntoAllTabsAndFromTheMenu: Edit ▸ Paste pastes the clipboard;
// while typing into all tabs the paste reaches every tab, each framed as
// its own server asked.
func TestPasteIntoAllTabsAndFromTheMenu(t *testing.T) {
	plain := newLoopServer(t, "router>\r\n")
	w := newTestWindow(t)
	w.prefs.ConfirmPaste = false
	other := openTab(t, w, plain.Port())
	shell, got := openShell(t, w)
	waitUntil(t, "the router's greeting", func() bool { return strings.Contains(other.Screen().History(), "router>") })
	w.tabs.Select(shell.Item())
	w.broadcast.Toggle()

	w.app.Clipboard().SetContent("show\x1b[201~ver\r")
	w.pasteClipboard()
	waitUntil(t, "both servers", func() bool {
		return got() == "\x1b[200~show[201~ver\r\n\x1b[201~" && plain.Received() == "show[201~ver\r\n"
	})
}

// TestPasteAtTheTelnetPrompt: a paste at telnet> is cleaned text for the
// prompt; its ESC does not leave the prompt.
func TestPasteAtTheTelnetPrompt(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	w.prefs.ConfirmPaste = false
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "the greeting in the widget", func() bool { return strings.Contains(tab.ShownText(), "hello") })
	tab.Type([]byte{0x1d})
	waitUntil(t, "telnet>", tab.InPrompt)
	pasteFromWidget(w, tab, "send \x1bayt\r")
	waitUntil(t, "IAC AYT", func() bool { return srv.Received() == "\xff\xf6" })
}

// TestPasteQuestionTakesEnterAndEscape: the paste question, asked for a
// paste by Shift+Insert (PuTTY's paste), answers Escape with Cancel and
// Enter with its default button, Paste; the next typed key is the barrier
// that proves the cancelled paste never went out.
func TestPasteQuestionTakesEnterAndEscape(t *testing.T) {
	w := newTestWindow(t)
	tab, got := openShell(t, w)
	shiftInsert := func(text string) {
		w.app.Clipboard().SetContent(text)
		kb := tab.Keyboard().(interface {
			fyne.Shortcutable
			desktop.Keyable
		})
		kb.KeyDown(&fyne.KeyEvent{Name: fyne.KeyInsert})
		kb.TypedShortcut(&fyne.ShortcutPaste{}) // what Fyne makes of Shift+Insert
	}

	shiftInsert("rm -rf ~\n")
	if msg := overlayText(w); !strings.Contains(msg, "ends with a line break") {
		t.Fatalf("no question: %q", msg)
	}
	widgetstest.PressKey(w.win, fyne.KeyEscape)
	if w.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the question open")
	}
	tab.Keyboard().TypedRune('x') // the barrier
	waitUntil(t, "the barrier", func() bool { return got() == "x" })

	shiftInsert("uptime\n")
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	waitUntil(t, "the paste Enter confirmed", func() bool { return got() == "x\x1b[200~uptime\r\n\x1b[201~" })
	if w.win.Canvas().Focused() != tab.Keyboard() {
		t.Fatalf("the keyboard did not get the focus back: %T", w.win.Canvas().Focused())
	}
}

// TestPasteQuestionButtons: the paste question offers Paste line by line
// only when asked to; each button answers as it says, Enter pastes and
// Escape cancels, in both shapes.
func TestPasteQuestionButtons(t *testing.T) {
	w := newTestWindow(t)
	var answers []termtab.PasteAnswer
	hear := func(a termtab.PasteAnswer) { answers = append(answers, a) }
	ask := func(offer bool) { w.askPaste("You are pasting 3 lines.\n\nPaste it?", offer, hear) }

	ask(false)
	if widgetstest.HasLabel(widgetstest.OnScreen(w.win), "line by line") {
		t.Fatal("the two-button question mentions line by line")
	}
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	ask(false)
	widgetstest.PressKey(w.win, fyne.KeyEscape)

	ask(true)
	test.Tap(widgetstest.Button(t, w.win, "Paste line by line"))
	ask(true)
	test.Tap(widgetstest.Button(t, w.win, "Paste"))
	ask(true)
	test.Tap(widgetstest.Button(t, w.win, "Cancel"))
	ask(true)
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	ask(true)
	widgetstest.PressKey(w.win, fyne.KeyEscape)

	want := []termtab.PasteAnswer{termtab.PasteNow, termtab.PasteCancelled,
		termtab.PasteLineByLine, termtab.PasteNow, termtab.PasteCancelled, termtab.PasteNow, termtab.PasteCancelled}
	if !slices.Equal(answers, want) || w.dialogs.Len() != 0 {
		t.Fatalf("answers %v, want %v; %d dialogs left", answers, want, w.dialogs.Len())
	}
}

// TestPasteLineByLineFromTheQuestion: Ctrl+Shift+V of three lines into a
// shell whose tab has no pacing asks with Paste line by line; pressing it
// sends the paste paced (the status bar's progress runs; no bracketed
// paste markers; the shell never echoes, so the pacer waits after the
// first line until Cancel ends it).
func TestPasteLineByLineFromTheQuestion(t *testing.T) {
	w := newTestWindow(t)
	tab, got := openShell(t, w)
	pasteFromWidget(w, tab, "show version\nshow ip int brief\nshow run\n")
	if msg := overlayText(w); !strings.Contains(msg, "You are pasting 3 lines.") {
		t.Fatalf("dialog says %q", msg)
	}
	tapOverlayButton(t, w, "Paste line by line")
	waitUntil(t, "the first line", func() bool { return strings.Contains(got(), "show version\r") })
	pr, ok := tab.Pacing().Progress()
	if !ok || pr.Lines != 3 {
		t.Fatalf("the paste is not paced: %+v, %v", pr, ok)
	}
	tab.Pacing().Cancel()
	waitUntil(t, "the end of the paced paste", func() bool { _, ok := tab.Pacing().Progress(); return !ok })
	// The end of Run is the barrier: no more lines can go.
	_, _ = tab.Session().Write([]byte("marker"))
	waitUntil(t, "the marker", func() bool { return strings.Contains(got(), "marker") })
	if s := got(); strings.Contains(s, "show ip") || strings.Contains(s, "\x1b[200~") {
		t.Fatalf("the shell, which never echoed, got %q", s)
	}
}
