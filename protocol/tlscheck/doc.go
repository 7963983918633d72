// Package tlscheck is the TLS of a session: the handshake, with the
// server's certificate checked after it and one that does not verify put
// to a VerifyCertificateFunc before anything more is sent (shaped after
// x/crypto/ssh's HostKeyCallback), and Info, what protects a connection,
// with the certificate's problem in words.
package tlscheck
