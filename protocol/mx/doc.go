// Package mx answers "where does mail for this domain go?": it looks up a
// domain's mail exchangers (MX records) in preference order with their
// addresses, falls back to the domain's own address when it has no MX
// (RFC 5321 §5.1), recognises a null MX "0 ." that says the domain takes
// no mail (RFC 7505), connects to the first exchanger that answers, and
// says in plain words which one answered and why the others did not. It
// also compares an exchanger's reverse DNS (PTR) with the host its 220
// banner names, and turns an SMTP test against the exchanger into
// findings about the domain.
//
// Everything here blocks on DNS or the network: callers run it on their
// own goroutine with a context.
package mx
