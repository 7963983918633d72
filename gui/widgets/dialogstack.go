package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs ignore Escape and Enter. Dialogs shown through a
// Dialogs stack are remembered until they close; when no field in them
// has the focus, or a Tern control that passes Escape on (Button, Select,
// Check, EscEntry), Escape closes the one in front (as its Close or
// Cancel would) and Enter presses its default button (Dialogs.TypedKey).
//
// Fyne's own message, question and form dialogs have buttons that swallow
// Escape and press on Space before its character arrives, which then went
// to the terminal. The stack's are the same dialogs with Button.

// Dialogs is a window's stack of dialogs on screen, front last. Its
// methods run on the UI goroutine.
type Dialogs struct {
	win   fyne.Window
	shown []*ShownDialog
}

// ShownDialog is a dialog on screen and what Enter and Escape do in it.
type ShownDialog struct {
	d      dialog.Dialog
	enter  func()
	Escape func() // what Escape does: the dialog's Hide unless set
}

// NewDialogs is the dialog stack of win.
func NewDialogs(win fyne.Window) *Dialogs { return &Dialogs{win: win} }

// Len is the number of dialogs on screen.
func (s *Dialogs) Len() int { return len(s.shown) }

// Show shows d; Enter confirms a confirmation, submits a form and closes
// anything else.
func (s *Dialogs) Show(d dialog.Dialog) {
	enter := d.Hide
	switch d := d.(type) {
	case *dialog.ConfirmDialog:
		enter = d.Confirm
	case *dialog.FormDialog:
		enter = d.Submit
	}
	s.ShowWithDefault(d, enter)
}

// ShowWithDefault shows d with enter as its default action.
func (s *Dialogs) ShowWithDefault(d dialog.Dialog, enter func()) *ShownDialog {
	shown := &ShownDialog{d: d, enter: enter, Escape: d.Hide}
	s.shown = append(s.shown, shown)
	d.SetOnClosed(func() {
		if i := slices.Index(s.shown, shown); i >= 0 {
			s.shown = slices.Delete(s.shown, i, i+1)
		}
	})
	d.Show()
	return shown
}

// TypedKey is a key no widget took: with a dialog in front, Escape and
// Enter act on it. It reports whether a dialog was in front.
func (s *Dialogs) TypedKey(k *fyne.KeyEvent) bool {
	if len(s.shown) == 0 {
		return false
	}
	front := s.shown[len(s.shown)-1]
	switch k.Name {
	case fyne.KeyEscape:
		front.Escape()
	case fyne.KeyReturn, fyne.KeyEnter:
		front.enter()
	}
	return true
}

// Size is the preferred size, shrunk to fit inside the window (at 200 %
// scale on a small screen a fixed size would push buttons off it).
func (s *Dialogs) Size(width, height float32) fyne.Size {
	c := s.win.Canvas().Size()
	if c.Width > 100 {
		width = min(width, c.Width*0.95)
	}
	if c.Height > 100 {
		height = min(height, c.Height*0.92)
	}
	return fyne.NewSize(width, height)
}

// Buttons is a dialog's button row.
func Buttons(bs ...*Button) []fyne.CanvasObject {
	row := make([]fyne.CanvasObject, len(bs))
	for i, b := range bs {
		row[i] = b
	}
	return row
}

// Closable is content over one button, labelled closeText, that closes
// it (dialog.NewCustom with Tern's button); it is not shown yet.
func (s *Dialogs) Closable(title, closeText string, content fyne.CanvasObject) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, s.win)
	d.SetButtons(Buttons(NewButton(closeText, d.Hide)))
	return d
}

// Info tells the person something; Escape and Enter close it.
func (s *Dialogs) Info(title, message string) {
	var d *dialog.CustomDialog
	ok := NewButton("OK", func() { d.Hide() })
	ok.Importance = widget.HighImportance
	d = NewTextDialog(title, message, theme.InfoIcon(), s.win, ok)
	s.Show(d)
}

// Question asks title's question; answer hears true once for yes, false
// for no, Escape or closing. Enter presses yes, or no when the question is
// risky (yes is then not highlighted; no is).
func (s *Dialogs) Question(title, message, yes, no string, risky bool, answer func(bool)) *dialog.CustomDialog {
	choices := []Choice{{no, theme.CancelIcon()}, {yes, theme.ConfirmIcon()}}
	d, buttons := NewQuestion(title, message, choices, func(i int) { answer(i == 1) }, s.win)
	dismiss, confirm := buttons[0], buttons[1]
	enter := func() { confirm.OnTapped() }
	if risky { // the safe answer is the default
		confirm.Importance, dismiss.Importance, enter = widget.WarningImportance, widget.HighImportance, d.Hide
	}
	s.ShowWithDefault(d, enter)
	return d
}

// Confirm asks a yes-or-no question; Enter answers yes, Escape no.
func (s *Dialogs) Confirm(title, message string, answer func(bool)) *dialog.CustomDialog {
	return s.Question(title, message, "Yes", "No", false, answer)
}

// RiskyConfirm asks before something unsafe: the confirm button says
// what it does and is not highlighted, and Enter answers no.
func (s *Dialogs) RiskyConfirm(title, message, confirm string, answer func(bool)) *dialog.CustomDialog {
	return s.Question(title, message, confirm, "Cancel", true, answer)
}

// FormDialog is a form in a dialog with Cancel and a confirm button.
type FormDialog struct {
	d    *dialog.CustomDialog
	form *widget.Form
	ok   bool
}

// Submit confirms the form when its fields are valid.
func (f *FormDialog) Submit() {
	if f.form.Validate() != nil {
		return
	}
	f.ok = true
	f.d.Hide()
}

// Hide cancels the form.
func (f *FormDialog) Hide() { f.d.Hide() }

// Form shows a form dialog with its first field focused; in its one-line
// fields (EscEntry) Enter submits it, as the confirm button would, and
// Escape cancels. answer hears whether it was submitted.
func (s *Dialogs) Form(title, confirm string, items []*widget.FormItem, answer func(bool), size fyne.Size) *FormDialog {
	f := &FormDialog{form: widget.NewForm(items...)}
	f.d = dialog.NewCustomWithoutButtons(title, f.form, s.win)
	ok := NewButtonWithIcon(confirm, theme.ConfirmIcon(), f.Submit)
	ok.Importance = widget.HighImportance
	f.d.SetButtons(Buttons(NewButtonWithIcon("Cancel", theme.CancelIcon(), f.Hide), ok))
	f.d.SetOnClosed(func() { answer(f.ok) })
	var first *EscEntry
	for _, it := range items {
		if e, ok := it.Widget.(*EscEntry); ok && !e.MultiLine {
			e.OnSubmitted = func(string) { f.Submit() }
			e.OnEscape = f.Hide
			if first == nil {
				first = e
			}
		}
	}
	f.d.Resize(s.Size(size.Width, size.Height))
	s.ShowWithDefault(f.d, f.Submit)
	if first != nil {
		s.win.Canvas().Focus(first)
	}
	return f
}

// Window is the window the dialogs show over.
func (s *Dialogs) Window() fyne.Window { return s.win }
