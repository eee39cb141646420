#!/usr/bin/env bash
# Shared set-up for the README's commands: system libraries (Debian/Ubuntu),
# then a .venv with the project and its tools. Safe to run again: it does only
# what is missing. Source it with the profile ("demo" or "test") as $1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROFILE="${1:-demo}"
VENV="$ROOT/.venv"

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

# Qt's libraries need these even offscreen; the xcb ones are for a real window.
QT_CORE_PKGS="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0t64|libglib2.0-0"
QT_XCB_PKGS="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxkbcommon-x11-0 libx11-xcb1"
# The tests exercise the real Secret Service keyring: gnome-keyring on a private
# D-Bus session bus (dbus-run-session; in "dbus" before Debian 12 split it out).
# xdotool drives a real mouse drag on the deals board under Xvfb.
KEYRING_PKGS="gnome-keyring dbus-daemon|dbus"
# The packaging tests validate the .desktop entry and the AppStream metainfo.
PACKAGING_PKGS="desktop-file-utils appstream"
case "$PROFILE" in
  demo) WANTED="$QT_CORE_PKGS $QT_XCB_PKGS" ;;
  test) WANTED="$QT_CORE_PKGS $QT_XCB_PKGS xvfb xauth xdotool $KEYRING_PKGS $PACKAGING_PKGS" ;;
  *) echo "bootstrap: unknown profile $PROFILE" >&2; exit 2 ;;
esac

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_missing() {
  local missing="" spec alt found
  for spec in $WANTED; do
    found=""
    for alt in ${spec//|/ }; do
      if have_pkg "$alt"; then found=1; break; fi
    done
    [ -n "$found" ] || missing="$missing $spec"
  done
  echo "$missing"
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "Not a Debian/Ubuntu system: install Qt 6's runtime libraries and Python 3.11+ with venv yourself."; return 0; }
  local missing; missing="$(apt_missing)"
  [ -n "${missing// /}" ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      say "Missing system packages:$missing"
      say "Install them as root:  apt-get install -y$(for s in $missing; do printf ' %s' "${s##*|}"; done)"
      exit 1
    fi
  fi
  say "Installing system packages:$missing"
  $sudo apt-get update -qq
  local spec alt pick
  local picks=""
  for spec in $missing; do
    pick=""
    for alt in ${spec//|/ }; do
      if apt-cache show "$alt" >/dev/null 2>&1; then pick="$alt"; break; fi
    done
    [ -n "$pick" ] && picks="$picks $pick"
  done
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $picks >/dev/null
}

pick_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && \
       "$candidate" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)."
  exit 1
}

ensure_venv() {
  local python stamp want
  python="$(pick_python)"
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating $VENV"
    "$python" -m venv "$VENV"
  fi
  stamp="$VENV/.installed"
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$PROFILE"
  if [ ! -f "$stamp" ] || ! grep -qx -- "$want" "$stamp"; then
    say "Installing MailTrixy Desktop and its dependencies into .venv"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    if [ "$PROFILE" = "test" ]; then
      "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
    else
      "$VENV/bin/python" -m pip install -q -e "$ROOT"
    fi
    # Keep what an install of the same pyproject already recorded; a test install
    # also serves the demo.
    if [ -f "$stamp" ] && grep -q -- "^${want%-*}-" "$stamp"; then echo "$want" >> "$stamp"
    else echo "$want" > "$stamp"; fi
    if [ "$PROFILE" = "test" ]; then echo "${want%-test}-demo" >> "$stamp"; fi
  fi
}

python_ok() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c \
       'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      return 0
    fi
  done
  return 1
}

# Debian's python3 lacks venv/ensurepip until python3-venv is installed.
python_ok || WANTED="python3 python3-venv $WANTED"
install_system_packages
ensure_venv
