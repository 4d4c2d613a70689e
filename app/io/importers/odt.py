"""OpenDocument text (.odt) through odfpy: ``text:h`` and ``text:p`` in document order.

Lists, tables and sections are walked for their paragraphs; footnotes, annotations, frames
(text boxes, images) and tracked deletions are not the article and are left out.

odfpy, on an XML part it cannot parse, prints the whole part to stdout and carries on with an
empty document. So every XML part odfpy will read is first parsed here with a locked-down lxml
parser (no DTD, no entities, no network): a damaged file is refused with a sentence, and the
article never ends up in a log.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from odf.opendocument import load

from app.core.models import ParsedDocument, is_calendar_date
from app.core.text import clean_text

from ._common import MAX_CONTAINER_FILE_BYTES, checked_stat, quoted, quiet_libraries, refuse, too_deep_sentence
from ._zipguard import open_checked_zip
from .text import finish, with_author_byline

SUFFIXES = (".odt",)
quiet_libraries("odf")
_KIND = "an OpenDocument text file (.odt)"
_HINT = "open it in LibreOffice, save it as .odt and import that."

TEXTNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICENS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DRAWNS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
DCNS = "http://purl.org/dc/elements/1.1/"
METANS = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

_BLOCKS = {(TEXTNS, "p"), (TEXTNS, "h")}
# Never part of the article text.
_SKIP = {
    (TEXTNS, "note"),
    (TEXTNS, "tracked-changes"),
    (TEXTNS, "sequence-decls"),
    (TEXTNS, "variable-decls"),
    (TEXTNS, "user-field-decls"),
    (TEXTNS, "table-of-content"),
    (OFFICENS, "annotation"),
    (OFFICENS, "annotation-end"),
    (OFFICENS, "forms"),
    (DRAWNS, "frame"),
    (DRAWNS, "custom-shape"),
}
_XML_PARTS = ("content.xml", "meta.xml", "styles.xml", "settings.xml", "META-INF/manifest.xml")


def read(path: Path) -> ParsedDocument:
    checked_stat(path, max_bytes=MAX_CONTAINER_FILE_BYTES, what="OpenDocument files")
    name = quoted(path)
    with open_checked_zip(path, _KIND, _HINT) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise refuse(f"{name} is not {_KIND}, or it is damaged; {_HINT}")
        for part in _XML_PARTS:
            if part in names:
                _check_well_formed(archive.read(part), name)
    try:
        document = load(str(path))
        body = document.text
        paragraphs: list[str] = []
        if body is not None:
            _collect(body, paragraphs)
        meta = _metadata(document)
    except RecursionError:
        raise refuse(too_deep_sentence(name)) from None
    except Exception as exc:  # noqa: BLE001 - every library failure becomes a sentence
        raise refuse(f"{name} could not be read as an OpenDocument text file; it may be damaged.") from exc
    text = clean_text("\n".join(paragraphs), reflow_paragraphs=False)
    if not text:
        raise refuse(f"{name} has no text to import.")
    parsed = finish(
        text,
        fmt="odt",
        path=path,
        title=meta.get("title"),
        published=meta.get("date"),
        language=meta.get("language"),
    )
    return with_author_byline(parsed, meta.get("creator"))


def _check_well_formed(data: bytes, name: str) -> None:
    # huge_tree: libxml2's depth limit of 2,048 levels instead of 256 (deep lists, sections,
    # tables are real documents); entities are never resolved and _zipguard bounds the size.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_comments=True
    )
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise refuse(too_deep_sentence(name)) from None
        raise refuse(f"{name} could not be read as an OpenDocument text file; it may be damaged.") from None
    except Exception:  # noqa: BLE001 - and friends
        raise refuse(f"{name} could not be read as an OpenDocument text file; it may be damaged.") from None


def _inline_text(node, out: list[str]) -> None:  # noqa: ANN001 - odfpy nodes
    """The text inside ``node``, in order; a loop, so no depth of spans runs out of stack."""
    stack = [iter(node.childNodes)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child.nodeType == child.TEXT_NODE:
            out.append(child.data)
            continue
        if child.nodeType != child.ELEMENT_NODE:
            continue
        qname = child.qname
        if qname in _SKIP:
            continue
        if qname == (TEXTNS, "s"):
            try:
                count = int(child.attributes.get((TEXTNS, "c"), "1"))
            except ValueError:
                count = 1
            out.append(" " * max(1, min(count, 100)))
        elif qname == (TEXTNS, "tab"):
            out.append("\t")
        elif qname == (TEXTNS, "line-break"):
            out.append("\n")
        else:
            stack.append(iter(child.childNodes))


def _collect(node, paragraphs: list[str]) -> None:  # noqa: ANN001 - odfpy nodes
    """Each ``text:p``/``text:h`` below ``node``, in order; a loop, like :func:`_inline_text`."""
    stack = [iter(node.childNodes)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIP:
            continue
        if child.qname in _BLOCKS:
            parts: list[str] = []
            _inline_text(child, parts)
            paragraphs.append("".join(parts))
        else:
            stack.append(iter(child.childNodes))


def _node_text(node) -> str:  # noqa: ANN001
    parts: list[str] = []
    _inline_text(node, parts)
    return "".join(parts).strip()


def _metadata(document) -> dict[str, str]:  # noqa: ANN001
    meta: dict[str, str] = {}
    wanted = {
        (DCNS, "title"): "title",
        (DCNS, "creator"): "creator",
        (METANS, "initial-creator"): "initial-creator",
        (METANS, "creation-date"): "created",
        (DCNS, "language"): "language",
    }
    for child in getattr(document.meta, "childNodes", []):
        key = wanted.get(getattr(child, "qname", None))
        if key and key not in meta:
            value = _node_text(child)
            if value:
                meta[key] = value
    # The first author of the file is nearer the article's writer than the last editor.
    if "initial-creator" in meta:
        meta["creator"] = meta["initial-creator"]
    created = re.match(r"\d{4}-\d{2}-\d{2}", meta.get("created", ""))
    if created and is_calendar_date(created.group(0)):
        meta["date"] = created.group(0)
    return meta
