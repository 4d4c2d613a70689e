"""PDF articles through pypdf's text layer.

A PDF has lines, not paragraphs: a line break is kept only where the line stops well short of
the column width (the next word would have fitted — a paragraph end, a headline) or where the
text layer has an empty line; otherwise lines are joined. Lines that are only a page number
are dropped. A PDF without a text layer (a scan) is refused: it needs OCR first.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PasswordType, PdfReader

from app.core.errors import ImportRefused
from app.core.models import ParsedDocument
from app.core.text import clean_text, join_wrapped

from ._common import MAX_CONTAINER_FILE_BYTES, MAX_TEXT_CHARS, checked_stat, quoted, quiet_libraries, refuse
from .text import finish, with_author_byline

SUFFIXES = (".pdf",)
quiet_libraries("pypdf")
MAX_PAGES = 2000

_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(?:docx?|odt|rtf|pages|txt|pdf|indd|qxd)$|^untitled\b", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)]*$")
_PASSWORD = (
    "{name} is protected by a password; open it in your PDF reader, save an unprotected copy "
    "and import that."
)
_ENCRYPTED = (
    "{name} is encrypted in a way Counterclaim cannot open; open it in your PDF reader, save an "
    "unprotected copy and import that."
)
_DAMAGED = "{name} could not be read as a PDF; it may be damaged or incomplete — download or copy it again."


def read(path: Path) -> ParsedDocument:
    checked_stat(path, max_bytes=MAX_CONTAINER_FILE_BYTES, what="PDF files")
    name = quoted(path)
    _check_envelope(path, name)
    encrypted = False
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            encrypted = True
            # Many PDFs are "encrypted" with an empty user password to restrict printing or
            # copying only; those open without asking anyone anything. (AES needs the
            # `cryptography` package; without it decryption fails and the file is refused.)
            result = reader.decrypt("")
            if result == PasswordType.NOT_DECRYPTED:
                raise refuse(_PASSWORD.format(name=name))
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise refuse(
                f"{name} has {len(pages)} pages; Counterclaim imports PDFs of up to {MAX_PAGES} "
                "pages — split it first."
            )
        page_texts: list[str] = []
        total = 0
        for page in pages:
            page_text = page.extract_text() or ""
            total += len(page_text)
            if total > MAX_TEXT_CHARS:
                raise refuse(
                    f"{name} holds more than {MAX_TEXT_CHARS // (1024 * 1024)} MB of text; Counterclaim "
                    "imports articles up to that size — split it first."
                )
            page_texts.append(page_text)
        meta = _metadata(reader)
    except Exception as exc:  # noqa: BLE001 - every library failure becomes a sentence
        if isinstance(exc, ImportRefused):
            raise
        if encrypted:
            raise refuse(_ENCRYPTED.format(name=name)) from exc
        raise refuse(_DAMAGED.format(name=name)) from exc

    lines: list[str] = []
    for page_text in page_texts:
        for line in clean_text_lines(page_text):
            if not _PAGE_NUMBER.match(line):
                lines.append(line)
        lines.append("")  # a page end is a possible, not a certain, paragraph end
    text = clean_text("\n".join(join_lines(lines)), reflow_paragraphs=False)
    if not text:
        raise refuse(
            f"{name} has no text layer — it looks like a scan or a picture of text; run it "
            "through OCR (text recognition) first and import the result."
        )
    parsed = finish(
        text,
        fmt="pdf",
        path=path,
        title=meta.get("title"),
        published=meta.get("date"),
        language=meta.get("language"),
    )
    return with_author_byline(parsed, meta.get("author"))


def _check_envelope(path: Path, name: str) -> None:
    """A PDF starts with ``%PDF-`` and ends with ``%%EOF``; a cut-off download does not."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 4096))
            tail = handle.read()
    except OSError:
        raise refuse(f"{name} could not be read; check that the file still exists.") from None
    if b"%PDF-" not in head:
        raise refuse(f"{name} is not a PDF file, or it is damaged.")
    if b"%%EOF" not in tail:
        raise refuse(f"{name} is incomplete — it ends before the PDF does; download or copy it again.")


def clean_text_lines(page_text: str) -> list[str]:
    """A page's lines, each cleaned, blank lines kept as ``""`` (they mark paragraph ends)."""
    return [clean_text(line, reflow_paragraphs=False).replace("\n", " ") for line in page_text.split("\n")]


def join_lines(lines: list[str]) -> list[str]:
    """Join PDF lines into paragraphs; ``""`` in ``lines`` is a soft break (see module doc)."""
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if not lengths:
        return [line for line in lines if line]
    width = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    para = ""
    prev = ""
    for line in lines:
        if not line:
            # An empty line inside the text layer or a page end: a paragraph ends here only
            # if the last line was short, or a little short and ending a sentence; otherwise
            # the paragraph runs on across the page.
            if para and (len(prev) < 0.8 * width or (_ENDS_SENTENCE.search(prev) and len(prev) < 0.9 * width)):
                out.append(para)
                para = ""
            continue
        if not para:
            para = line
        elif len(prev) + 1 + len(line.split(" ", 1)[0]) < 0.8 * width:
            out.append(para)
            para = line
        else:
            para = join_wrapped(para, line)
        prev = line
    if para:
        out.append(para)
    return out


def _metadata(reader) -> dict[str, str]:  # noqa: ANN001 - pypdf reader
    meta: dict[str, str] = {}
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - broken info dictionaries are common
        info = None
    if info is not None:
        for key, attr in (("title", "title"), ("author", "author")):
            try:
                value = getattr(info, attr)
            except Exception:  # noqa: BLE001
                value = None
            if isinstance(value, str) and value.strip():
                meta[key] = value.strip()
        # Word-made PDFs often carry "Microsoft Word - draft3.docx" as their title: not a title.
        title = re.sub(r"^Microsoft Word\s*-\s*", "", meta.get("title", ""))
        if not title or _FILE_NAME.search(title):
            meta.pop("title", None)
        else:
            meta["title"] = title
        try:
            created = info.creation_date
        except Exception:  # noqa: BLE001
            created = None
        if created is not None:
            meta["date"] = created.date().isoformat()
    try:
        lang = reader.trailer["/Root"].get("/Lang")
        if isinstance(lang, str) and lang.strip():
            meta["language"] = lang.strip()
    except Exception:  # noqa: BLE001
        pass
    return meta
