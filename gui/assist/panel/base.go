package panel

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

// Base is what every assistant panel has: its window and tab, its last
// word (above its fields and in the status bar), the last Run test's
// summary.
type Base struct {
	Window Window
	Tab    Tab
	name   string // the protocol, such as SMTP

	Status     *widget.Label
	Hint       string         // its first word, until it has another
	NoResult   string         // what Show last result says before any Run test
	LastButton *widget.Button // Show last result

	// On the UI goroutine: whether a Run test runs, the last one's
	// summary, the session a Run test waits for after reconnecting (nil
	// when none).
	running   bool
	Result    Summary
	Waiting   *protocol.Session
	pw        *widgets.EscEntry // the password field, bound to pwFor (secret_place.go)
	pwFor     string
	stopWatch func() // ends the reply view's subscription

	fields      []*widgets.EscEntry // the panel's fields, in Tab order (focus.go)
	FieldScroll *container.Scroll   // scrolls them (field_error.go)

	// The Run test in progress, for its ticket (summary.go): when it
	// started and the user name it logs in with ("" for none).
	RunStart time.Time
	RunUser  string
}

func NewBase(w Window, t Tab, name string) Base {
	b := Base{Window: w, Tab: t, name: name, Status: widget.NewLabel(AssistantHint), Hint: AssistantHint,
		NoResult: "No test has run in this tab yet: press Run test."}
	b.Status.Wrapping = fyne.TextWrapWord
	return b
}

// Frame lays a panel out. On top, in sight while the fields scroll: the
// assistant's name with Run test (run) and Show last result, the command
// buttons and its last word. Below: the fields, then Certificate… and
// Save fields to profile (save), scrolling, over the reply view, split at
// offset. What stays on top is kept to that so that a 1366x768 window
// still shows most of the fields.
func (b *Base) Frame(run func(), commands fyne.CanvasObject, save func(), fields, replies fyne.CanvasObject, offset float64) fyne.CanvasObject {
	runButton := widget.NewButton("Run test", run)
	runButton.Importance = widget.HighImportance
	b.LastButton = widget.NewButton("Show last result", b.ShowLastResult)
	b.LastButton.Disable()
	header := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle(b.name+" assistant", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			layout.NewSpacer(), runButton, b.LastButton),
		commands,
		b.Status,
	)
	fields = container.NewVBox(fields,
		container.NewHBox(widget.NewButton("Certificate…", b.showCertificate), widget.NewButton("Save fields to profile", save)))
	scroll := container.NewVScroll(fields)
	b.FieldScroll = scroll
	b.FollowFocus(scroll, fields)
	split := container.NewVSplit(scroll, replies)
	split.Offset = offset
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return container.NewStack(bg, container.NewBorder(header, nil, nil, nil, split))
}

// AssistantHint is the assistant's first word, until it has another.
const AssistantHint = "Fill in the fields, then press Run test, or send the commands one by one."

// Say tells the person something, above the fields and in the status bar
// (clipped: it may quote a server).
func (b *Base) Say(text string) {
	b.Status.SetText(Clip(text, SayRunes))
	b.Window.RefreshStatus()
}

// Note is the assistant's last word, for the status bar (not the hint).
func (b *Base) Note() string {
	if b.Status.Text == b.Hint {
		return ""
	}
	return b.Status.Text
}

// Name is the protocol's name, for the status bar.
func (b *Base) Name() string { return b.name }

// SetRunning marks a Run test started or ended.
func (b *Base) SetRunning(on bool) { b.running = on }

// Running reports whether a Run test runs.
func (b *Base) Running() bool { return b.running }

// Attached is what every panel does when its tab's session changes: what
// it said about the last session goes (unless a Run test connected this
// one), and the reply view follows the new session (stop ends that).
func (b *Base) Attached(stop func()) {
	if !b.Running() {
		b.Status.SetText(b.Hint)
	}
	if b.stopWatch != nil {
		b.stopWatch()
	}
	b.stopWatch = stop
}

// Follow hands each reply on ch that keep accepts to add, on the UI
// goroutine, until ch closes.
func Follow[R any](w Window, ch <-chan R, keep func(R) bool, add func(R)) {
	go func() {
		for r := range ch {
			if keep(r) {
				reply := r
				w.UI(func() { add(reply) })
			}
		}
	}()
}

// Session is the live session, or nil with a message to the person.
func (b *Base) Session() *protocol.Session {
	s := b.Tab.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		b.Say("Not connected: press Reconnect (Ctrl+Shift+R), or Run test, which connects again by itself. Your fields are kept.")
		return nil
	}
	return s
}

// Encrypted reports whether the session is (or, reconnecting, will be)
// TLS; a password over plain text asks first.
func (b *Base) Encrypted() bool {
	s := b.Tab.Session()
	if s == nil || s.Status().State != protocol.StateConnected {
		return b.Tab.Settings().Engine.TLS == protocol.TLSImplicit
	}
	return s.TLS() != nil
}

func (b *Base) ConfirmPlaintextAuth(then func()) {
	if b.Encrypted() {
		then()
		return
	}
	b.Window.ConfirmRisky("Send the password unencrypted?",
		"This connection is not encrypted: the user name and password will cross the network in clear text (base64 is not encryption). Switch to TLS first if the server offers it. Send anyway?",
		"Send anyway", func(ok bool) {
			if ok {
				then()
			}
		})
}

// PasswordFields are a password entry, filled with the password the
// person chose to remember for this server (until Tern closes, or in the
// keychain when the profile keeps it there), and the check box that says
// to remember it (RememberLabel: where; ticked, it says why not the
// keychain when it cannot be).
func (b *Base) PasswordFields() (*widgets.EscEntry, *widget.Check) {
	pw := widgets.NewPasswordEntry()
	st := b.Tab.Settings()
	remember := widget.NewCheck(RememberLabel(st.Name), func(on bool) {
		if why := KeychainWhyNot(b.Tab.Settings().Name); on && why != "" {
			b.Say(why)
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

// Credentials are the user name and password, checked; the password is
// kept in the keychain when the person asked.
func (b *Base) Credentials(user, password *widgets.EscEntry, remember *widget.Check) (string, string, bool) {
	if err := user.Validate(); err != nil {
		b.SayWrong(InField(user, err))
		return "", "", false
	}
	if !b.PasswordStillHere(b.Tab.Settings().Engine) {
		return "", "", false
	}
	if strings.ContainsAny(password.Text, "\r\n\x00") {
		b.SayWrong(InField(password, errors.New("the password must be one line")))
		return "", "", false
	}
	b.RememberPassword(password.Text, remember.Checked)
	return strings.TrimSpace(user.Text), password.Text, true
}

// RememberPassword keeps the password, only when asked: until Tern
// closes for this server, and in the keychain when there is one.
func (b *Base) RememberPassword(password string, remember bool) {
	st := b.Tab.Settings()
	if !remember || password == "" {
		return
	}
	KeepRunPassword(st.Engine, password)
	if !KeychainUsable(st.Name) {
		return
	}
	if err := (profiles.Secrets{}).Set(st.Name, password); err != nil {
		b.Say("The password could not be kept in the keychain: " + err.Error() + ". It is kept until Tern closes.")
	}
}

// SaveToProfile changes the tab's saved profile with change; it says why
// not when the session is not a saved profile of the person's.
func (b *Base) SaveToProfile(change func(pr *profiles.Profile)) bool {
	name := b.Tab.Settings().Name
	if name == "" || profiles.IsBuiltin(name) {
		b.Say("This session is not a saved profile of yours: save it from the New session dialog first.")
		return false
	}
	_, err := b.Window.Profiles().Update(func(f *profiles.File) error {
		pr, ok := f.Find(name)
		if !ok {
			return fmt.Errorf("the profile %q is no longer saved", name)
		}
		change(&pr)
		f.Put(pr)
		return nil
	})
	if err != nil {
		b.Say(err.Error())
		return false
	}
	return true
}

func (b *Base) showCertificate() {
	s := b.Tab.Session()
	if s == nil || s.TLS() == nil {
		b.Say("The connection is not encrypted, so there is no certificate to show.")
		return
	}
	b.Window.ShowCertificate(*s.TLS())
}

// FinishRun shows how a Run test ended: in the assistant, the status bar
// and the summary dialog.
func (b *Base) FinishRun(text string, err error) {
	b.Waiting = nil
	b.SetRunning(false)
	b.Result = Summary{b.name + " test passed", b.TicketHeader() + text, b.summaryFileName()}
	b.LastButton.Enable()
	if err != nil {
		b.Result.Title = b.name + " test stopped"
		b.Say("Run test stopped: " + Words(err))
	} else {
		b.Say("Run test passed. Show last result shows its summary again.")
	}
	b.ShowLastResult()
}

// Words is an error as the person reads it, without the package prefix.
func Words(err error) string {
	s := err.Error()
	for _, p := range []string{"smtp: ", "pop3: ", "imap: "} {
		s = strings.TrimPrefix(s, p)
	}
	if re, ok := errors.AsType[*smtp.ReplyError](err); ok { // a refusal's error states facts; say what it means
		s += " (" + smtp.Explain(re.Reply) + ")"
	}
	return s
}

// StartRun readies a Run test on the tab's live session; when it is
// closed, it connects the tab again first (fresh), and forRun takes what
// Attach hands it for the new session (a reply subscription, a client),
// made before that session reads anything, so that the greeting cannot
// come first; handed is false when no session was attached. A run on the
// live session makes its own.
func StartRun[S any](b *Base, forRun *func(S)) (s *protocol.Session, fresh bool, got S, handed bool) {
	b.SetRunning(true)
	b.RunStart = time.Now()
	s = b.Tab.Session()
	if s != nil && s.Status().State == protocol.StateConnected {
		b.Say("Run test: running…")
		return s, false, got, false
	}
	*forRun = func(v S) { got, handed = v, true }
	b.Tab.Reconnect()
	*forRun = nil
	s = b.Tab.Session()
	b.Waiting = s
	b.Say("Run test: the session was closed, so Tern is connecting again first…")
	return s, true, got, handed
}

// EndedBeforeRun is why a Run test that waited for session s to connect
// cannot run, now that s ended with err; nil when no test waited for s.
func (b *Base) EndedBeforeRun(s *protocol.Session, err error) error {
	if b.Waiting != s || s == nil {
		return nil
	}
	why := errors.New("the server closed the connection before greeting")
	if err != nil {
		why = err
	}
	return fmt.Errorf("Tern could not connect again to run the test: %w", why)
}
