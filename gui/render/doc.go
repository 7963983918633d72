// Package render feeds the fyne-io/terminal widget the little it still
// parses: the input modes its key encoding depends on (application
// cursor keys, bracketed paste), through a Pipe that hands them out in
// reads it handles correctly. Cells are drawn by gui/paint instead. It
// imports no GUI code.
package render
