#!/bin/sh
# Stops what start-all.sh started.
HERE=$(cd "$(dirname "$0")" && pwd)
"$HERE/telnetd-stop.sh" "${TERN_TELNETD_PORT:-2323}"
"$HERE/busybox-telnetd-stop.sh" "${TERN_BUSYBOX_PORT:-2324}"
[ "$(id -u)" = 0 ] && "$HERE/postfix-stop.sh"
exit 0
