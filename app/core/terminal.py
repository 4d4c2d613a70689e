"""Untrusted text made safe to print on a terminal: shown, never acted on.

A name from a project or the file system (an outlet, a title, a party, a file name) may carry
characters a terminal obeys instead of showing: ESC starts a sequence that clears the screen
or retitles the window, BEL rings, the C1 block holds 8-bit versions of the same, a newline or
carriage return splits or overwrites one report line, a bidi override turns the rest of the
line backwards. :func:`shown` writes each of them as a visible escape (``\\x1b``, ``\\n``,
``\\u202e``); :func:`json_shown` does the same for JSON text, where the escapes keep the value.

Stdlib only: this module is part of ``app.core``, and ``app.launch`` uses it before anything
heavy loads.
"""

from __future__ import annotations

import re

__all__ = ["shown", "json_shown"]

# C0 controls, DEL and C1; the line and paragraph separators; the bidi embeddings, overrides
# and isolates (the marks LRM/RLM/ALM stay: they only nudge neutral characters); lone
# surrogates, which no terminal encoding can carry.
_RISKY = "\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\u0000-\u001f{_RISKY}]")
# JSON already escapes C0 inside strings; outside strings its only control is indentation.
_UNSAFE_IN_JSON = re.compile(f"[{_RISKY}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text: str) -> str:
    """``text`` with every character that could act on a terminal written as an escape.

    Idempotent (a backslash is left as it is), so a field escaped for its column stays the
    same when the whole line is escaped again on its way out.
    """
    return _UNSAFE.sub(_escape, text)


def json_shown(text: str) -> str:
    """JSON ``text`` (as ``json.dumps(…, ensure_ascii=False)`` writes it) with the characters
    JSON leaves raw — DEL, C1, separators, bidi controls, lone surrogates — as ``\\uXXXX``:
    the same JSON value, nothing a terminal obeys."""
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
