package termtab

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/widgets"
)

// findBar searches the scrollback and screen (Ctrl+Shift+F).
type findBar struct {
	t         *Tab
	entry     *widgets.EscEntry // Escape closes the bar
	matchCase *widget.Check
	regexp    *widget.Check
	count     *widget.Label
	bar       *container.Scroll
}

func newFindBar(t *Tab) *findBar {
	f := &findBar{t: t, count: widget.NewLabel("")}
	f.entry = widgets.NewEscEntry(false, f.hide)
	f.entry.SetPlaceHolder("Find in scrollback")
	f.entry.OnChanged = func(string) { f.search() }
	f.entry.OnSubmitted = func(string) { f.step(+1) }
	f.matchCase = widget.NewCheck("Match case", func(bool) { f.search() })
	f.regexp = widget.NewCheck("Regular expression", func(bool) { f.search() })
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()),
		container.NewHBox(f.matchCase, f.regexp, f.count,
			widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(-1) }),
			widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(+1) }),
			widget.NewButtonWithIcon("", theme.CancelIcon(), f.hide)),
		f.entry)
	f.bar = container.NewHScroll(row)
	f.bar.Hide()
	return f
}

func (f *findBar) show() {
	f.bar.Show()
	if c := f.t.host.Window().Canvas(); c != nil {
		c.Focus(f.entry)
	}
	f.search()
}

func (f *findBar) hide() {
	f.bar.Hide()
	f.t.mu.Lock()
	f.t.matches = nil
	f.t.mu.Unlock()
	f.t.redraw(false)
	f.t.scr.ScrollToBottom()
	f.t.host.FocusCurrent()
}

// search finds every match and shows the last (the most recent).
func (f *findBar) search() {
	matches, err := f.find()
	if err != nil {
		f.count.SetText(err.Error())
	}
	f.t.mu.Lock()
	f.t.matches = matches
	f.t.matchAt = len(matches) - 1
	f.t.matchGen++
	f.t.mu.Unlock()
	if err == nil {
		f.reveal()
	}
}

// find runs the search the bar describes.
func (f *findBar) find() ([]screen.Match, error) {
	if !f.regexp.Checked || f.entry.Text == "" {
		return f.t.scr.Find(f.entry.Text, f.matchCase.Checked), nil
	}
	pattern := f.entry.Text
	if !f.matchCase.Checked {
		pattern = "(?i)" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("not a regular expression: %s", regexpProblem(err))
	}
	return f.t.scr.FindRegexp(re), nil
}

// regexpProblem is the part of a regexp error a person can act on:
// "missing closing )" rather than "error parsing regexp: ...".
func regexpProblem(err error) string {
	var syn *syntax.Error
	if errors.As(err, &syn) {
		return string(syn.Code)
	}
	return err.Error()
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (f *findBar) step(dir int) {
	f.t.mu.Lock()
	if n := len(f.t.matches); n > 0 {
		f.t.matchAt = (f.t.matchAt + dir + n) % n
	}
	f.t.mu.Unlock()
	f.reveal()
}

func (f *findBar) reveal() {
	f.t.mu.Lock()
	n, at := len(f.t.matches), f.t.matchAt
	var line int64
	if n > 0 {
		line = f.t.matches[at].Line
	}
	f.t.mu.Unlock()
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case n == 0:
		f.count.SetText("no matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", at+1, n))
		f.t.scr.Reveal(line)
	}
	f.t.redraw(false)
}

// ShowFind opens the find bar (Ctrl+Shift+F) and focuses it.
func (t *Tab) ShowFind() { t.find.show() }

// FindField is the find bar's entry while the bar is shown, or nil.
func (t *Tab) FindField() fyne.Focusable {
	if !t.find.bar.Visible() {
		return nil
	}
	return t.find.entry
}
