// Package vtparse splits a terminal's byte stream into what a VT
// terminal acts on (ECMA-48, DEC STD 070, after Paul Williams' state
// diagram): printable text (UTF-8 decoded, U+FFFD for what is not), C0
// controls, ESC, CSI and OSC sequences, each handed to a Performer; DCS,
// SOS, PM and APC strings are skipped. It is bounded (MaxParams, MaxOSC)
// and carries a sequence cut between two reads over to the next. It knows
// nothing of the grid: package screen is its Performer.
package vtparse
