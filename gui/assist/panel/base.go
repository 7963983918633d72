package assist

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// base is what every assistant panel has: its window and tab, its last
// word (above its fields and in the status bar), the last Run test's
// summary.
type base struct {
	w    Window
	t    Tab
	name string // the protocol, such as SMTP

	status     *widget.Label
	hint       string         // its first word, until it has another
	noResult   string         // what Show last result says before any Run test
	lastButton *widget.Button // Show last result

	// On the UI goroutine: whether a Run test runs, the last one's
	// summary, the session a Run test waits for after reconnecting (nil
	// when none).
	running   bool
	result    summary
	waiting   *protocol.Session
	pw        *widgets.EscEntry // the password field, bound to pwFor (secret_place.go)
	pwFor     string
	stopWatch func() // ends the reply view's subscription

	fields      []*widgets.EscEntry // the panel's fields, in Tab order (focus.go)
	fieldScroll *container.Scroll   // scrolls them (field_error.go)

	// The Run test in progress, for its ticket (summary.go): when it
	// started and the user name it logs in with ("" for none).
	runStart time.Time
	runUser  string
}

func newBase(w Window, t Tab, name string) base {
	b := base{w: w, t: t, name: name, status: widget.NewLabel(assistantHint), hint: assistantHint,
		noResult: "No test has run in this tab yet: press Run test."}
	b.status.Wrapping = fyne.TextWrapWord
	return b
}

// frame lays a panel out. On top, in sight while the fields scroll: the
// assistant's name with Run test (run) and Show last result, the command
// buttons, Certificate… and Save fields to profile (save), and its last
// word. Below: the fields (scrolling) over the reply view, split at
// offset.
func (b *base) frame(run func(), commands fyne.CanvasObject, save func(), fields, replies fyne.CanvasObject, offset float64) fyne.CanvasObject {
	runButton := widget.NewButton("Run test", run)
	runButton.Importance = widget.HighImportance
	b.lastButton = widget.NewButton("Show last result", b.showLastResult)
	b.lastButton.Disable()
	header := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle(b.name+" assistant", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			layout.NewSpacer(), runButton, b.lastButton),
		commands,
		container.NewHBox(widget.NewButton("Certificate…", b.showCertificate), widget.NewButton("Save fields to profile", save)),
		b.status,
	)
	scroll := container.NewVScroll(fields)
	b.fieldScroll = scroll
	b.followFocus(scroll, fields)
	split := container.NewVSplit(scroll, replies)
	split.Offset = offset
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return container.NewStack(bg, container.NewBorder(header, nil, nil, nil, split))
}

// assistantHint is the assistant's first word, until it has another.
const assistantHint = "Fill in the fields, then press Run test, or send the commands one by one."

// say tells the person something, above the fields and in the status bar
// (clipped: it may quote a server).
func (b *base) say(text string) {
	b.status.SetText(clip(text, sayRunes))
	b.w.RefreshStatus()
}

// Note is the assistant's last word, for the status bar (not the hint).
func (b *base) Note() string {
	if b.status.Text == b.hint {
		return ""
	}
	return b.status.Text
}

// Name is the protocol's name, for the status bar.
func (b *base) Name() string { return b.name }

func (b *base) isRunning() bool    { return b.running }
func (b *base) setRunning(on bool) { b.running = on }

// Running reports whether a Run test runs.
func (b *base) Running() bool { return b.running }

// attached is what every panel does when its tab's session changes: what
// it said about the last session goes (unless a Run test connected this
// one), and the reply view follows the new session (stop ends that).
func (b *base) attached(stop func()) {
	if !b.isRunning() {
		b.status.SetText(b.hint)
	}
	if b.stopWatch != nil {
		b.stopWatch()
	}
	b.stopWatch = stop
}

// follow hands each reply on ch that keep accepts to add, on the UI
// goroutine, until ch closes.
func follow[R any](w Window, ch <-chan R, keep func(R) bool, add func(R)) {
	go func() {
		for r := range ch {
			if keep(r) {
				reply := r
				w.UI(func() { add(reply) })
			}
		}
	}()
}

// session is the live session, or nil with a message to the person.
func (b *base) session() *protocol.Session {
	s := b.t.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		b.say("Not connected: press Reconnect (Ctrl+Shift+R), or Run test, which connects again by itself. Your fields are kept.")
		return nil
	}
	return s
}

// encrypted reports whether the session is (or, reconnecting, will be)
// TLS; a password over plain text asks first.
func (b *base) encrypted() bool {
	s := b.t.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		return b.t.Settings().Engine.TLS == protocol.TLSImplicit
	}
	return s.TLS() != nil
}

func (b *base) confirmPlaintextAuth(then func()) {
	if b.encrypted() {
		then()
		return
	}
	b.w.ConfirmRisky("Send the password unencrypted?",
		"This connection is not encrypted: the user name and password will cross the network in clear text (base64 is not encryption). Switch to TLS first if the server offers it. Send anyway?",
		"Send anyway", func(ok bool) {
			if ok {
				then()
			}
		})
}

// passwordFields are a password entry, filled with the password the
// person chose to remember for this server (until Tern closes, or in the
// keychain when the profile keeps it there), and the check box that says
// to remember it (RememberLabel: where; ticked, it says why not the
// keychain when it cannot be).
func (b *base) passwordFields() (*widgets.EscEntry, *widget.Check) {
	pw := widgets.NewPasswordEntry()
	st := b.t.Settings()
	remember := widget.NewCheck(RememberLabel(st.Name), func(on bool) {
		if why := KeychainWhyNot(b.t.Settings().Name); on && why != "" {
			b.say(why)
		}
	})
	remember.SetChecked(st.Profile.RememberPassword)
	if saved, ok := RunPassword(st.Engine); ok {
		pw.SetText(saved)
		remember.SetChecked(true)
	} else if KeychainUsable(st.Name) && st.Profile.RememberPassword {
		if saved, err := (profiles.Secrets{}).Get(st.Name); err == nil {
			pw.SetText(saved)
		}
	}
	b.bindPassword(pw)
	return pw, remember
}

// credentials are the user name and password, checked; the password is
// kept in the keychain when the person asked.
func (b *base) credentials(user, password *widgets.EscEntry, remember *widget.Check) (string, string, bool) {
	if err := user.Validate(); err != nil {
		b.sayWrong(inField(user, err))
		return "", "", false
	}
	if !b.passwordStillHere(b.t.Settings().Engine) {
		return "", "", false
	}
	if strings.ContainsAny(password.Text, "\r\n\x00") {
		b.sayWrong(inField(password, errors.New("the password must be one line")))
		return "", "", false
	}
	b.rememberPassword(password.Text, remember.Checked)
	return strings.TrimSpace(user.Text), password.Text, true
}

// rememberPassword keeps the password, only when asked: until Tern
// closes for this server, and in the keychain when there is one.
func (b *base) rememberPassword(password string, remember bool) {
	st := b.t.Settings()
	if !remember || password == "" {
		return
	}
	KeepRunPassword(st.Engine, password)
	if !KeychainUsable(st.Name) {
		return
	}
	if err := (profiles.Secrets{}).Set(st.Name, password); err != nil {
		b.say("The password could not be kept in the keychain: " + err.Error() + ". It is kept until Tern closes.")
	}
}

// saveToProfile changes the tab's saved profile with change; it says why
// not when the session is not a saved profile of the person's.
func (b *base) saveToProfile(change func(pr *profiles.Profile)) bool {
	name := b.t.Settings().Name
	if name == "" || profiles.IsBuiltin(name) {
		b.say("This session is not a saved profile of yours: save it from the New session dialog first.")
		return false
	}
	_, err := b.w.Profiles().Update(func(f *profiles.File) error {
		pr, ok := f.Find(name)
		if !ok {
			return fmt.Errorf("the profile %q is no longer saved", name)
		}
		change(&pr)
		f.Put(pr)
		return nil
	})
	if err != nil {
		b.say(err.Error())
		return false
	}
	return true
}

func (b *base) showCertificate() {
	s := b.t.Session()
	if s == nil || s.TLS() == nil {
		b.say("The connection is not encrypted, so there is no certificate to show.")
		return
	}
	b.w.ShowCertificate(*s.TLS())
}

// finishRun shows how a Run test ended: in the assistant, the status bar
// and the summary dialog.
func (b *base) finishRun(text string, err error) {
	b.waiting = nil
	b.setRunning(false)
	b.result = summary{b.name + " test passed", b.ticketHeader() + text, b.summaryFileName()}
	b.lastButton.Enable()
	if err != nil {
		b.result.title = b.name + " test stopped"
		b.say("Run test stopped: " + words(err))
	} else {
		b.say("Run test passed. Show last result shows its summary again.")
	}
	b.showLastResult()
}

// words is an error as the person reads it, without the package prefix.
func words(err error) string {
	s := err.Error()
	for _, p := range []string{"smtp: ", "pop3: ", "imap: "} {
		s = strings.TrimPrefix(s, p)
	}
	if re, ok := errors.AsType[*smtp.ReplyError](err); ok { // a refusal's error states facts; say what it means
		s += " (" + smtp.Explain(re.Reply) + ")"
	}
	return s
}

// startRun readies a Run test on the tab's live session; when it is
// closed, it connects the tab again first (fresh), and forRun takes what
// Attach hands it for the new session (a reply subscription, a client),
// made before that session reads anything, so that the greeting cannot
// come first; handed is false when no session was attached. A run on the
// live session makes its own.
func startRun[S any](b *base, forRun *func(S)) (s *protocol.Session, fresh bool, got S, handed bool) {
	b.setRunning(true)
	b.runStart = time.Now()
	s = b.t.Session()
	if s != nil && s.Status().State == protocol.StateConnected {
		b.say("Run test: running…")
		return s, false, got, false
	}
	*forRun = func(v S) { got, handed = v, true }
	b.t.Reconnect()
	*forRun = nil
	s = b.t.Session()
	b.waiting = s
	b.say("Run test: the session was closed, so Tern is connecting again first…")
	return s, true, got, handed
}

// endedBeforeRun is why a Run test that waited for session s to connect
// cannot run, now that s ended with err; nil when no test waited for s.
func (b *base) endedBeforeRun(s *protocol.Session, err error) error {
	if b.waiting != s || s == nil {
		return nil
	}
	why := errors.New("the server closed the connection before greeting")
	if err != nil {
		why = err
	}
	return fmt.Errorf("Tern could not connect again to run the test: %w", why)
}
