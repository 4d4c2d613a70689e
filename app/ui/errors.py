"""No exception ever crashes the desk: known refusals become their sentence, bugs a dialog."""

from __future__ import annotations

import functools
import inspect
import logging
import sys
import traceback

from app.core.errors import CounterclaimError

log = logging.getLogger("counterclaim.desk")


def report(error: BaseException, parent=None) -> None:
    from app.ui import ask

    if isinstance(error, CounterclaimError):
        ask.error(parent, str(error))
        return
    from app.ui.safety import damaged_sentence  # a damaged page, found by whatever read it

    damaged = damaged_sentence(error, parent)
    if damaged:
        ask.error(parent, damaged)
    else:
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        log.error("unexpected error in the desk:\n%s", details)
        ask.bug(parent, details)


def guarded(method):
    """Decorate a slot: CounterclaimError → its sentence; anything else → "something went wrong"."""

    params = list(inspect.signature(method).parameters.values())[1:]
    takes_any = any(p.kind is p.VAR_POSITIONAL for p in params)
    positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if not takes_any:
            args = args[:positional]  # signals may pass more (triggered passes "checked")
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - the point is never to crash
            parent = self if hasattr(self, "isWindow") else getattr(self, "window_", None)
            report(error, parent)
            return None

    return wrapper


def install_excepthook(parent_getter) -> None:
    """A last resort for exceptions raised in slots that are not guarded."""

    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        try:
            report(value.with_traceback(tb), parent_getter())
        except Exception:  # noqa: BLE001
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook
