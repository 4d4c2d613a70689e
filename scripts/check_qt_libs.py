"""Before `make run` opens the desk: does this computer have the libraries Qt's X11 plugin needs?

On a fresh Linux desktop Qt aborts naming only the first missing library (``libxcb-cursor0``)
while two more are missing behind it. This asks ``ldd`` about the plugin PySide6 would load
(``PySide6/Qt/plugins/platforms/libqxcb.so``, every library it pulls in) — or, with no
``ldd``, ``ctypes.util.find_library`` about the list below — and names every missing one in
ONE install line for Debian/Ubuntu (apt) and one for Fedora (dnf). Exit 1 then, so `make`
stops before Qt aborts.

Nothing is checked off Linux, or when ``QT_QPA_PLATFORM`` names another platform (offscreen,
wayland); on a Wayland session Qt opens the window through Wayland, so a gap is only noted.

    python scripts/check_qt_libs.py          check (what `make run` does)
    python scripts/check_qt_libs.py --all    print the install lines for the whole list (READMEs)

The list and the checks live in app/qt_libs.py, which the desk's own start uses too (one copy).
Stdlib only, and PySide6 is located without being imported: this runs in a blink.
"""

from __future__ import annotations

import ctypes.util  # noqa: F401 - tests reach the loader's lookup through this module
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for app.qt_libs

from app.qt_libs import (  # noqa: E402
    LIBRARIES,
    install_lines,
    missing_libraries,
    missing_sentence,
    not_found_in,
    plugin_path,
    what_to_check,
)

__all__ = ["LIBRARIES", "install_lines", "missing_libraries", "not_found_in", "plugin_path", "what_to_check", "main"]


def main(argv: list[str] | None = None, env: dict[str, str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--all" in argv:
        print("\n".join(line.strip() for line in install_lines([row[0] for row in LIBRARIES])))
        return 0
    mode = what_to_check(dict(os.environ) if env is None else env)
    if mode == "skip":
        return 0
    missing = missing_libraries(plugin_path())
    if not missing:
        return 0
    print(missing_sentence(missing), file=sys.stderr)
    if mode == "note":
        print("(On this Wayland session Qt opens the window without them; X11 needs them.)", file=sys.stderr)
        return 0
    print("Then run `make run` again.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
