package termtab

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/widgets"
)

// findBar searches the scrollback and screen (Ctrl+Shift+F) and keeps
// the matches, which the render loop marks (marks).
type findBar struct {
	host      Host
	scr       *screen.Screen
	redraw    func()            // wakes the render loop
	entry     *widgets.EscEntry // Escape closes the bar
	matchCase *widget.Check
	regexp    *widget.Check
	count     *widget.Label
	bar       *container.Scroll

	mu      sync.Mutex // guards the matches: the render loop reads them
	matches []screen.Match
	at      int // the match shown
}

func newFindBar(host Host, scr *screen.Screen, redraw func()) *findBar {
	f := &findBar{host: host, scr: scr, redraw: redraw, count: widget.NewLabel("")}
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
	if c := f.host.Window().Canvas(); c != nil {
		c.Focus(f.entry)
	}
	f.search()
}

func (f *findBar) hide() {
	f.bar.Hide()
	f.mu.Lock()
	f.matches = nil
	f.mu.Unlock()
	f.redraw()
	f.scr.ScrollToBottom()
	f.host.FocusCurrent()
}

// search finds every match and shows the last (the most recent).
func (f *findBar) search() {
	matches, err := f.find()
	if err != nil {
		f.count.SetText(err.Error())
	}
	f.mu.Lock()
	f.matches, f.at = matches, len(matches)-1
	f.mu.Unlock()
	if err == nil {
		f.reveal()
	}
}

// find runs the search the bar describes.
func (f *findBar) find() ([]screen.Match, error) {
	if !f.regexp.Checked || f.entry.Text == "" {
		return f.scr.Find(f.entry.Text, f.matchCase.Checked), nil
	}
	pattern := f.entry.Text
	if !f.matchCase.Checked {
		pattern = "(?i)" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("not a regular expression: %s", regexpProblem(err))
	}
	return f.scr.FindRegexp(re), nil
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
	f.mu.Lock()
	if n := len(f.matches); n > 0 {
		f.at = (f.at + dir + n) % n
	}
	f.mu.Unlock()
	f.reveal()
}

func (f *findBar) reveal() {
	f.mu.Lock()
	n, at := len(f.matches), f.at
	var line int64
	if n > 0 {
		line = f.matches[at].Line
	}
	f.mu.Unlock()
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case n == 0:
		f.count.SetText("no matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", at+1, n))
		f.scr.Reveal(line)
	}
	f.redraw()
}

// marks adds the matches on the rows of snap to ov's spans (render loop).
func (f *findBar) marks(snap *screen.Snapshot, ov *paint.Overlay) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range f.matches {
		if r := int(m.Line - snap.FirstLine); r >= 0 && r < snap.Rows {
			ov.Spans[r] = append(ov.Spans[r], paint.Span{Col: m.Col, Len: m.Len, Mark: paint.MarkFound})
		}
	}
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
