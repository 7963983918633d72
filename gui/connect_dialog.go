package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// ShowNewSession opens the New session dialog, starting from Default
// Settings.
func (w *mainWindow) ShowNewSession() {
	f, _ := w.loadProfiles()
	st := SettingsFromProfile(f.Default)
	st.Name = ""
	w.showConnectDialog(st)
}

func (w *mainWindow) showConnectDialog(st SessionSettings) {
	f := newConnectForm(st)
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	open := func() {
		if err := f.validate(); err != nil {
			problem.SetText("Cannot open yet: " + err.Error())
			return
		}
		d.Hide()
		w.OpenSession(f.settings())
	}
	f.host.OnSubmitted = func(string) { open() }
	f.port.OnSubmitted = func(string) { open() }
	f.openButton = widget.NewButtonWithIcon("Open", theme.ConfirmIcon(), open)
	f.openButton.Importance = widget.HighImportance
	cancelDialog := func() { d.Hide(); w.focusCurrent() }
	cancel := widget.NewButton("Cancel", cancelDialog)
	f.onEscape = cancelDialog
	panel := newProfilePanel(w, f, problem, open)
	right := container.NewBorder(nil, nil, nil, nil, container.NewVScroll(f.content))
	split := container.NewHSplit(panel.content, right)
	split.Offset = 0.36
	body := container.NewBorder(nil, container.NewVBox(problem, container.NewHBox(layout.NewSpacer(), cancel, f.openButton)), nil, nil, split)
	d = dialog.NewCustomWithoutButtons("New session", body, w.win)
	d.Resize(w.dialogSize(900, 600))
	w.showDialog(d)
	w.win.Canvas().Focus(f.host)
}
