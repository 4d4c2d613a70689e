"""A bare PySide6 main window, bundled the same way as Counterclaim: the start-up baseline.

`benchmarks/bundle_bench.py` freezes this with `benchmarks/bare_window.spec` into
build/bare/dist/bare_window/ and times it to its first paint beside the bundled desk, so
the ratio says what Counterclaim adds on top of Python + Qt starting at all. It reports
its first paint through the same probe as the desk (packaging/first_paint.py).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if not getattr(sys, "frozen", False):
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))
    import first_paint

    if first_paint.requested():
        first_paint.install()
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
