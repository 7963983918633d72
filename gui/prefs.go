package gui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
}

func loadPreferences(a fyne.App) *preferences {
	p := a.Preferences()
	return &preferences{
		textScale:    float32(p.FloatWithFallback("textScale", 1)),
		variant:      p.StringWithFallback("theme", "system"),
		scrollback:   p.IntWithFallback("scrollback", 10000),
		confirmPaste: p.BoolWithFallback("confirmPaste", true),
		lastHost:     p.String("lastHost"),
		lastPort:     p.String("lastPort"),
	}
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
	size.SetValue(float64(p.textScale * 100))
	variant := widget.NewSelect([]string{"system", "light", "dark"}, nil)
	variant.SetSelected(p.variant)
	lines := widget.NewEntry()
	lines.SetText(strconv.Itoa(p.scrollback))
	lines.Validator = func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 0 || n > 1000000 {
			return errText("a number of lines, 0 to 1000000")
		}
		return nil
	}
	paste := widget.NewCheck("Ask before pasting several lines", nil)
	paste.SetChecked(p.confirmPaste)
	items := []*widget.FormItem{
		widget.NewFormItem("Text size (%)", size),
		widget.NewFormItem("Theme", variant),
		widget.NewFormItem("Scrollback lines (new tabs)", lines),
		widget.NewFormItem("", paste),
	}
	d := dialog.NewForm("Settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		p.textScale = float32(size.Value) / 100
		p.variant = variant.Selected
		p.scrollback, _ = strconv.Atoi(lines.Text)
		p.confirmPaste = paste.Checked
		p.save(w.app)
		p.apply(w.app)
		for _, t := range w.byItem {
			t.invalidate.Store(true)
			t.dirty.Store(true)
		}
	}, w.win)
	d.Resize(w.dialogSize(480, 320))
	w.showDialog(d)
}
