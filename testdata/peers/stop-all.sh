#!/bin/sh
# Stops what start-all.sh started.
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" != 0 ]; then # without root: keep pid files and busybox in the user's folders
  export PEER_RUN=${PEER_RUN:-${TMPDIR:-/tmp}/tern-peers-$(id -u)}
  export BB=${BB:-$HOME/.cache/tern-peers/busybox-static}
fi
"$HERE/telnetd-stop.sh" "${TERN_TELNETD_PORT:-2323}"
"$HERE/busybox-telnetd-stop.sh" "${TERN_BUSYBOX_PORT:-2324}"
"$HERE/lighttpd-stop.sh" "${TERN_HTTP_PORT:-2580}"
if [ "$(id -u)" = 0 ]; then
  "$HERE/postfix-stop.sh"
  "$HERE/dovecot-stop.sh"
fi
exit 0
