#!/bin/sh
# Stops the private Dovecot instance dovecot-start.sh started.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/_peerlib.sh"
stop_pidfile "$PEER_RUN/dovecot/master.pid"
