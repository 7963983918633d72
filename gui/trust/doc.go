// Package trust holds what a session must ask the person before it
// trusts a server or sends a secret: the question about a certificate
// that did not verify and the certificates remembered for a host and
// port, and the logon password question with its keychain entry.
package trust
