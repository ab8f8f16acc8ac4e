#!/usr/bin/env bash
# Install Posventa's desktop integration files for a system or user install:
#   share/applications/org.posventa.Posventa.desktop   (the launcher)
#   share/metainfo/org.posventa.Posventa.metainfo.xml  (AppStream, for software centres)
#   share/icons/hicolor/<n>x<n>/apps/org.posventa.Posventa.png and scalable/apps/*.svg
#
#     sudo bash packaging/install-desktop-files.sh              # PREFIX=/usr/local
#     bash packaging/install-desktop-files.sh ~/.local          # this user only
#     DESTDIR=/tmp/stage bash packaging/install-desktop-files.sh /usr   # distro packages
#
# The launcher runs `posventa`, so that command must be on PATH (pip install, or a link
# to dist/posventa/posventa). Caches are refreshed when the tools are present.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
prefix=${1:-/usr/local}
dest="${DESTDIR:-}$prefix/share"
app=org.posventa.Posventa
install -Dm644 "$here/$app.desktop" "$dest/applications/$app.desktop"
install -Dm644 "$here/$app.metainfo.xml" "$dest/metainfo/$app.metainfo.xml"
for png in "$root"/resources/icons/hicolor/*/apps/$app.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -Dm644 "$png" "$dest/icons/hicolor/$size/apps/$app.png"
done
install -Dm644 "$root/resources/icons/$app.svg" "$dest/icons/hicolor/scalable/apps/$app.svg"
if [ -z "${DESTDIR:-}" ]; then
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$dest/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$dest/icons/hicolor" || true
fi
echo "installed the launcher, metainfo and icons under $dest"
