"""Counterclaim: compare the competing narratives inside news coverage."""

__version__ = "0.1.0"

#: A frozen (PyInstaller) entry point sets this after ``multiprocessing.freeze_support()``,
#: so background worker processes may start; until then a frozen build imports in one
#: process rather than start a second copy of the program.
MULTIPROCESSING_READY = False
