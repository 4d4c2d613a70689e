"""The pinned Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did:
every void call dropped one, and a long session aborted with "deallocating None")."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_void_calls_leave_none_refcount_alone():
    # In a child process: if the bug is back, the child may abort, and that must fail here too.
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QObject
        item = QObject()
        before = sys.getrefcount(None)
        for _ in range(20000):
            item.setObjectName("x")
        print(sys.getrefcount(None) - before)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
