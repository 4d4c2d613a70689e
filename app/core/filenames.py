"""File names that stay within the file system's limit (NAME_MAX: 255 bytes on Linux, macOS
and Windows), however long the name they are made from."""

from __future__ import annotations

import hashlib

NAME_MAX = 255
_HASH = 10  # hex digits of the whole name kept in a shortened one: unique, and the same every time


def byte_length(name: str) -> int:
    """How many bytes a name takes on disk (undecodable bytes from the OS count as one each)."""
    return len(name.encode("utf-8", "surrogateescape"))


def fit_name(name: str, prefix: str = "", suffix: str = "", limit: int = NAME_MAX) -> str:
    """``prefix + name + suffix``, or, when that is over ``limit`` bytes, the same with the
    name cut on a character boundary and followed by ``~`` and a hash of the whole name.
    The result is always the same for the same arguments (so it can be found again) and
    two names that differ anywhere give two results."""
    whole = prefix + name + suffix
    if byte_length(whole) <= limit:
        return whole
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:_HASH]
    room = limit - byte_length(prefix + suffix) - 1 - _HASH
    if room < 0:
        raise ValueError(f"no room for a name between {prefix!r} and {suffix!r}")
    kept, used = [], 0
    for char in name:
        size = byte_length(char)
        if used + size > room:
            break
        kept.append(char)
        used += size
    return f"{prefix}{''.join(kept)}~{digest}{suffix}"
