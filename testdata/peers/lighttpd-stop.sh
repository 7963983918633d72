#!/bin/sh
# usage: lighttpd-stop.sh [PORT]   (default 2580)
PORT=${1:-2580}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/_peerlib.sh"
stop_pidfile "$PEER_RUN/lighttpd-$PORT.pid"
