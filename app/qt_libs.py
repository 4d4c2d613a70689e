"""Can Qt open a window here? The libraries its X11 plugin needs, and a display to show on.

On a fresh Linux desktop Qt aborts naming only the first missing library (``libxcb-cursor0``)
while two more are missing behind it, and with no display at all it aborts with a core dump.
This asks ``ldd`` about the plugin PySide6 would load (``PySide6/Qt/plugins/platforms/libqxcb.so``,
every library it pulls in) — or, with no ``ldd``, ``ctypes.util.find_library`` about the list
below — and names every missing one in ONE install line for Debian/Ubuntu (apt) and one for
Fedora (dnf).

Nothing is checked off Linux, or when ``QT_QPA_PLATFORM`` names another platform (offscreen,
wayland); on a Wayland session Qt opens the window through Wayland, so a gap is only noted.
Stdlib only, and PySide6 is located without being imported: this runs in a blink, before Qt.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The one list: what Qt's xcb platform plugin links to beyond the C library and what PySide6
# ships itself. (library, Debian/Ubuntu package, Fedora package). scripts/check_qt_libs.py
# (`make run`) and the desk's own start (app/launch.py) both use it; the README and the
# bundle's README.txt quote the install lines made from it; tests/bundle/test_qt_libs_check.py
# keeps them, and this list against the installed plugin, in step.
LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libX11.so.6", "libx11-6", "libX11"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libfreetype.so.6", "libfreetype6", "freetype"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    ("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


def plugin_path() -> Path | None:
    """Qt's X11 platform plugin inside the installed PySide6 (found, not imported)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def not_found_in(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as ``=> not found``, each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def missing_libraries(plugin: Path | None) -> list[str]:
    """Every library the plugin needs that the dynamic loader cannot find here."""
    if plugin is not None and shutil.which("ldd"):
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60)
        return not_found_in(done.stdout)
    return [soname for soname, _, _ in LIBRARIES if ctypes.util.find_library(_short_name(soname)) is None]


def _short_name(soname: str) -> str:
    """``libxcb-icccm.so.4`` → ``xcb-icccm``, the name ``find_library`` takes."""
    return soname.removeprefix("lib").split(".so")[0]


def install_lines(missing: list[str]) -> list[str]:
    """One apt line and one dnf line naming the packages of every missing library we know;
    a library not on the list is named on a line of its own."""
    known = [row for row in LIBRARIES if row[0] in missing]
    apt = list(dict.fromkeys(debian for _, debian, _ in known))
    dnf = list(dict.fromkeys(fedora for _, _, fedora in known))
    lines = []
    if known:
        lines.append("  Debian/Ubuntu:  sudo apt install " + " ".join(apt))
        lines.append("  Fedora:         sudo dnf install " + " ".join(dnf))
    others = [name for name in missing if name not in {row[0] for row in LIBRARIES}]
    if others:
        lines.append("  and the packages that provide: " + " ".join(others))
    return lines


def what_to_check(env: dict[str, str]) -> str:
    """``"check"``, ``"note"`` (a Wayland session: Qt will not need X11) or ``"skip"``."""
    if not sys.platform.startswith("linux"):
        return "skip"
    platform = env.get("QT_QPA_PLATFORM", "").strip()
    if platform:  # "xcb", "offscreen", "wayland;xcb", "xcb:option=…": the first is tried first
        return "check" if platform.split(";")[0].split(":")[0].strip() == "xcb" else "skip"
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return "note"
    return "check"


def missing_sentence(missing: list[str]) -> str:
    """The whole message for missing libraries: what is missing, then the install lines."""
    return "\n".join([
        "Counterclaim's window needs system libraries this computer does not have "
        f"({', '.join(missing)}). Install them all at once with the line for your system:",
        *install_lines(missing),
    ])


def desk_refusal(env: dict[str, str]) -> str | None:
    """Why the desk's window cannot open here, as the message to print (None: it can, as
    far as can be told). Checked before Qt starts, which would abort with a core dump."""
    mode = what_to_check(env)
    if mode != "check":
        return None
    if not env.get("QT_QPA_PLATFORM", "").strip() and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return (
            "Counterclaim's window needs a graphical desktop, and there is none here (neither DISPLAY "
            "nor WAYLAND_DISPLAY is set: a remote shell or a server, say). Start it from your desktop, "
            "or use the command line, which needs none: counterclaim --help."
        )
    plugin = plugin_path()
    if plugin is None or not shutil.which("ldd"):
        return None  # a frozen build, say: cannot ask quickly, so let Qt try
    try:
        missing = missing_libraries(plugin)
    except (OSError, subprocess.SubprocessError):
        return None
    return missing_sentence(missing) if missing else None
