package newsession

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol/logon"
)

// logonHelp says what the steps do and what a step may send.
const logonHelp = "When the session connects, each step waits for its text from the server, then sends its line. " +
	"Placeholders: {user} (" + userLabel + " in Advanced), {password} (kept in the keychain or asked once, never saved in the profile), {enable} (a router's enable secret, kept and asked apart from the password), " +
	"{host}, {date}, {enter}, {tab}, {esc}, {ctrl-c}; {{ for a brace. Any key you type stops the steps."

// onTimeoutChoices are the Select's words for logon.Stop and logon.Continue.
var onTimeoutChoices = []string{"Stop the logon", "Skip the step"}

// logonEditor is the New session form's Logon actions: one row per step
// with Up, Down and Remove, then Add step, a template menu and Record
// from this session (for a live tab in Edit and reconnect).
type logonEditor struct {
	rows      []*stepRow
	list      *fyne.Container
	templates *widgets.Select
	record    *widgets.Button
	note      *widget.Label
	content   fyne.CanvasObject
	onEscape  func()
	// recordFrom proposes steps from the live session; nil when there is
	// none (the button is then disabled).
	recordFrom func() []logon.Step
}

// stepRow is one step's fields.
type stepRow struct {
	expect, send, timeout *widgets.EscEntry
	regexp, noEnter       *widgets.Check
	onTimeout             *widgets.Select
	title                 *widget.Label
	box                   fyne.CanvasObject
}

func newLogonEditor(onEscape func()) *logonEditor {
	e := &logonEditor{list: container.NewVBox(), note: widget.NewLabel(""), onEscape: onEscape}
	names := make([]string, len(logon.Templates))
	for i, t := range logon.Templates {
		names[i] = t.Name
	}
	e.templates = widgets.NewSelect(names, e.applyTemplate)
	e.templates.PlaceHolder = "Use a template…"
	e.record = widgets.NewButtonWithIcon("Record from this session", theme.MediaRecordIcon(), e.recordSession)
	e.record.Disable()
	e.note.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel(logonHelp)
	help.Wrapping = fyne.TextWrapWord
	add := widgets.NewButtonWithIcon("Add step", theme.ContentAddIcon(), func() { e.add(logon.Step{}) })
	buttons := container.NewHBox(add, e.templates, e.record)
	e.content = container.NewVBox(help, e.list, buttons, e.note)
	return e
}

// setRecorder enables Record from this session, proposing steps with
// from.
func (e *logonEditor) setRecorder(from func() []logon.Step) {
	e.recordFrom = from
	e.record.Enable()
}

// setSteps shows steps, replacing the rows.
func (e *logonEditor) setSteps(steps []logon.Step) {
	e.rows = nil
	for _, s := range steps {
		e.rows = append(e.rows, e.newRow(s))
	}
	e.relist()
}

// steps reads the rows (fields that do not parse read as their default;
// validate reports them).
func (e *logonEditor) steps() []logon.Step {
	var out []logon.Step
	for _, r := range e.rows {
		out = append(out, r.step())
	}
	return out
}

// validate says what is wrong with the first step that is wrong.
func (e *logonEditor) validate() error {
	for i, r := range e.rows {
		if err := r.timeout.Validate(); err != nil {
			return fmt.Errorf("logon step %d: %v", i+1, err)
		}
	}
	if err := logon.Validate(e.steps()); err != nil {
		return errText(strings.TrimPrefix(err.Error(), "logon: "))
	}
	return nil
}

func (e *logonEditor) add(s logon.Step) {
	e.rows = append(e.rows, e.newRow(s))
	e.relist()
}

func (e *logonEditor) remove(r *stepRow) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.relist()
}

// move moves r by delta places (-1 up, 1 down) when there is room.
func (e *logonEditor) move(r *stepRow, delta int) {
	for i, x := range e.rows {
		if j := i + delta; x == r && j >= 0 && j < len(e.rows) {
			e.rows[i], e.rows[j] = e.rows[j], e.rows[i]
			break
		}
	}
	e.relist()
}

// applyTemplate replaces the steps with the template named name.
func (e *logonEditor) applyTemplate(name string) {
	for _, t := range logon.Templates {
		if t.Name == name {
			e.setSteps(t.Steps)
			e.note.SetText(fmt.Sprintf("%s: %d steps. Set "+userLabel+" in Advanced for {user}.", t.Name, len(t.Steps)))
		}
	}
	if e.templates.Selected != "" {
		e.templates.ClearSelected()
	}
}

// recordSession proposes steps from what the live session printed and
// what the person typed in it.
func (e *logonEditor) recordSession() {
	if e.recordFrom == nil {
		return
	}
	steps := e.recordFrom()
	if len(steps) == 0 {
		e.note.SetText("Nothing was typed in this session yet: log in by hand, then record.")
		return
	}
	e.setSteps(steps)
	e.note.SetText(fmt.Sprintf("Proposed %d steps from your login in this session: check them, then save.", len(steps)))
}

// relist shows the rows in order, numbered.
func (e *logonEditor) relist() {
	objs := make([]fyne.CanvasObject, len(e.rows))
	for i, r := range e.rows {
		r.title.SetText(fmt.Sprintf("Step %d of %d", i+1, len(e.rows)))
		objs[i] = r.box
	}
	e.list.Objects = objs
	e.list.Refresh()
}

func (e *logonEditor) newRow(s logon.Step) *stepRow {
	r := &stepRow{
		expect: widgets.NewEscEntry(false, e.escape), send: widgets.NewEscEntry(false, e.escape),
		timeout: widgets.NewEscEntry(false, e.escape),
		regexp:  widgets.NewCheck("Regular expression", nil), noEnter: widgets.NewCheck("No Enter after it", nil),
		onTimeout: widgets.NewSelect(onTimeoutChoices, nil), title: widget.NewLabel(""),
	}
	r.expect.SetPlaceHolder("e.g. Password: (empty: do not wait)")
	r.send.SetPlaceHolder("e.g. {password} (empty: send nothing)")
	r.timeout.SetPlaceHolder(fmt.Sprintf("%g", logon.DefaultTimeout.Seconds()))
	r.timeout.Validator = timeoutValidator
	r.expect.SetText(s.Expect)
	r.regexp.SetChecked(s.Regexp)
	r.send.SetText(s.Send)
	r.noEnter.SetChecked(s.NoEnter)
	if s.Timeout > 0 {
		r.timeout.SetText(strconv.FormatFloat(s.Timeout.Seconds(), 'f', -1, 64))
	}
	r.onTimeout.SetSelectedIndex(int(s.OnTimeout))
	tools := container.NewHBox(
		widgets.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(r, -1) }),
		widgets.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(r, 1) }),
		widgets.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.remove(r) }),
	)
	form := widget.NewForm(
		widget.NewFormItem("Wait for", container.NewBorder(nil, nil, nil, r.regexp, r.expect)),
		widget.NewFormItem("Then send", container.NewBorder(nil, nil, nil, r.noEnter, r.send)),
		widget.NewFormItem("Timeout (s)", container.NewGridWithColumns(2, r.timeout, r.onTimeout)),
	)
	header := container.NewHBox(r.title, layout.NewSpacer(), tools)
	r.box = container.NewVBox(header, form, widget.NewSeparator())
	return r
}

func (e *logonEditor) escape() {
	if e.onEscape != nil {
		e.onEscape()
	}
}

// step reads the row.
func (r *stepRow) step() logon.Step {
	secs, _ := strconv.ParseFloat(strings.TrimSpace(r.timeout.Text), 64)
	return logon.Step{
		Expect: r.expect.Text, Regexp: r.regexp.Checked, Send: r.send.Text, NoEnter: r.noEnter.Checked,
		Timeout: time.Duration(secs * float64(time.Second)), OnTimeout: logon.OnTimeout(max(r.onTimeout.SelectedIndex(), 0)),
	}
}

// timeoutValidator accepts seconds from 0 (the default) to 3600, with
// fractions, or an empty field.
func timeoutValidator(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if n, err := strconv.ParseFloat(s, 64); err != nil || n < 0 || n > 3600 {
		return errText("a timeout in seconds, up to 3600, or empty")
	}
	return nil
}
