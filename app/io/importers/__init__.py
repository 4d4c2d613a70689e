"""Importers: files and pasted text in, a :class:`~app.core.models.ParsedDocument` out.

``read_document`` either returns a document whose ``text`` is final (see
:mod:`app.core.text` for the rules) or raises :class:`~app.core.errors.ImportRefused` with
one plain sentence naming the file. Nothing else escapes: any unexpected failure inside a
format library becomes a refusal saying the file may be damaged.

Limits (see ``_common``): text files and web pages up to 20 MB, Word/OpenDocument/PDF files
up to 100 MB, at most 20 MB of extracted text, ZIP containers that unpack to at most 300 MB,
PDFs of at most 2,000 pages. Project exports (.json) are not articles and are handled by
``app.io`` elsewhere, not here.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import ImportRefused
from app.core.models import ParsedDocument
from app.core.text import clean_text

from . import text as _text
from ._common import MAX_PASTE_CHARS, checked_stat, quoted, refuse, too_deep_sentence

__all__ = ["SUPPORTED_SUFFIXES", "read_document", "parse_pasted", "ImportRefused"]


# The format libraries (trafilatura, pypdf, python-docx…) take a quarter of a second to
# import: each reader module is imported when a file of its kind first comes, so opening the
# desk, or an import worker that reads only .txt, does not pay for the others.
def _html():
    from . import html

    return html


def _docx():
    from . import docx

    return docx


def _odt():
    from . import odt

    return odt


def _pdf():
    from . import pdf

    return pdf


def _lazy(load):
    def read(path: Path) -> ParsedDocument:
        return load().read(path)

    read.load = load  # read_document imports the module outside its last wall: a missing
    return read  # library is a bug to report, not a "damaged file"


# Suffix -> reader (checked against each module's SUFFIXES by a test).
_READERS = {
    ".txt": _text.read, ".text": _text.read, ".md": _text.read, ".markdown": _text.read,
    ".html": _lazy(_html), ".htm": _lazy(_html), ".xhtml": _lazy(_html),
    ".docx": _lazy(_docx),
    ".odt": _lazy(_odt),
    ".pdf": _lazy(_pdf),
}

#: Lower-case file suffixes ``read_document`` accepts.
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)

_KIND = {
    ".txt": "a text file", ".text": "a text file", ".md": "a Markdown file",
    ".markdown": "a Markdown file", ".html": "a web page", ".htm": "a web page",
    ".xhtml": "a web page", ".docx": "a Word document", ".odt": "an OpenDocument text file",
    ".pdf": "a PDF",
}


def _supported_list() -> str:
    return (
        "plain text (.txt), Markdown (.md), web pages (.html, .htm), Word (.docx), OpenDocument (.odt) "
        "and PDF (.pdf) articles, and a Counterclaim export (.json) into a new, empty project"
    )


def read_document(path: str | os.PathLike[str]) -> ParsedDocument:
    """Read one article file. Raises :class:`ImportRefused` with a sentence on any problem."""
    try:
        fspath = os.fspath(path)
    except TypeError:
        raise refuse("Counterclaim was given something that is not a file path.") from None
    if not fspath or "\x00" in fspath:
        raise refuse("Counterclaim was given an empty or invalid file name.")
    p = Path(os.path.abspath(fspath))
    name = quoted(p)
    suffix = p.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        if os.path.isdir(p):
            checked_stat(p, max_bytes=1, what="files")  # raises the folder sentence
        if suffix == ".json":
            raise refuse(
                f"{name} is a data file, not an article. To bring back a whole Counterclaim project "
                "exported as JSON, import it into a new, empty project from the command line "
                "(counterclaim import NEW.counterclaim export.json)."
            )
        if suffix in (".doc", ".rtf", ".pages", ".wpd"):
            raise refuse(
                f"{name} is in an older word-processor format; save it as .docx or .odt and import that."
            )
        shown = f"“{suffix}” files" if suffix else "files without an extension"
        raise refuse(f"Counterclaim cannot import {shown} such as {name}; it reads {_supported_list()}.")
    load = getattr(reader, "load", None)
    if load is not None:
        load()
    try:
        return reader(p)
    except ImportRefused:
        raise
    except MemoryError:
        raise refuse(f"{name} is too large for this computer's memory; split it into smaller files first.") from None
    except RecursionError:
        raise refuse(too_deep_sentence(name)) from None
    except Exception as exc:  # noqa: BLE001 - the last wall: a sentence, never a traceback
        raise refuse(f"{name} could not be read as {_KIND[suffix]}; it may be damaged.") from exc


def parse_pasted(text: str, title: str | None = None) -> ParsedDocument:
    """Turn text pasted from a browser into a document of format ``"paste"``.

    Hard-wrapped text is re-joined, a byline on top becomes metadata; the title is ``title``
    if given, else a headline-like first line (kept in the text), else none.
    """
    if not isinstance(text, str):
        raise refuse("Only text can be pasted as an article.")
    if len(text) > MAX_PASTE_CHARS:
        raise refuse(
            "The pasted text is longer than 20 MB; Counterclaim imports articles up to that size — "
            "paste it in parts."
        )
    cleaned = clean_text(text)
    if not cleaned:
        raise refuse("The pasted text is empty: there is nothing to import.")
    title = title.strip() if isinstance(title, str) and title.strip() else None
    return _text.finish(cleaned, fmt="paste", path=None, title=title)
