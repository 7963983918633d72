#!/bin/sh
# Installs (when missing) and starts every real test peer on loopback, then
# prints the environment the Go tests read. Idempotent; needs root for
# Postfix and Dovecot (it is skipped, with a message, otherwise).
#   inetutils telnetd  127.0.0.1:${TERN_TELNETD_PORT:-2323}
#   busybox telnetd    127.0.0.1:${TERN_BUSYBOX_PORT:-2324}
#   Postfix            127.0.0.1:2525 (and 25, 2587)
#   Dovecot            127.0.0.1:2110 POP3, 2143 IMAP, 2995 POP3S, 2993 IMAPS
#   lighttpd           127.0.0.1:${TERN_HTTP_PORT:-2580}
# usage: eval "$(testdata/peers/start-all.sh)"
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ]; then # without root: keep pid files and busybox in the user's folders
  export PEER_RUN=${PEER_RUN:-${TMPDIR:-/tmp}/tern-peers-$(id -u)}
  export BB=${BB:-$HOME/.cache/tern-peers/busybox-static}
fi
TD=${TERN_TELNETD_PORT:-2323}
BBPORT=${TERN_BUSYBOX_PORT:-2324}
"$HERE/telnetd-start.sh" "$TD" >/dev/null
echo "TERN_PEER_TELNETD=127.0.0.1:$TD; export TERN_PEER_TELNETD"
"$HERE/busybox-telnetd-start.sh" "$BBPORT" >/dev/null
echo "TERN_PEER_BUSYBOX=127.0.0.1:$BBPORT; export TERN_PEER_BUSYBOX"
HTTPPORT=${TERN_HTTP_PORT:-2580}
if "$HERE/lighttpd-start.sh" "$HTTPPORT" >/dev/null; then
  echo "TERN_PEER_HTTP=127.0.0.1:$HTTPPORT; export TERN_PEER_HTTP"
else
  echo "echo 'lighttpd peer not started (not installed?)' >&2"
fi
if [ "$(id -u)" = 0 ]; then
  "$HERE/postfix-start.sh" >/dev/null
  echo "TERN_PEER_POSTFIX=127.0.0.1:2525; export TERN_PEER_POSTFIX"
  echo "TERN_PEER_MAILDIR=/home/testuser/Maildir/new; export TERN_PEER_MAILDIR"
  "$HERE/dovecot-start.sh" >/dev/null
  echo "TERN_PEER_DOVECOT=127.0.0.1; export TERN_PEER_DOVECOT"
  echo "TERN_PEER_DOVECOT_POP3=2110 TERN_PEER_DOVECOT_IMAP=2143 TERN_PEER_DOVECOT_POP3S=2995 TERN_PEER_DOVECOT_IMAPS=2993; export TERN_PEER_DOVECOT_POP3 TERN_PEER_DOVECOT_IMAP TERN_PEER_DOVECOT_POP3S TERN_PEER_DOVECOT_IMAPS"
  echo "TERN_PEER_DOVECOT_CA=/etc/tern-dovecot/cert.pem; export TERN_PEER_DOVECOT_CA"
else
  echo "echo 'Postfix and Dovecot peers not started: they need root' >&2"
fi
