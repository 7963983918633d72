package telnet

import "strconv"

// Telnet command bytes (RFC 854 and RFC 885, RFC 1184).
const (
	EOF   byte = 236 // End of file (RFC 1184)
	SUSP  byte = 237 // Suspend process (RFC 1184)
	ABORT byte = 238 // Abort process (RFC 1184)
	EOR   byte = 239 // End of record (RFC 885)
	SE    byte = 240 // End of subnegotiation
	NOP   byte = 241 // No operation
	DM    byte = 242 // Data mark, the data stream part of a Synch
	BRK   byte = 243 // Break
	IP    byte = 244 // Interrupt process
	AO    byte = 245 // Abort output
	AYT   byte = 246 // Are you there
	EC    byte = 247 // Erase character
	EL    byte = 248 // Erase line
	GA    byte = 249 // Go ahead
	SB    byte = 250 // Start of subnegotiation
	WILL  byte = 251
	WONT  byte = 252
	DO    byte = 253
	DONT  byte = 254
	IAC   byte = 255 // Interpret as command
)

// Option codes Tern knows by name.
const (
	OptBinary      byte = 0  // RFC 856
	OptEcho        byte = 1  // RFC 857
	OptSGA         byte = 3  // RFC 858, suppress go ahead
	OptStatus      byte = 5  // RFC 859
	OptTimingMark  byte = 6  // RFC 860
	OptLogout      byte = 18 // RFC 727
	OptTTYPE       byte = 24 // RFC 1091, terminal type
	OptEOR         byte = 25 // RFC 885
	OptNAWS        byte = 31 // RFC 1073, window size
	OptTSpeed      byte = 32 // RFC 1079, terminal speed
	OptLFlow       byte = 33 // RFC 1372, remote flow control
	OptLinemode    byte = 34 // RFC 1184
	OptXDisplayLoc byte = 35 // RFC 1096
	OptOldEnviron  byte = 36 // RFC 1408
	OptAuth        byte = 37 // RFC 2941
	OptEncrypt     byte = 38 // RFC 2946
	OptNewEnviron  byte = 39 // RFC 1572
	OptCharset     byte = 42 // RFC 2066
	OptStartTLS    byte = 46
)

// Subnegotiation verbs shared by TTYPE, TSPEED, NEW-ENVIRON and STATUS.
const (
	SubIS   byte = 0
	SubSEND byte = 1
	SubINFO byte = 2
)

// NEW-ENVIRON type bytes (RFC 1572).
const (
	EnvVar     byte = 0
	EnvValue   byte = 1
	EnvEsc     byte = 2
	EnvUserVar byte = 3
)

var commandNames = map[byte]string{
	EOF: "EOF", SUSP: "SUSP", ABORT: "ABORT", EOR: "EOR", SE: "SE", NOP: "NOP",
	DM: "DM", BRK: "BRK", IP: "IP", AO: "AO", AYT: "AYT", EC: "EC", EL: "EL",
	GA: "GA", SB: "SB", WILL: "WILL", WONT: "WONT", DO: "DO", DONT: "DONT", IAC: "IAC",
}

var optionNames = map[byte]string{
	OptBinary: "BINARY", OptEcho: "ECHO", 2: "RCP", OptSGA: "SGA", 4: "NAMS",
	OptStatus: "STATUS", OptTimingMark: "TIMING-MARK", 7: "RCTE", 8: "NAOL", 9: "NAOP",
	17: "EXTEND-ASCII", OptLogout: "LOGOUT", 19: "BM", 20: "DET", 21: "SUPDUP",
	22: "SUPDUP-OUTPUT", 23: "SEND-LOCATION", OptTTYPE: "TTYPE", OptEOR: "EOR",
	26: "TUID", 27: "OUTMRK", 28: "TTYLOC", 29: "3270-REGIME", 30: "X.3-PAD",
	OptNAWS: "NAWS", OptTSpeed: "TSPEED", OptLFlow: "LFLOW", OptLinemode: "LINEMODE",
	OptXDisplayLoc: "XDISPLOC", OptOldEnviron: "OLD-ENVIRON", OptAuth: "AUTHENTICATION",
	OptEncrypt: "ENCRYPT", OptNewEnviron: "NEW-ENVIRON", 40: "TN3270E", 41: "XAUTH",
	OptCharset: "CHARSET", 43: "RSP", 44: "COM-PORT", 45: "SUPPRESS-LOCAL-ECHO",
	OptStartTLS: "START-TLS", 47: "KERMIT", 70: "MSSP", 86: "COMPRESS2", 93: "ZMP",
	255: "EXOPL",
}

// CommandName returns the name of a Telnet command byte, or its number.
func CommandName(cmd byte) string {
	if n, ok := commandNames[cmd]; ok {
		return n
	}
	return strconv.Itoa(int(cmd))
}

// OptionName returns the name of a Telnet option, or "option N" for one
// without a name.
func OptionName(opt byte) string {
	if n, ok := optionNames[opt]; ok {
		return n
	}
	return "option " + strconv.Itoa(int(opt))
}
