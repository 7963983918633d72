// Package highlight colours the words that matter in a terminal's rows:
// rules (a word or a regular expression, and how to show it: a
// foreground colour, a background, bold), parsed from one line each, a
// default set for network devices (down, err-disabled, %LINK-3-UPDOWN,
// denied, error, fail…), and a row styler that gui/paint calls for each
// visible row, caching each row's matches by its content so that a flood
// costs a map lookup per row. It imports no Fyne.
package highlight
