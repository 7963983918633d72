#!/bin/sh
# Start lighttpd on 127.0.0.1:PORT serving a small docroot under the peer
# run dir: / (index.html), /old (301 to /new.html), /new.html, and a 404
# for anything else.
# usage: lighttpd-start.sh [PORT]   (default 2580; idempotent; prints the pid)
set -e
PORT=${1:-2580}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/_peerlib.sh"
if ! command -v lighttpd >/dev/null 2>&1 && [ ! -x /usr/sbin/lighttpd ]; then
  { apt-get install -y lighttpd >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y lighttpd >/dev/null 2>&1; }; } \
    || { echo "lighttpd is not installed and could not be" >&2; exit 1; }
fi
LIGHTTPD=$(command -v lighttpd || echo /usr/sbin/lighttpd)
PF=$PEER_RUN/lighttpd-$PORT.pid
if [ -f "$PF" ] && kill -0 "$(cat "$PF")" 2>/dev/null && [ "$(listening_pid "$PORT")" = "$(cat "$PF")" ]; then
  cat "$PF"; exit 0
fi
rm -f "$PF"
if [ -n "$(listening_pid "$PORT")" ]; then echo "port $PORT already in use by pid $(listening_pid "$PORT")" >&2; exit 1; fi
DIR=$PEER_RUN/lighttpd-$PORT
mkdir -p "$DIR/docroot"
printf '<!doctype html>\n<title>Tern test peer</title>\n<p>lighttpd test peer</p>\n' > "$DIR/docroot/index.html"
printf '<!doctype html>\n<title>Moved here</title>\n' > "$DIR/docroot/new.html"
cat > "$DIR/lighttpd.conf" <<CONF
server.modules = ("mod_redirect")
server.bind = "127.0.0.1"
server.port = $PORT
server.document-root = "$DIR/docroot"
server.errorlog = "$DIR/error.log"
server.tag = "lighttpd test peer"
index-file.names = ("index.html")
mimetype.assign = (".html" => "text/html")
url.redirect = ("^/old\$" => "/new.html")
url.redirect-code = 301
CONF
"$LIGHTTPD" -tt -f "$DIR/lighttpd.conf" >/dev/null
setsid "$LIGHTTPD" -D -f "$DIR/lighttpd.conf" >"$DIR/stdout.log" 2>&1 </dev/null &
echo $! > "$PF"
wait_listen "$PORT" 5 || { echo "lighttpd did not start, see $DIR/error.log" >&2; exit 1; }
cat "$PF"
