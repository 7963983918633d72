#!/bin/sh
# Non-interactive install of Dovecot (IMAP and POP3) for the mail assistants'
# real-peer tests. The packages' own service is not used: dovecot-start.sh
# runs a private instance with its own config.
set -e
export DEBIAN_FRONTEND=noninteractive
if ! command -v dovecot >/dev/null 2>&1 || [ ! -x /usr/lib/dovecot/imap ] || [ ! -x /usr/lib/dovecot/pop3 ]; then
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -q dovecot-imapd dovecot-pop3d openssl ca-certificates
fi
