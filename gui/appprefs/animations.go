package appprefs

import "fyne.io/fyne/v2"

// Fyne fades a focused Entry's cursor in and out, and every step of the
// fade repaints the whole window: under a software renderer the New
// session dialog spent a fifth of a core on it, the find bar over a
// tenth. Tern shows a steady cursor instead, as PuTTY's terminal does by
// default, through Fyne's own switch for it: Settings().ShowAnimations,
// which the no_animations build tag and the "no_animations" entry of
// Fyne's settings file turn off. Entry then draws its cursor steadily,
// Button skips its tap ripple and Select its pop-up's; nothing else
// reads it.

// stillApp is the app with animations off; everything else is a's.
type stillApp struct{ fyne.App }

func (a stillApp) Settings() fyne.Settings { return stillSettings{a.App.Settings()} }

type stillSettings struct{ fyne.Settings }

func (stillSettings) ShowAnimations() bool { return false }

// TurnOffAnimations makes widgets that ask the current app see
// animations off. The app itself (its windows, its Run) is unchanged.
func TurnOffAnimations(a fyne.App) { fyne.SetCurrentApp(stillApp{a}) }
