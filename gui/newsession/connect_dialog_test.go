package newsession

import (
	"net"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/profiles"
)

// TestOneClickSelectsLoadsAndLetsRenameAndDeleteAct is the blocker of
// issue 16: one click on a saved session loads it and keeps it selected,
// so Rename… and Delete act on it (each answered with Enter).
func TestOneClickSelectsLoadsAndLetsRenameAndDeleteAct(t *testing.T) {
	h := newTestHost(t)
	saveProfiles(t, h, profiles.Profile{Name: "Mail", Host: "mail.example.com", Port: "25"})
	c, opened := newSessionDialog(t, h)
	test.Tap(rowLabelled(t, h, "Mail"))
	if c.form.host.Text != "mail.example.com" || c.form.port.Text != "25" {
		t.Fatalf("one click loaded host %q port %q", c.form.host.Text, c.form.port.Text)
	}
	if e, ok := c.panel.current(); !ok || e.profile.Name != "Mail" {
		t.Fatalf("one click selected %+v, %v", e, ok)
	}
	if len(*opened) != 0 {
		t.Fatal("one click opened the session")
	}

	test.Tap(widgetstest.Button(t, h.win, "Rename…"))
	name, ok := h.win.Canvas().Focused().(*widgets.EscEntry)
	if !ok || name.SelectedText() != "Mail" {
		t.Fatalf("the Name field is not focused with its text selected: %T", h.win.Canvas().Focused())
	}
	test.Type(name, "Mail server")
	widgetstest.PressKey(h.win, fyne.KeyReturn)
	f, _ := h.store.Load()
	if _, ok := f.Find("Mail server"); !ok || len(f.Profiles) != 1 {
		t.Fatalf("after Rename and Enter the store holds %v", f.Names())
	}
	if e, _ := c.panel.current(); e.profile.Name != "Mail server" {
		t.Fatalf("the renamed session is not selected: %q", e.label())
	}

	test.Tap(widgetstest.Button(t, h.win, "Delete"))
	widgetstest.PressKey(h.win, fyne.KeyReturn) // the confirmation's default keeps it
	if f, _ = h.store.Load(); len(f.Profiles) != 1 {
		t.Fatalf("Enter in Delete session? deleted: %v", f.Names())
	}
	test.Tap(widgetstest.Button(t, h.win, "Delete"))
	test.Tap(widgetstest.Button(t, h.win, "Delete")) // the confirmation's own button
	f, _ = h.store.Load()
	if len(f.Profiles) != 0 {
		t.Fatalf("after Delete, Delete the store holds %v", f.Names())
	}
	if !strings.Contains(c.problem.Text, "Deleted Mail server") {
		t.Fatalf("message %q", c.problem.Text)
	}
}

// TestDoubleClickOpens: a double click loads and opens the session.
func TestDoubleClickOpens(t *testing.T) {
	h := newTestHost(t)
	saveProfiles(t, h, profiles.Profile{Name: "Router", Host: "r.lan", Port: "2323"})
	_, opened := newSessionDialog(t, h)
	test.DoubleTap(rowLabelled(t, h, "Router"))
	if len(*opened) != 1 || (*opened)[0].Engine.Host != "r.lan" || (*opened)[0].Engine.Port != "2323" {
		t.Fatalf("opened %+v", *opened)
	}
}

// TestKeyboardPicksASession walks the list without a mouse: Tab from the
// filter reaches the list, Down in the filter enters it, the arrows load
// each session and Enter opens the selected one; Enter in the filter
// opens the first match.
func TestKeyboardPicksASession(t *testing.T) {
	h := newTestHost(t)
	saveProfiles(t, h,
		profiles.Profile{Name: "Alpha router", Host: "alpha.lan", Port: "23"},
		profiles.Profile{Name: "Alpha mail", Host: "mail.alpha.lan", Port: "25"},
		profiles.Profile{Name: "Beta", Host: "beta.lan", Port: "2323"})
	c, opened := newSessionDialog(t, h)
	canvas := h.win.Canvas()
	canvas.Focus(c.panel.filter)
	test.FocusNext(canvas)
	if canvas.Focused() != c.panel.list {
		t.Fatalf("Tab from the filter went to %T, not the session list", canvas.Focused())
	}

	canvas.Focus(c.panel.filter)
	test.Type(c.panel.filter, "alpha")
	widgetstest.PressKey(h.win, fyne.KeyDown)
	if canvas.Focused() != c.panel.list || c.form.host.Text != "mail.alpha.lan" {
		t.Fatalf("Down in the filter: focus %T, host %q", canvas.Focused(), c.form.host.Text)
	}
	widgetstest.PressKey(h.win, fyne.KeyDown)
	if c.form.host.Text != "alpha.lan" {
		t.Fatalf("Down in the list loaded %q", c.form.host.Text)
	}
	widgetstest.PressKey(h.win, fyne.KeyUp)
	widgetstest.PressKey(h.win, fyne.KeyReturn)
	if len(*opened) != 1 || (*opened)[0].Engine.Host != "mail.alpha.lan" {
		t.Fatalf("Enter in the list opened %+v", *opened)
	}

	c, _ = newSessionDialog(t, h)
	canvas.Focus(c.panel.list)
	widgetstest.PressKey(h.win, fyne.KeyEscape)
	if h.dialogs.Len() != 0 {
		t.Fatal("Escape in the list did not cancel the dialog")
	}

	c, opened = newSessionDialog(t, h)
	canvas.Focus(c.panel.filter)
	test.Type(c.panel.filter, "beta")
	widgetstest.PressKey(h.win, fyne.KeyReturn)
	if len(*opened) != 1 || (*opened)[0].Engine.Port != "2323" {
		t.Fatalf("Enter in the filter opened %+v", *opened)
	}
}

// TestTabIntoAFieldReplacesItsText: typing 25 after Tab into Port gives
// 25, not 2325.
func TestTabIntoAFieldReplacesItsText(t *testing.T) {
	h := newTestHost(t)
	c, _ := newSessionDialog(t, h)
	canvas := h.win.Canvas()
	if canvas.Focused() != c.form.host {
		t.Fatalf("the dialog opened with %T focused, not Host", canvas.Focused())
	}
	test.Type(c.form.host, "mail.example.com")
	test.FocusNext(canvas)
	if canvas.Focused() != c.form.port {
		t.Fatalf("Tab from Host went to %T", canvas.Focused())
	}
	test.Type(c.form.port, "25")
	if c.form.port.Text != "25" {
		t.Fatalf("Port reads %q", c.form.port.Text)
	}
}

// TestOpenExplainsAndForgetsTheProblem: an empty Host is not an error
// before Open; after Open it is, and the message goes once a host is typed.
func TestOpenExplainsAndForgetsTheProblem(t *testing.T) {
	h := newTestHost(t)
	c, opened := newSessionDialog(t, h)
	test.FocusNext(h.win.Canvas()) // leave the empty Host
	if err := c.form.host.Validate(); err != nil {
		t.Fatalf("an untouched empty Host is already an error: %v", err)
	}
	test.Tap(c.form.openButton)
	if c.problem.Text != "Cannot open yet: enter a host name or address" || len(*opened) != 0 {
		t.Fatalf("Open with no host: %q, opened %d", c.problem.Text, len(*opened))
	}
	test.Type(c.form.host, "mail.example.com")
	if c.problem.Text != "" {
		t.Fatalf("after typing a host the dialog still says %q", c.problem.Text)
	}
}

// TestEnterOpensFromEveryConnectionField: Enter in Host, Port and Bind
// address opens, and so does Enter with nothing focused.
func TestEnterOpensFromEveryConnectionField(t *testing.T) {
	h := newTestHost(t)
	for _, field := range []string{"host", "port", "bind", "nothing focused"} {
		t.Run(field, func(t *testing.T) {
			c, opened := newSessionDialog(t, h)
			test.Type(c.form.host, "h.example.com")
			entry := map[string]*widgets.EscEntry{"host": c.form.host, "port": c.form.port, "bind": c.form.bind}[field]
			if entry != nil {
				h.win.Canvas().Focus(entry)
			} else {
				h.win.Canvas().Unfocus()
			}
			widgetstest.PressKey(h.win, fyne.KeyReturn)
			if len(*opened) != 1 {
				t.Fatalf("Enter in %s did not open", field)
			}
		})
	}
}

func TestBindAddressMustBeThisComputers(t *testing.T) {
	old := settings.LocalAddrs
	t.Cleanup(func() { settings.LocalAddrs = old })
	settings.LocalAddrs = func() ([]net.Addr, error) {
		_, lo, _ := net.ParseCIDR("127.0.0.1/8")
		lan := &net.IPNet{IP: net.ParseIP("192.168.1.20"), Mask: net.CIDRMask(24, 32)}
		return []net.Addr{&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: lo.Mask}, lan, &net.IPNet{IP: net.IPv6loopback, Mask: net.CIDRMask(128, 128)}}, nil
	}
	tests := []struct {
		bind string
		ok   bool
	}{
		{"", true},
		{"192.168.1.20", true},
		{"127.0.0.2", true}, // any loopback address works on loopback
		{"::1", true},
		{"0.0.0.0", true},
		{"localhost", true}, // names are looked up when connecting
		{"192.168.1.21", false},
		{"10.0.0.1", false},
		{"has space", false},
	}
	for _, tt := range tests {
		err := settings.ValidateBind(tt.bind)
		if (err == nil) != tt.ok {
			t.Errorf("settings.ValidateBind(%q) = %v, want ok %v", tt.bind, err, tt.ok)
		}
	}
	if err := settings.ValidateBind("10.0.0.1"); err == nil || err.Error() != "10.0.0.1 is not an address of this computer" {
		t.Errorf("message: %v", err)
	}
}

// TestSessionListShowsItsFocus: Shift+Tab from Host focuses the session
// list; with nothing selected its first row is marked, so the focus is
// seen (it was on an unmarked Export… before).
func TestSessionListShowsItsFocus(t *testing.T) {
	h := newTestHost(t)
	c, _ := newSessionDialog(t, h)
	h.win.Canvas().Focus(c.form.host)
	h.win.Canvas().FocusPrevious()
	if h.win.Canvas().Focused() != fyne.Focusable(c.panel.list) {
		t.Fatalf("Shift+Tab from Host went to %T, not the session list", h.win.Canvas().Focused())
	}
	if !rowLabelled(t, h, "Default Settings").TextStyle.Bold {
		t.Fatal("the focused list marks no row")
	}
}

// TestWheelScrollsTheFormOverItsFields: the wheel moves the form wherever
// the pointer rests, a field included, three times Fyne's step (issue
// 26: the wheel was slow and died over entry fields).
func TestWheelScrollsTheFormOverItsFields(t *testing.T) {
	h := newTestHost(t)
	c, _ := newSessionDialog(t, h)
	var form *container.Scroll
	for _, o := range widgetstest.OnScreen(h.win) {
		if s, ok := o.(*container.Scroll); ok && s.Content == c.form.content {
			form = s
		}
	}
	if form == nil {
		t.Fatal("the form is not in a scroller")
	}
	for _, title := range []string{"Advanced", "Keyboard", "Logon actions", "Proxy"} {
		test.Tap(widgetstest.Button(t, h.win, title)) // open: the form is taller than the dialog
	}
	canvas := h.win.Canvas()
	driver := fyne.CurrentApp().Driver()
	over := driver.AbsolutePositionForObject(c.form.port).AddXY(20, 5)
	test.Scroll(canvas, over, 0, -25)
	if form.Offset.Y != 25*widgets.WheelSpeed {
		t.Fatalf("one notch over the Port field moved the form to %v, want %v", form.Offset.Y, 25*widgets.WheelSpeed)
	}
}
