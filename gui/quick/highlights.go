package quick

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/highlight"
	"github.com/tern-telnet/tern/gui/termtab"
)

// Keyword highlighting: a session's own rules (its profile's
// Highlights), then the app's (Settings), then the defaults unless the
// person turned them off. Kept in Fyne preferences under these keys.
const (
	prefHighlightDefaults = "highlightDefaults"
	prefHighlightRules    = "highlightRules"
)

// highlightSet is what a session whose own rules are own highlights.
func highlightSet(p fyne.Preferences, ownRules []string) *highlight.Set {
	own := validRules(ownRules)
	app, _ := highlight.ParseRules(p.String(prefHighlightRules))
	var defaults []highlight.Rule
	if p.BoolWithFallback(prefHighlightDefaults, true) {
		defaults = highlight.Defaults()
	}
	return highlight.Compile(own, app, defaults)
}

// ApplyHighlights gives a tab its rules (when it opens, and when the
// rules change).
func (q *Bar) ApplyHighlights(t *termtab.Tab) {
	t.SetHighlights(highlightSet(q.h.Preferences(), t.Settings().Profile.Highlights))
}

// HighlightSettings are the Settings dialog's highlighting fields.
type HighlightSettings struct {
	defaults *widget.Check
	rules    *widget.Entry
}

// NewHighlightSettings shows the rules kept in p.
func NewHighlightSettings(p fyne.Preferences) *HighlightSettings {
	h := &HighlightSettings{
		defaults: widget.NewCheck("Highlight down, err-disabled, %LINK-3-UPDOWN, denied, error, fail… (the defaults)", nil),
		rules:    widget.NewMultiLineEntry(),
	}
	h.defaults.SetChecked(p.BoolWithFallback(prefHighlightDefaults, true))
	h.rules.SetText(p.String(prefHighlightRules))
	h.rules.SetPlaceHolder("uplink  bright-cyan bold\n\"line protocol is down\"  white on red\n/%SYS-[0-3]-\\w+/  yellow")
	h.rules.SetMinRowsVisible(3)
	h.rules.Validator = validHighlightRules
	return h
}

func validHighlightRules(text string) error {
	if _, err := highlight.ParseRules(text); err != nil {
		return errors.New(strings.ReplaceAll(err.Error(), "highlight: ", ""))
	}
	return nil
}

// Items are the fields, for the Settings form.
func (h *HighlightSettings) Items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Highlighting", h.defaults),
		widget.NewFormItem("Highlight rules (all sessions)", h.rules),
		widget.NewFormItem("", widget.NewLabel("One a line: a word, \"a phrase\" or /a regexp/, then a colour (red, bright-red, #ff8000),\non <colour> for the background, bold. A session's own rules: Commands ▸ Edit quick commands and highlighting…")),
	}
}

// Save keeps the fields in p; the window then applies them to every
// tab (Bar.ApplyHighlights).
func (h *HighlightSettings) Save(p fyne.Preferences) {
	p.SetBool(prefHighlightDefaults, h.defaults.Checked)
	p.SetString(prefHighlightRules, h.rules.Text)
}

// validRules are a profile's rules that parse, at most MaxRules (a file
// edited by hand may hold a bad line: the others still count).
func validRules(lines []string) []highlight.Rule {
	var rules []highlight.Rule
	for _, line := range lines {
		if r, err := highlight.ParseRule(line); err == nil && len(rules) < highlight.MaxRules {
			rules = append(rules, r)
		}
	}
	return rules
}
