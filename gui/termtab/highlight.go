package termtab

import (
	"sync/atomic"

	"github.com/tern-telnet/tern/gui/highlight"
	"github.com/tern-telnet/tern/gui/paint"
)

// highlights is the tab's keyword highlighting: the rules are set on the
// UI goroutine, the styler (with its cache of rows) belongs to the
// render loop.
type highlights struct {
	set    atomic.Pointer[highlight.Set]
	used   *highlight.Set // render loop: the set styler applies
	styler paint.RowStyler
}

// SetHighlights sets the rules the tab's rows are highlighted with (nil
// or an empty set for none) and redraws.
func (t *Tab) SetHighlights(set *highlight.Set) {
	t.highlights.set.Store(set)
	t.redraw(false)
}

// rowStyler is the styler for the current rules, made again when they
// changed (render loop).
func (h *highlights) rowStyler() paint.RowStyler {
	set := h.set.Load()
	if set == h.used {
		return h.styler
	}
	h.used, h.styler = set, nil
	if !set.Empty() {
		h.styler = highlight.NewStyler(set)
	}
	return h.styler
}
