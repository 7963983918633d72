// Package assist holds the protocol assistants that sit beside a tab's
// terminal: panels whose buttons send a protocol's commands into the live
// session, visible as if typed, explain each reply, and run a whole test
// that ends with findings in plain words. SMTPPanel speaks SMTP; POP3Panel
// and IMAPPanel are one mailbox panel (mailPanel) driven by a table of
// their protocol's verbs. The protocol work (verbs, reply readers,
// explanations, findings) lives in protocol/smtp, protocol/pop3 and
// protocol/imap; this package is only their Fyne face. What every panel
// shares (its last word, the reply view, the summary dialog, the
// certificates accepted, the keychain) is in base.go, replies.go,
// summary.go and conn.go. An assistant knows its window and its tab
// through the Window and Tab interfaces.
package assist
