// Package appprefs is Tern's application-wide preferences: the values
// kept in Fyne preferences (text size, theme, scrollback, paste
// confirmation, the window's size, the last target), the theme they
// choose, the Settings dialog that edits them with the highlighting
// rules of every session and Reopen last tabs, and the steady text
// cursor (animations off, animations.go).
package appprefs

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/launch"
	"github.com/tern-telnet/tern/gui/quick"
	"github.com/tern-telnet/tern/gui/widgets"
)

// Prefs are the application-wide settings, kept in Fyne preferences.
type Prefs struct {
	TextScale    float32
	Variant      string // system, light, dark
	Scrollback   int
	ConfirmPaste bool
	// LastHost and LastPort are where the New session dialog last
	// connected; it starts from them when Default Settings name no host.
	LastHost, LastPort string
	// window is the window's size when Tern last quit (zero: never).
	window fyne.Size
}

// defaultWindowSize is the first window's size.
var defaultWindowSize = fyne.NewSize(1180, 700)

// Load reads a's preferences.
func Load(a fyne.App) *Prefs {
	p := a.Preferences()
	return &Prefs{
		TextScale:    float32(p.FloatWithFallback("textScale", 1)),
		Variant:      p.StringWithFallback("theme", "system"),
		Scrollback:   p.IntWithFallback("scrollback", 10000),
		ConfirmPaste: p.BoolWithFallback("confirmPaste", true),
		LastHost:     p.String("lastHost"),
		LastPort:     p.String("lastPort"),
		window:       fyne.NewSize(float32(p.Float("windowWidth")), float32(p.Float("windowHeight"))),
	}
}

// WindowSize is the size to open the window at: the last one, or the
// default the first time.
func (p *Prefs) WindowSize() fyne.Size {
	if p.window.Width < 200 || p.window.Height < 150 {
		return defaultWindowSize
	}
	return p.window
}

// RememberWindow keeps the window's size for the next start.
func (p *Prefs) RememberWindow(a fyne.App, size fyne.Size) {
	p.window = size
	a.Preferences().SetFloat("windowWidth", float64(size.Width))
	a.Preferences().SetFloat("windowHeight", float64(size.Height))
}

// RememberTarget keeps the host and port just opened for the next New
// session dialog.
func (p *Prefs) RememberTarget(a fyne.App, host, port string) {
	p.LastHost, p.LastPort = host, port
	a.Preferences().SetString("lastHost", host)
	a.Preferences().SetString("lastPort", port)
}

// Save keeps the text size, theme, scrollback and paste confirmation.
func (p *Prefs) Save(a fyne.App) {
	s := a.Preferences()
	s.SetFloat("textScale", float64(p.TextScale))
	s.SetString("theme", p.Variant)
	s.SetInt("scrollback", p.Scrollback)
	s.SetBool("confirmPaste", p.ConfirmPaste)
}

// Apply gives a the theme p chooses.
func (p *Prefs) Apply(a fyne.App) {
	a.Settings().SetTheme(&ternTheme{Theme: theme.DefaultTheme(), textScale: p.TextScale, variant: p.Variant})
}

// ShowDialog is Settings…: it edits p, a's preferences, in d; saved runs
// once they are kept and applied (the window then highlights and redraws
// its tabs).
func (p *Prefs) ShowDialog(a fyne.App, d *widgets.Dialogs, saved func()) {
	size := widget.NewSlider(60, 300)
	size.Step = 10
	percent := widget.NewLabel("")
	size.OnChanged = func(v float64) { percent.SetText(fmt.Sprintf("%.0f %%", v)) }
	size.SetValue(float64(p.TextScale * 100))
	size.OnChanged(size.Value)
	variant := widgets.NewSelect([]string{"system", "light", "dark"}, nil)
	variant.SetSelected(p.Variant)
	lines := widgets.NewEscEntry(false, nil) // Enter saves, Escape cancels (Dialogs.Form)
	lines.SetText(strconv.Itoa(p.Scrollback))
	lines.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 0 || n > 1000000 {
			return errors.New("a number of lines, 0 to 1000000")
		}
		return nil
	}
	paste := widgets.NewCheck("Ask before pasting line breaks or control characters", nil)
	paste.SetChecked(p.ConfirmPaste)
	items := []*widget.FormItem{
		widget.NewFormItem("Text size", container.NewBorder(nil, nil, nil, percent, size)),
		widget.NewFormItem("Theme", variant),
		widget.NewFormItem("Scrollback lines (new tabs)", lines),
		widget.NewFormItem("", paste),
	}
	hl, ro := quick.NewHighlightSettings(a.Preferences()), newReopenSetting(a.Preferences())
	items = append(append(items, ro.item()), hl.Items()...)
	// Tern's buttons, as in every other dialog: a Space that presses
	// one, or an Escape on it, does not reach the session.
	d.Form("Settings", "Save", items, func(ok bool) {
		if !ok {
			return
		}
		p.TextScale = float32(size.Value) / 100
		p.Variant = variant.Selected
		p.Scrollback, _ = strconv.Atoi(lines.Text)
		p.ConfirmPaste = paste.Checked
		p.Save(a)
		p.Apply(a)
		hl.Save(a.Preferences())
		ro.save(a.Preferences())
		saved()
	}, fyne.NewSize(640, 480))
}

// reopenSetting is the Settings dialog's check box for reopening the
// last tabs (gui/launch keeps and reads the list).
type reopenSetting struct{ check *widget.Check }

func newReopenSetting(p fyne.Preferences) *reopenSetting {
	c := widget.NewCheck("Reopen the last tabs when Tern starts (saved sessions by name, others as host and port)", nil)
	c.SetChecked(p.Bool(launch.PrefReopenTabs))
	return &reopenSetting{check: c}
}

func (r *reopenSetting) item() *widget.FormItem { return widget.NewFormItem("Start", r.check) }

func (r *reopenSetting) save(p fyne.Preferences) { p.SetBool(launch.PrefReopenTabs, r.check.Checked) }
