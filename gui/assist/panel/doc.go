// Package panel is what every protocol assistant panel is built from: Base
// (its window and tab, its last word, Run test's start and end, the
// password field and keychain, the fields kept for the next run), the
// list of replies with each one explained (ReplyView), the summary dialog
// and ticket, the bounded views of large replies, the dialogs, the
// memory of passwords and fields a run used (RunSecret, KeepRunSecret),
// and the Window and Tab doors an assistant knows its window and tab
// through. The panels themselves (SMTP, POP3, IMAP, HTTP) are in
// gui/assist, which imports this package; it imports no panel.
package panel
