"""Keep None, True and False alive under Qt for Python's stable-ABI wheels on Python 3.11.

PySide6 6.12's abi3 wheels return ``None`` from every void C++ method without taking a
reference, as if ``None`` were immortal (it is since Python 3.12, PEP 683). On 3.11 each
such call (``setObjectName``, ``resize``, ``setToolTip``…) lowers None's reference count
by one, and after some hours of work the interpreter aborts with "Fatal Python error:
none_dealloc: deallocating None". The desk benchmark hits it within a minute.

The project pins PySide6 6.11.3, which does not leak; this guard keeps the desk safe in any
environment that still has 6.12 (a distribution package, a hand-made venv).

``install()`` gives None a reference count no session can use up, which is what 3.12
does by design. It is a no-op on 3.12 and later. Imported by ``app.ui`` before any Qt use;
anything else that drives Qt in-process (the PDF writer) should call it too.
"""

from __future__ import annotations

import sys

_HEADROOM = 1 << 40  # about 10^12 void calls
_installed = False


def install() -> None:
    global _installed
    if _installed or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    # ob_refcnt is the first field of every CPython object; id() is its address.
    # True and False are returned the same way (virtual overrides returning bool).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _installed = True


def installed() -> bool:
    return _installed or sys.version_info >= (3, 12)
