// Package glyph says what a character looks like on a terminal's grid:
// how many cells it takes (Width) and which character a byte shows in the
// VT100/VT220 character sets (Set: ASCII, DEC Special Graphics, British,
// Latin-1). It knows nothing of the grid itself.
package glyph
