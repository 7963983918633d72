// Package render turns snapshots of the screen model into the small frames
// the fyne-io/terminal widget is given: only rows that changed, with the few
// sequences the widget handles correctly (absolute cursor position, SGR
// colours, erase to end of line, cursor visibility and its input modes), and
// handed out in reads of at most MaxRead bytes, cut only between sequences.
// It imports no GUI code.
package render
