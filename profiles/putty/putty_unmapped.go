package putty

import (
	"fmt"
	"strings"

	"github.com/tern-telnet/tern/protocol/charset"
)

// puttyUnmapped is each PuTTY setting that matters to a Telnet or Raw
// session but has no counterpart in Tern, with PuTTY's default as its
// Save button writes it and the words of PuTTY's dialog. A session that
// keeps the default loses nothing, so only changed values are reported.
// SSH, serial, X11 and pterm-only keys are not here: they mean nothing to
// a Telnet session. LinuxFunctionKeys and RXVTHomeEnd are mapped with the
// keyboard settings, LineCodePage with the character set.
var puttyUnmapped = []struct {
	key, def, label string
}{
	{"WarnOnClose", "1", "Warn before closing window"},
	{"TCPNoDelay", "1", "Disable Nagle's algorithm"},
	{"TCPKeepalives", "0", "Enable TCP keepalives"},
	{"LogFlush", "1", "Flush log file frequently"},
	{"LogHeader", "1", "Include header in log"},
	{"RFCEnviron", "0", "OLD_ENVIRON handling (RFC 1408)"},
	{"UserNameFromEnvironment", "0", "Use system username"},
	{"AutoWrapMode", "1", "Auto wrap mode initially on"},
	{"DECOriginMode", "0", "DEC Origin Mode initially on"},
	{"BCE", "1", "Use background colour to erase screen"},
	{"BlinkText", "0", "Enable blinking text"},
	{"Printer", "", "Printer for ANSI printer output"},
	{"ShiftedArrowKeys", "0", "Shift/Ctrl/Alt with the arrow keys"},
	{"ApplicationCursorKeys", "0", "Initial state of cursor keys"},
	{"ApplicationKeypad", "0", "Initial state of numeric keypad"},
	{"NetHackKeypad", "0", "NetHack keypad"},
	{"AltF4", "1", "Alt-F4 closes window"},
	{"AltSpace", "0", "Alt-Space shows system menu"},
	{"AltOnly", "0", "Alt alone shows system menu"},
	{"ComposeKey", "0", "AltGr acts as Compose key"},
	{"CtrlAltKeys", "1", "Control-Alt is different from AltGr"},
	{"NoApplicationCursors", "0", "Disable application cursor keys mode"},
	{"NoAltScreen", "0", "Disable switching to alternate terminal screen"},
	{"NoRemoteClearScroll", "0", "Disable remote-controlled clearing of scrollback"},
	{"RemoteQTitleAction", "1", "Response to remote title query"},
	{"NoDBackspace", "0", "Disable destructive backspace on server sending ^?"},
	{"NoRemoteCharset", "0", "Disable remote-controlled character set configuration"},
	{"DisableArabicShaping", "0", "Disable Arabic text shaping"},
	{"DisableBidi", "0", "Disable bidirectional text display"},
	{"BellWaveFile", "", "Bell sound file"},
	{"WinTitle", "", "Window title"},
	{"AlwaysOnTop", "0", "Ensure window is always on top"},
	{"FullScreenOnAltEnter", "0", "Full screen on Alt-Enter"},
	{"HideMousePtr", "0", "Hide mouse pointer when typing"},
	{"SunkenEdge", "0", "Sunken-edge border"},
	{"WindowBorder", "1", "Gap between text and window edge"},
	{"CurType", "0", "Cursor appearance"},
	{"BlinkCur", "0", "Cursor blinks"},
	{"ScrollBar", "1", "Display scrollbar"},
	{"ScrollOnKey", "0", "Reset scrollback on keypress"},
	{"ScrollOnDisp", "1", "Reset scrollback on display activity"},
	{"LockSize", "0", "When window is resized"},
	{"FontQuality", "0", "Font quality"},
	{"FontVTMode", "4", "Handling of line drawing characters"},
	{"BoldFontName", "", "Font for bold text"},
	{"ShadowBold", "0", "Use shadow bold"},
	{"UseSystemColours", "0", "Use system colours"},
	{"ANSIColour", "1", "Allow terminal to specify ANSI colours"},
	{"Xterm256Colour", "1", "Allow terminal to use xterm 256-colour mode"},
	{"TrueColour", "1", "Allow terminal to use 24-bit colours"},
	{"BoldAsColour", "1", "Indicate bolded text by changing"},
	{"CJKAmbigWide", "0", "Treat CJK ambiguous characters as wide"},
	{"UTF8linedraw", "0", "Enable VT100 line drawing even in UTF-8 mode"},
	{"RawCNP", "0", "Copy and paste line drawing characters as lqqqk"},
	{"MouseIsXterm", "0", "Action of mouse buttons"},
	{"RectSelect", "0", "Default selection mode (rectangular)"},
	{"MouseOverride", "1", "Shift overrides application's use of mouse"},
	{"PasteRTF", "0", "Paste to clipboard in RTF as well as plain text"},
}

// puttyDefaultColours is PuTTY's palette, Colour0 to Colour21, as its
// Save button writes it.
var puttyDefaultColours = [22]string{
	"187,187,187", "255,255,255", "0,0,0", "85,85,85", "0,0,0", "0,255,0",
	"0,0,0", "85,85,85", "187,0,0", "255,85,85", "0,187,0", "85,255,85",
	"187,187,0", "255,255,85", "0,0,187", "85,85,255", "187,0,187", "255,85,255",
	"0,187,187", "85,255,255", "187,187,187", "255,255,255",
}

// puttyDefaultFonts are the faces PuTTY saves by default (Unix, Windows).
var puttyDefaultFonts = map[string]bool{"": true, "server:fixed": true, "Courier New": true}

// notImported lists, in PuTTY's words, the session's settings that differ
// from PuTTY's defaults and that Tern cannot take over.
func notImported(kv map[string]string) []string {
	var out []string
	for _, u := range puttyUnmapped {
		if v, ok := kv[u.key]; ok && v != u.def {
			out = append(out, fmt.Sprintf("%s (%s=%s)", u.label, u.key, v))
		}
	}
	out = append(out, puttyProxyNotImported(kv)...)
	if cp := kv["LineCodePage"]; cp != "" {
		if _, ok := charset.Canonical(cp); !ok {
			out = append(out, fmt.Sprintf("Remote character set %s (Tern does not know it; UTF-8 is used)", cp))
		}
	}
	if face := fontFace(kv); !puttyDefaultFonts[face] {
		out = append(out, fmt.Sprintf("Font face %s (Tern keeps its own font; the size is imported)", face))
	}
	return out
}

// fontFace is the font's name without PuTTY's "client:" or "server:" kind
// for a client font, and without the size.
func fontFace(kv map[string]string) string {
	font := kv["FontName"]
	if font == "" {
		font = kv["Font"]
	}
	if rest, ok := strings.CutPrefix(font, "client:"); ok {
		fields := strings.Fields(rest)
		if len(fields) > 1 {
			fields = fields[:len(fields)-1]
		}
		return strings.Join(fields, " ")
	}
	return font
}
