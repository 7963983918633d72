package profiles

import "github.com/tern-telnet/tern/protocol/logon"

// Builtins are the read-only templates Tern ships; a person copies one to
// make a profile of their own.
func Builtins() []Profile {
	return []Profile{
		{
			Name: "SMTP test (port 25)", Port: "25", Connection: Telnet, Negotiation: "passive",
			LocalEcho: "on", LocalEdit: "on", CloseOnExit: "never",
			SMTP:  SMTPDefaults{OpenOnConnect: true},
			Notes: "Talk to a mail server by hand: Tern sends no Telnet bytes, echoes and edits lines locally, and ends lines with CR LF.",
		},
		{
			Name: "SMTP submission (587, STARTTLS)", Port: "587", Connection: Telnet, Negotiation: "passive",
			TLS: TLSStartTLS, LocalEcho: "on", LocalEdit: "on", CloseOnExit: "never",
			SMTP:  SMTPDefaults{OpenOnConnect: true},
			Notes: "Mail submission: send EHLO, then STARTTLS, then authenticate.",
		},
		{
			Name: "SMTPS (465, implicit TLS)", Port: "465", Connection: Telnet, Negotiation: "passive",
			TLS: TLSImplicit, LocalEcho: "on", LocalEdit: "on", CloseOnExit: "never",
			SMTP:  SMTPDefaults{OpenOnConnect: true},
			Notes: "SMTP over TLS from the first byte.",
		},
		{Name: "Telnet login (23)", Port: "23", Connection: Telnet, Negotiation: "active", Logon: logon.Login,
			Notes: "A router, switch or terminal server that speaks Telnet. Its logon actions answer “login:”, “Username:” or “User Name:” " +
				"with the Auto-login user name (Advanced) and “Password:” with the password (asked once, or kept in the keychain); " +
				"without a user name they do not run and you log in by hand."},
		{Name: "HTTP (80)", Port: "80", Connection: Raw, LocalEcho: "on", LocalEdit: "on", CloseOnExit: "never",
			Assistant: "http", OpenAssistant: true,
			Notes: "Build a request in the HTTP assistant and press Send, or type one such as GET / HTTP/1.0, then an empty line."},
		{Name: "HTTPS (443, implicit TLS)", Port: "443", Connection: Raw, TLS: TLSImplicit, LocalEcho: "on", LocalEdit: "on", CloseOnExit: "never",
			Assistant: "http", OpenAssistant: true,
			Notes: "HTTP over TLS from the first byte: the certificate is checked against the host name."},
		mailbox("POP3 (110)", "110", "pop3", TLSStartTLS, "Check a mailbox by hand: CAPA, then STLS, then log in; the assistant's Run test does it all and counts the mail."),
		mailbox("POP3S (995, implicit TLS)", "995", "pop3", TLSImplicit, "POP3 over TLS from the first byte."),
		mailbox("IMAP (143)", "143", "imap", TLSStartTLS, "Check a mailbox by hand: a1 CAPABILITY, then a2 STARTTLS, then log in; the assistant's Run test does it all and counts INBOX."),
		mailbox("IMAPS (993, implicit TLS)", "993", "imap", TLSImplicit, "IMAP over TLS from the first byte."),
		{Name: "Port check", Connection: Raw, CloseOnExit: "never", PortCheck: true,
			Notes: "Connects, says whether the port answers, and closes."},
	}
}

// mailbox is a template for a POP3 or IMAP server (assistant), its
// assistant open from the start.
func mailbox(name, port, assistant, tls, notes string) Profile {
	return Profile{Name: name, Port: port, Connection: Telnet, Negotiation: "passive", Assistant: assistant, TLS: tls,
		LocalEcho: "on", LocalEdit: "on", CloseOnExit: "never", Mail: MailDefaults{OpenOnConnect: true}, Notes: notes}
}

// IsBuiltin reports whether name is one of the shipped templates.
func IsBuiltin(name string) bool {
	key := Profile{Name: name}.Key()
	for _, b := range Builtins() {
		if b.Key() == key {
			return true
		}
	}
	return false
}
