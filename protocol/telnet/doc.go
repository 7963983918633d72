// Package telnet is the byte level of the Telnet protocol: a decoder that
// splits a server's stream into data, commands, negotiations and
// subnegotiations (RFC 854, RFC 855), an encoder for the other direction, and
// an RFC 1143 "Q method" negotiator that keeps both sides of every option in
// step without ever looping.
//
// The package knows nothing of sockets, terminals or policy: the decoder
// reports what it saw to a Handler, the negotiator asks a Policy what to
// accept and hands the bytes it wants to send to a callback.
package telnet
