// Package telnetopt is Tern's side of Telnet option negotiation: which
// options it takes on, what Active mode asks for when the connection
// opens, and what Tern answers when the server asks for its terminal
// type, speed, environment or character set. It holds no connection and
// no lock: protocol's Session sends what it returns and keeps one Answers
// on its reading goroutine. The generic RFC 1143 negotiation is package
// telnet's.
package telnetopt

import "github.com/tern-telnet/tern/protocol/telnet"

// Option is one row of the option table, as PuTTY's telnet.c describes
// each option once: whether Tern may enable it on its side (answer DO with
// WILL), whether the server may on its side (answer WILL with DO), and
// what Active mode asks for when the connection opens.
type Option struct {
	Code    byte
	WeMay   bool  // DO is answered with WILL
	TheyMay bool  // WILL is answered with DO
	Offer   Offer // what Active mode sends at connect
}

// Offer is what Active mode asks for at connect: WILL, DO, both or nothing.
type Offer uint8

// The offers.
const (
	AskWill Offer = 1 << telnet.Local  // offer to enable the option on our side
	AskDo   Offer = 1 << telnet.Remote // ask the server to enable it on its side
	AskBoth       = AskWill | AskDo
)

// Asks reports whether Active mode asks for the option on that side.
func (a Offer) Asks(side telnet.Side) bool { return a&(1<<side) != 0 }

// Table is an option table; it is telnet.Negotiator's Policy.
type Table []Option

// Tern is Tern's option table. Active mode offers in table order, every
// WILL first, then every DO (PuTTY's set). LINEMODE, LFLOW, XDISPLOC,
// OLD-ENVIRON, AUTHENTICATION, ENCRYPT and everything unknown are refused;
// TIMING-MARK never turns on (the session answers it on its own).
var Tern = Table{
	{Code: telnet.OptTTYPE, WeMay: true, Offer: AskWill},
	{Code: telnet.OptNAWS, WeMay: true, Offer: AskWill},
	{Code: telnet.OptTSpeed, WeMay: true, Offer: AskWill},
	{Code: telnet.OptNewEnviron, WeMay: true, Offer: AskWill},
	{Code: telnet.OptEcho, TheyMay: true, Offer: AskDo},
	{Code: telnet.OptSGA, WeMay: true, TheyMay: true, Offer: AskBoth},
	{Code: telnet.OptBinary, WeMay: true, TheyMay: true}, // asked for when a session asks for BINARY
	{Code: telnet.OptStatus, WeMay: true, TheyMay: true},
	{Code: telnet.OptEOR, WeMay: true, TheyMay: true},
	{Code: telnet.OptCharset, WeMay: true},
}

func (t Table) row(code byte) *Option {
	for i := range t {
		if t[i].Code == code {
			return &t[i]
		}
	}
	return nil
}

// Accept reports whether the table lets an option be enabled on that side.
func (t Table) Accept(side telnet.Side, code byte) bool {
	o := t.row(code)
	if o == nil {
		return false
	}
	if side == telnet.Local {
		return o.WeMay
	}
	return o.TheyMay
}

// Offers lists, in table order, the options Active mode asks for on side.
func (t Table) Offers(side telnet.Side) []byte {
	var codes []byte
	for _, o := range t {
		if o.Offer.Asks(side) {
			codes = append(codes, o.Code)
		}
	}
	return codes
}
