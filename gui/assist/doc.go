// Package assist holds the protocol assistants that sit beside a tab's
// terminal: panels whose buttons send a protocol's commands into the live
// session, visible as if typed, explain each reply, and run a whole test
// that ends with findings in plain words. SMTPPanel speaks SMTP; POP3Panel
// and IMAPPanel are one mailbox panel (mailPanel) driven by a table of
// their protocol's verbs; HTTPPanel builds a request. The protocol work
// (verbs, reply readers, explanations, findings) lives in protocol/smtp,
// protocol/pop3, protocol/imap and protocol/web; this package is only
// their Fyne face. What every panel shares (panel.Base with its last word
// and Run test, the reply view, the summary dialog, the certificates
// accepted, the keychain and the run memory) is in gui/assist/panel. An
// assistant knows its window and its tab through the Window and Tab
// interfaces (aliases of panel's).
package assist
