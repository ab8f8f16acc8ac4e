#!/usr/bin/env bash
# Debian packages Posventa needs: Qt's runtime libraries, fonts, a Secret Service for the
# keyring, a virtual display for screenshots, and PostgreSQL for team-mode tests.
# Usage: bash packaging/system-packages.sh [run|test]   (installs only what is missing)
set -euo pipefail
profile=${1:-run}
pkgs=(python3 python3-venv python3-pip ca-certificates
      libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
      libdbus-1-3 libglib2.0-0 fonts-dejavu-core fonts-noto-color-emoji
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
      gnome-keyring dbus dbus-x11 libsecret-1-0)
if [ "$profile" = test ]; then
  pkgs+=(xvfb xauth postgresql desktop-file-utils appstream)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
