package gui

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

// preferences are the application-wide settings, kept in Fyne preferences.
type preferences struct {
	textScale    float32
	variant      string // system, light, dark
	scrollback   int
	confirmPaste bool
	// lastHost and lastPort are where the New session dialog last
	// connected; it starts from them when Default Settings name no host.
	lastHost, lastPort string
	// window is the window's size when Tern last quit (zero: never).
	window fyne.Size
}

// defaultWindowSize is the first window's size.
var defaultWindowSize = fyne.NewSize(1180, 700)

func loadPreferences(a fyne.App) *preferences {
	p := a.Preferences()
	return &preferences{
		textScale:    float32(p.FloatWithFallback("textScale", 1)),
		variant:      p.StringWithFallback("theme", "system"),
		scrollback:   p.IntWithFallback("scrollback", 10000),
		confirmPaste: p.BoolWithFallback("confirmPaste", true),
		lastHost:     p.String("lastHost"),
		lastPort:     p.String("lastPort"),
		window:       fyne.NewSize(float32(p.Float("windowWidth")), float32(p.Float("windowHeight"))),
	}
}

// windowSize is the size to open the window at: the last one, or the
// default the first time.
func (p *preferences) windowSize() fyne.Size {
	if p.window.Width < 200 || p.window.Height < 150 {
		return defaultWindowSize
	}
	return p.window
}

// rememberWindow keeps the window's size for the next start.
func (p *preferences) rememberWindow(a fyne.App, size fyne.Size) {
	p.window = size
	a.Preferences().SetFloat("windowWidth", float64(size.Width))
	a.Preferences().SetFloat("windowHeight", float64(size.Height))
}

// rememberTarget keeps the host and port just opened for the next New
// session dialog.
func (p *preferences) rememberTarget(a fyne.App, host, port string) {
	p.lastHost, p.lastPort = host, port
	a.Preferences().SetString("lastHost", host)
	a.Preferences().SetString("lastPort", port)
}

func (p *preferences) save(a fyne.App) {
	s := a.Preferences()
	s.SetFloat("textScale", float64(p.textScale))
	s.SetString("theme", p.variant)
	s.SetInt("scrollback", p.scrollback)
	s.SetBool("confirmPaste", p.confirmPaste)
}

func (p *preferences) apply(a fyne.App) {
	a.Settings().SetTheme(&ternTheme{Theme: theme.DefaultTheme(), textScale: p.textScale, variant: p.variant})
}

func (w *mainWindow) showSettings() {
	p := w.prefs
	size := widget.NewSlider(60, 300)
	size.Step = 10
	percent := widget.NewLabel("")
	size.OnChanged = func(v float64) { percent.SetText(fmt.Sprintf("%.0f %%", v)) }
	size.SetValue(float64(p.textScale * 100))
	size.OnChanged(size.Value)
	variant := widgets.NewSelect([]string{"system", "light", "dark"}, nil)
	variant.SetSelected(p.variant)
	lines := widgets.NewEscEntry(false, nil) // Enter saves, Escape cancels (Dialogs.Form)
	lines.SetText(strconv.Itoa(p.scrollback))
	lines.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 0 || n > 1000000 {
			return errors.New("a number of lines, 0 to 1000000")
		}
		return nil
	}
	paste := widgets.NewCheck("Ask before pasting line breaks or control characters", nil)
	paste.SetChecked(p.confirmPaste)
	items := []*widget.FormItem{
		widget.NewFormItem("Text size", container.NewBorder(nil, nil, nil, percent, size)),
		widget.NewFormItem("Theme", variant),
		widget.NewFormItem("Scrollback lines (new tabs)", lines),
		widget.NewFormItem("", paste),
	}
	hl, ro := quick.NewHighlightSettings(w.app.Preferences()), newReopenSetting(w.app.Preferences())
	items = append(append(items, ro.item()), hl.Items()...)
	// Tern's buttons, as in every other dialog: a Space that presses
	// one, or an Escape on it, does not reach the session.
	w.dialogs.Form("Settings", "Save", items, func(ok bool) {
		if !ok {
			return
		}
		p.textScale = float32(size.Value) / 100
		p.variant = variant.Selected
		p.scrollback, _ = strconv.Atoi(lines.Text)
		p.confirmPaste = paste.Checked
		p.save(w.app)
		p.apply(w.app)
		hl.Save(w.app.Preferences())
		ro.save(w.app.Preferences())
		for _, t := range w.byItem {
			w.quick.ApplyHighlights(t)
			t.Redraw(true)
		}
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
