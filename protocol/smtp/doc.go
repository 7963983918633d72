// Package smtp is the SMTP assistant's knowledge: it reads replies out of
// a session's output (RFC 5321 section 4.2, multi-line replies), explains
// codes and enhanced status codes in plain words (RFC 3463), reads EHLO
// capabilities, builds AUTH PLAIN and LOGIN responses (RFC 4616), builds a
// message with dot-stuffing (RFC 5321 section 4.5.2), checks fields, and
// runs a whole test conversation step by step. It does no I/O of its own.
package smtp
