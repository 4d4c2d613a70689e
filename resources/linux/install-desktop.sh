#!/bin/sh
# Install Counterclaim's desktop integration for the current user (no root, no network):
# a menu entry, the icon, and the application/x-counterclaim file type, so double-clicking
# a .counterclaim project opens it in Counterclaim.
#
#   ./install-desktop.sh              from the unzipped Counterclaim folder
#   ./install-desktop.sh --uninstall  remove it again
#   make install-desktop              from a checkout (uses dist/Counterclaim or .venv)
#
# Overrides (environment): APP (the program to run), PREFIX (default ~/.local: files go to
# PREFIX/share and PREFIX/bin), DATADIR, BINDIR, DESTDIR (staging root prepended to every
# path written, for tests and packagers; the paths inside the files stay without it).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
if [ -d "$HERE/_internal/resources" ]; then          # inside the unzipped bundle
    RES=${RES:-$HERE/_internal/resources}
    APP=${APP:-$HERE/Counterclaim}
else                                                  # resources/linux/ in a checkout
    RES=${RES:-$(cd "$HERE/.." && pwd)}
    APP=${APP:-$(cd "$HERE/../.." && pwd)/dist/Counterclaim/Counterclaim}
fi
DESTDIR=${DESTDIR:-}
if [ -n "${PREFIX:-}" ]; then
    DATADIR=${DATADIR:-$PREFIX/share}
    BINDIR=${BINDIR:-$PREFIX/bin}
else
    DATADIR=${DATADIR:-${XDG_DATA_HOME:-$HOME/.local/share}}
    BINDIR=${BINDIR:-$HOME/.local/bin}
fi
SIZES="16 24 32 48 64 128 256 512"
D=$DESTDIR$DATADIR

say() { printf '%s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
refresh() {
    if have update-mime-database; then update-mime-database "$D/mime" >/dev/null 2>&1 || true; fi
    if have update-desktop-database; then update-desktop-database -q "$D/applications" 2>/dev/null || true; fi
    if have gtk-update-icon-cache; then gtk-update-icon-cache -q -f -t "$D/icons/hicolor" 2>/dev/null || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$D/applications/counterclaim.desktop" "$D/mime/packages/counterclaim.xml" \
          "$D/icons/hicolor/scalable/apps/counterclaim.svg" "$DESTDIR$BINDIR/counterclaim"
    for s in $SIZES; do
        rm -f "$D/icons/hicolor/${s}x${s}/apps/counterclaim.png" \
              "$D/icons/hicolor/${s}x${s}/mimetypes/application-x-counterclaim.png"
    done
    refresh
    say "Counterclaim's desktop integration is removed."
    exit 0
fi

case "$APP" in /*) ;; *) APP=$(pwd)/$APP ;; esac
if [ ! -x "$APP" ]; then
    say "install-desktop: Counterclaim is not at $APP; build it (make bundle) or set APP=/path/to/Counterclaim." >&2
    exit 1
fi

# The menu entry, pointing at this copy of Counterclaim (quoted per the Desktop Entry spec).
quoted=$(printf '%s' "$APP" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
mkdir -p "$D/applications"
sed -e "s|^Exec=.*|Exec=\"$(printf '%s' "$quoted" | sed 's/[|&\\]/\\&/g')\" %f|" \
    -e "s|^TryExec=.*|TryExec=$(printf '%s' "$APP" | sed 's/[|&\\]/\\&/g')|" \
    "$RES/linux/counterclaim.desktop" > "$D/applications/counterclaim.desktop"
chmod 644 "$D/applications/counterclaim.desktop"

# The file type: *.counterclaim (and renamed projects, by their SQLite application_id).
mkdir -p "$D/mime/packages"
cp "$RES/linux/counterclaim-mime.xml" "$D/mime/packages/counterclaim.xml"

# The icon, for the program and for its project files.
for s in $SIZES; do
    for kind in apps mimetypes; do mkdir -p "$D/icons/hicolor/${s}x${s}/$kind"; done
    cp "$RES/icons/counterclaim-$s.png" "$D/icons/hicolor/${s}x${s}/apps/counterclaim.png"
    cp "$RES/icons/counterclaim-$s.png" "$D/icons/hicolor/${s}x${s}/mimetypes/application-x-counterclaim.png"
done
mkdir -p "$D/icons/hicolor/scalable/apps"
cp "$RES/icons/counterclaim.svg" "$D/icons/hicolor/scalable/apps/counterclaim.svg"

# `counterclaim import …` from a terminal.
mkdir -p "$DESTDIR$BINDIR"
ln -sf "$APP" "$DESTDIR$BINDIR/counterclaim"

refresh
if [ -z "$DESTDIR" ] && have xdg-mime; then
    xdg-mime default counterclaim.desktop application/x-counterclaim 2>/dev/null || true
fi
say "Counterclaim is in your applications menu, and double-clicking a .counterclaim file opens it."
say "  program: $APP"
say "  files:   $D/applications/counterclaim.desktop, $D/mime/packages/counterclaim.xml, $D/icons/hicolor/"
