#!/bin/sh
# Real POP3/IMAP peer: a private Dovecot instance on loopback, idempotent
# setup + start (needs root). Never touches /etc/dovecot: its config, TLS
# certificate, users and mail live under $DOVECOT_DIR.
# usage: dovecot-start.sh            (prints listeners, credentials and the cert)
# Listens (127.0.0.1 only):
#   :2110 POP3  - STLS offered; passwords only after STLS (disable_plaintext_auth)
#   :2143 IMAP  - STARTTLS offered, LOGINDISABLED before it
#   :2995 POP3S - implicit TLS
#   :2993 IMAPS - implicit TLS
# TLS: self-signed certificate for localhost (SAN localhost, 127.0.0.1),
#   $DOVECOT_DIR/cert.pem: trust it as the CA.
# Login: alice / wonderland (passwd-file), AUTH PLAIN/LOGIN, USER/PASS, IMAP LOGIN.
# INBOX: a Maildir re-seeded at every start with 4 messages, 2 seen and 2 unseen.
# Note: Dovecot counts a connection whose client and server addresses are
# the same as secure and allows passwords without TLS; tests that want the
# refusal "in clear" connect from another loopback address (127.0.0.2).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/_peerlib.sh"
DOVECOT_DIR=${DOVECOT_DIR:-/etc/tern-dovecot}
MAIL_DIR=/var/lib/tern-dovecot
RUN_DIR=$PEER_RUN/dovecot
USER_=alice
PASS=wonderland
"$HERE/dovecot-install.sh" >/dev/null

id ternmail >/dev/null 2>&1 || useradd -r -M -d "$MAIL_DIR" -s /usr/sbin/nologin ternmail
MAIL_UID=$(id -u ternmail); MAIL_GID=$(id -g ternmail)
mkdir -p "$DOVECOT_DIR" "$RUN_DIR"

if [ ! -s "$DOVECOT_DIR/cert.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$DOVECOT_DIR/key.pem" -out "$DOVECOT_DIR/cert.pem" 2>/dev/null
  chmod 600 "$DOVECOT_DIR/key.pem"
fi
echo "$USER_:{PLAIN}$PASS::::::" > "$DOVECOT_DIR/passwd"
chmod 640 "$DOVECOT_DIR/passwd"; chgrp dovecot "$DOVECOT_DIR/passwd"

cat > "$DOVECOT_DIR/dovecot.conf" <<EOC
# Private Tern test instance (testdata/peers/dovecot-start.sh); not /etc/dovecot.
instance_name = tern-dovecot
base_dir = $RUN_DIR
state_dir = $MAIL_DIR/state
protocols = imap pop3
listen = 127.0.0.1
log_path = /var/log/tern-dovecot.log
ssl = yes
ssl_cert = <$DOVECOT_DIR/cert.pem
ssl_key = <$DOVECOT_DIR/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
first_valid_uid = $MAIL_UID
last_valid_uid = $MAIL_UID
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DOVECOT_DIR/passwd
}
userdb {
  driver = static
  args = uid=$MAIL_UID gid=$MAIL_GID home=$MAIL_DIR/home/%u
}
mail_location = maildir:~/Maildir
pop3_no_flag_updates = yes
pop3_uidl_format = %08Xu%08Xv
service imap-login {
  inet_listener imap {
    port = 2143
  }
  inet_listener imaps {
    port = 2993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 2110
  }
  inet_listener pop3s {
    port = 2995
    ssl = yes
  }
}
EOC

# Already running with this configuration on every port: leave it (a
# restart under tests that are using it would break them; no test changes
# alice's mailbox, so it needs no re-seeding).
if [ -n "$(listening_pid 2110)" ] && [ -n "$(listening_pid 2143)" ] && [ -n "$(listening_pid 2995)" ] && [ -n "$(listening_pid 2993)" ]; then
  echo "dovecot master pid: $(listening_pid 2143) (already running)"
  exit 0
fi

# INBOX: 4 messages, the first two seen (":2,S"), the last two unseen.
stop_pidfile "$RUN_DIR/master.pid"
MD=$MAIL_DIR/home/$USER_/Maildir
rm -rf "$MD"; mkdir -p "$MD/cur" "$MD/new" "$MD/tmp" "$MAIL_DIR/state"
for i in 1 2 3 4; do
  case $i in 1|2) f="$MD/cur/100000000$i.M1P1.tern:2,S" ;; *) f="$MD/new/100000000$i.M1P1.tern" ;; esac
  printf 'From: Bob <bob@example.test>\nTo: alice@example.test\nSubject: test message %s\nDate: Mon, 2 Nov 2026 10:0%s:00 +0000\nMessage-ID: <%s@example.test>\n\nHello Alice, this is message %s.\n.A line that starts with a dot.\n' "$i" "$i" "$i" "$i" > "$f"
done
chown -R ternmail:ternmail "$MAIL_DIR/home"

dovecot -c "$DOVECOT_DIR/dovecot.conf"
for p in 2110 2143 2995 2993; do wait_listen $p 10 || { echo "dovecot does not listen on $p; see /var/log/tern-dovecot.log" >&2; exit 1; }; done
echo "dovecot master pid: $(cat "$RUN_DIR/master.pid")"
echo "listening: 127.0.0.1:2110 POP3 (STLS) 127.0.0.1:2143 IMAP (STARTTLS) 127.0.0.1:2995 POP3S 127.0.0.1:2993 IMAPS"
echo "login: $USER_ / $PASS (passwords only over TLS); INBOX: 4 messages, 2 unseen (re-seeded at start)"
echo "config: $DOVECOT_DIR/dovecot.conf ; TLS cert (trust as CA): $DOVECOT_DIR/cert.pem ; log: /var/log/tern-dovecot.log"
