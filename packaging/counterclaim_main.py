"""The script PyInstaller freezes: the bundled Counterclaim executable starts here.

It only hands over to ``app.launch.main`` (the desk by default, the command line when given
a subcommand or ``--version``), so the bundle and ``python -m app`` are the same program.
"""

from __future__ import annotations

import sys


def _console_for_windowed_windows() -> None:
    """Let ``Counterclaim.exe import …`` print when started from a terminal on Windows.

    The Windows build is windowed (no console pops up on a double-click), so Python starts
    with no stdout/stderr. When a terminal started us, borrow its console; when Explorer did,
    there is none to borrow and nothing changes. Linux and macOS need nothing: there the
    same executable always has the standard streams of whoever started it.
    """
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    try:
        import ctypes

        if not ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            return
        if sys.stdout is None:
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        if sys.stderr is None:
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    except Exception:  # noqa: BLE001 - no console is not an error for a desktop app
        pass


if __name__ == "__main__":
    import multiprocessing

    # A worker process of the import pipeline starts this same executable: this runs its
    # task and exits instead of opening a second desk.
    multiprocessing.freeze_support()
    import app

    app.MULTIPROCESSING_READY = True
    _console_for_windowed_windows()
    import first_paint  # packaging/first_paint.py: benchmark and smoke-test probe, off by default

    if first_paint.requested():
        first_paint.install()
    from app.launch import main

    raise SystemExit(main())
