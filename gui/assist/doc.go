// Package assist holds the protocol assistants that sit beside a tab's
// terminal: panels whose buttons send a protocol's commands into the live
// session, visible as if typed, explain each reply, and run a whole test
// that ends with findings in plain words. The protocol work (verbs, reply
// readers, explanations, findings) lives in protocol/smtp and its
// siblings; this package is only their Fyne face. An assistant knows its
// window and its tab through the Window and Tab interfaces.
package assist
