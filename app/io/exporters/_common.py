"""What every exporter shares: safe cell values and the statements table (safe writing: ``_output``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from app.core.comparison import citation_of
from app.core.errors import CounterclaimError
from app.core.words import SUGGESTED_MARK

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

# OWASP CSV injection: a cell a spreadsheet would read as a formula or a command.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Every export that draws the grid says what a suggestion's mark means.
SUGGESTED_LEGEND = (
    "Statements marked “(suggested)”, in grey italics, carry a party Counterclaim suggested; "
    "it is not yet confirmed by a journalist."
)



def party_label(statement: dict, none: str = "narration") -> str:
    """The party a statement is tagged with, as every export names it: "Hamas (suggested)" for a suggestion."""
    name = statement.get("party") or none
    return (name + SUGGESTED_MARK).lstrip() if statement.get("status") == "suggested" else name


class ExportCancelled(CounterclaimError):
    """The journalist stopped the export; nothing was written."""


def neutralise(value) -> str:
    """Text safe for a spreadsheet cell: a leading apostrophe when it could run as a formula.

    The OWASP rule: cells beginning with ``= + - @``, tab or carriage return get a ``'``
    in front, so Excel, LibreOffice and Sheets show the text instead of evaluating it.
    """
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


# Characters XML 1.0 (XLSX, QDPX) cannot hold at all.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str | None) -> str:
    return _XML_INVALID.sub("\ufffd", text or "")


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_entry_name(*parts: object, suffix: str = "") -> str:
    """A zip entry or file name from ids: ASCII letters, digits, dot, dash, underscore only."""
    name = "-".join(_UNSAFE_NAME.sub("_", str(p)).strip("._") or "x" for p in parts)
    return name[:120] + suffix


# What no file system (or QDA program copying a source to disk) takes in a file name.
_NOT_IN_FILE_NAMES = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f-\x9f]+')
# Windows' device names, in any case, with the superscript digits it also reads, and with any
# extension after them (Windows ignores spaces before the dot): "LPT1.txt", "CONIN$", "COM¹".
_RESERVED = re.compile(r"(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?", re.IGNORECASE)


def safe_file_name(text: str | None, fallback: str, limit: int = 120) -> str:
    """A human title made into a file name every system accepts (at most ``limit`` UTF-8 bytes).

    Separators, wildcards, quotes and control characters become ``_``; leading dots and
    spaces (a hidden file), trailing dots and spaces (Windows drops them) and Windows'
    reserved device names (``CON``, ``NUL``, ``COM1``, ``LPT¹.txt``, ``CONIN$``…) are avoided.
    """
    name = " ".join(_NOT_IN_FILE_NAMES.sub("_", text or "").split())
    name = name.lstrip(". ").rstrip(". ")
    encoded = name.encode("utf-8")[:limit]
    name = encoded.decode("utf-8", errors="ignore").rstrip(". ")
    if not name:
        name = fallback
    if _RESERVED.fullmatch(name):
        name = "_" + name
    return name


def check_cancel(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("The export was cancelled; no file was written.")


# -- the statements table (XLSX sheet, CSV, Markdown list) ----------------------------------

STATEMENT_HEADERS = (
    "Statement", "Article", "Title", "Outlet", "Date", "Paragraph", "Text", "Party", "Status",
    "Kind", "Speaker", "Cue", "Topics", "Start", "End", "Note",
)


def scope_text(data) -> str:
    """What part of the project an export holds, in words, for its header."""
    sel = data.selection
    bits = []
    if sel.article_ids:
        bits.append("articles " + ", ".join(str(a) for a in sel.article_ids))
    if sel.party_names:
        bits.append("parties " + ", ".join(sel.party_names))
    if sel.topic_names:
        bits.append("topics " + ", ".join(sel.topic_names))
    if sel.confirmed_only:
        bits.append("confirmed tags only")
    return "Filtered: " + "; ".join(bits) if bits else "All statements"


def statement_rows(data) -> Iterator[list]:
    """One row per statement in ``STATEMENT_HEADERS`` order (numbers stay numbers)."""
    for s in data.statements:
        yield [
            s["id"],
            s["article_id"],
            s.get("title") or f"Article {s['article_id']}",
            s.get("outlet") or "",
            (s.get("published") or "")[:10],
            s["paragraph"],
            s["text"],
            s.get("party") or ("narration" if s.get("status") else ""),
            s.get("status") or "",
            s.get("kind") or "",
            s.get("speaker") or "",
            s.get("cue") or "",
            "; ".join(s.get("topics") or []),
            s["start"],
            s["end"],
            s.get("note") or "",
        ]


LINK_HEADERS = ("Link", "From statement", "From party", "Relation", "To statement", "To party", "Note", "Status",
                "From text", "To text", "From citation", "To citation")


def link_rows(data) -> Iterator[list]:
    for link in data.links:
        a = data.statements_by_id.get(link["source_id"], {})
        b = data.statements_by_id.get(link["target_id"], {})
        yield [
            link["id"], link["source_id"], party_label(a, ""), link["relation"], link["target_id"],
            party_label(b, ""), link.get("note") or "", link.get("status") or "",
            a.get("text", ""), b.get("text", ""), citation_of(a).short() if a else "", citation_of(b).short() if b else "",
        ]


SOURCE_HEADERS = ("Article", "Title", "Outlet", "Byline", "Date", "Language", "File", "Format", "Imported", "SHA-256")


def source_rows(data) -> Iterator[list]:
    for a in data.articles:
        yield [
            a["id"], a.get("title") or f"Article {a['id']}", a.get("outlet") or "", a.get("byline") or "",
            (a.get("published") or "")[:10], a.get("language") or "", a.get("source_path") or "",
            a.get("format") or "", a.get("imported_at") or "", a.get("sha256") or "",
        ]
