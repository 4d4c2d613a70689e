"""The newsroom gazetteer's file: one small JSON file in the user's data folder (the desk
says where), read whole and written whole, atomically, so a crash never leaves half of it."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from app.core.newsroom import Newsroom, NewsroomRefused, from_document

MAX_BYTES = 16 << 20  # tens of thousands of aliases fit in a few megabytes


def read(path: str | os.PathLike, missing_ok: bool = True) -> Newsroom:
    """The newsroom in ``path`` (empty when there is no file yet and ``missing_ok``)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise NewsroomRefused(f"“{path.name}” is larger than any newsroom file could be; nothing was changed.")
        raw = path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return Newsroom()
        raise NewsroomRefused(f"There is no file “{path.name}” to import; nothing was changed.") from None
    except IsADirectoryError:
        raise NewsroomRefused(f"“{path.name}” is a folder, not a newsroom file; nothing was changed.") from None
    except OSError as error:
        raise NewsroomRefused(f"“{path.name}” cannot be read: {error.strerror or error}.") from error
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NewsroomRefused(f"“{path.name}” is not UTF-8 text, so not a newsroom file; nothing was changed.") from None
    except (json.JSONDecodeError, RecursionError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise NewsroomRefused(f"“{path.name}” is not valid JSON{where}, so not a newsroom file; nothing was changed.") from None
    return from_document(document, path.name)


def write(path: str | os.PathLike, newsroom: Newsroom) -> None:
    """Write the whole newsroom to ``path`` (its folder is made if need be)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(newsroom.to_document(), ensure_ascii=False, indent=1) + "\n"
    fd, temp = tempfile.mkstemp(prefix=".newsroom-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise

