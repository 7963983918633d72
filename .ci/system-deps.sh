#!/bin/sh
# Installs the system packages Tern needs for one purpose, when missing.
# usage: .ci/system-deps.sh build|test|dist|wine
# On Debian/Ubuntu it uses apt-get (through sudo when not root) and says
# what it is doing; elsewhere it prints what to install and fails.
set -e
purpose=${1:-build}
pkgs="gcc libgl1-mesa-dev xorg-dev pkg-config"
norec=""
case $purpose in
  test) pkgs="$pkgs xvfb xdotool xclip imagemagick x11-utils inetutils-telnetd socat iproute2 lighttpd dnsmasq-base postfix swaks sasl2-bin libsasl2-modules dovecot-imapd dovecot-pop3d openssl ca-certificates microsocks tinyproxy dante-server openssh-server openssh-client netcat-openbsd" ;;
  dist) pkgs="$pkgs gcc-mingw-w64-x86-64 xz-utils file xvfb" ;;
  # Wine's recommends (GStreamer, Vulkan, 32-bit Wine…) are not needed to run Tern.
  wine) pkgs="$pkgs gcc-mingw-w64-x86-64 wine wine64 fonts-wine xvfb xdotool imagemagick x11-utils tesseract-ocr"; norec=--no-install-recommends ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Tern needs these packages (names as on Debian):$missing" >&2
  echo "Install them with your system's package manager, then run make again." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Tern needs:$missing — run as root: apt-get install$missing" >&2; exit 1
  fi
fi
echo "Installing system packages for $purpose:$missing"
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select Local only" | $SUDO debconf-set-selections 2>/dev/null || true
echo "postfix postfix/mailname string example.test" | $SUDO debconf-set-selections 2>/dev/null || true
[ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || $SUDO apt-get update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q $norec $missing >/dev/null || {
  $SUDO apt-get update -qq && $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q $norec $missing >/dev/null; }
