"""Word documents (.docx) through python-docx: body paragraphs and tables, in order.

Headers, footers, footnotes, comments and text boxes are left out: they are not the article.
Metadata comes from the core properties (title, author, created, language). The author
property is often whoever saved the file — maybe the journalist doing the import — so a
"By …" line in the text, when there is one, wins over it.
"""

from __future__ import annotations

from pathlib import Path

import docx  # python-docx
import docx.oxml.parser
from lxml import etree

from app.core.models import ParsedDocument
from app.core.text import clean_text

from ._common import MAX_CONTAINER_FILE_BYTES, checked_stat, quoted, quiet_libraries, refuse, too_deep_sentence
from ._zipguard import open_checked_zip
from .text import finish, with_author_byline

SUFFIXES = (".docx",)
quiet_libraries("docx")
_KIND = "a Word document (.docx)"
_HINT = "open it in Word or LibreOffice, save it as .docx and import that."

# python-docx's own parser stops at 256 levels of XML (tables in tables, content controls) and
# the file is then taken for damaged. The same parser with libxml2's larger limits (2,048
# levels): safe, as entities are never resolved, a DOCTYPE never gets past _zipguard and the
# archive's unpacked size is bounded there too.
_PARSER = etree.XMLParser(
    remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
)
_PARSER.set_element_class_lookup(docx.oxml.parser.element_class_lookup)
docx.oxml.parser.oxml_parser = _PARSER

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH = _W + "p"
# Never the article's words: deleted text, and the properties of tables, cells and controls.
_SKIP = frozenset(_W + tag for tag in ("del", "moveFrom", "sdtPr", "sdtEndPr", "tblPr", "trPr", "tcPr", "sectPr"))


def read(path: Path) -> ParsedDocument:
    checked_stat(path, max_bytes=MAX_CONTAINER_FILE_BYTES, what="Word documents")
    open_checked_zip(path, _KIND, _HINT).close()
    name = quoted(path)
    try:
        document = docx.Document(str(path))
        paragraphs = list(_paragraph_texts(document))
        props = document.core_properties
        title = props.title or None
        author = props.author or None
        created = props.created
        language = props.language or None
    except (etree.XMLSyntaxError, RecursionError) as exc:
        if isinstance(exc, RecursionError) or "depth" in str(exc).lower():
            raise refuse(too_deep_sentence(name)) from None
        raise refuse(f"{name} could not be read as a Word document; it may be damaged.") from exc
    except Exception as exc:  # noqa: BLE001 - every library failure becomes a sentence
        raise refuse(f"{name} could not be read as a Word document; it may be damaged.") from exc
    published = None
    if created is not None:
        try:
            published = created.date().isoformat()
        except Exception:  # noqa: BLE001
            published = None
    text = clean_text("\n".join(paragraphs), reflow_paragraphs=False)
    if not text:
        raise refuse(f"{name} has no text to import.")
    parsed = finish(text, fmt="docx", path=path, title=title, published=published, language=language)
    return with_author_byline(parsed, author)


def _paragraph_texts(document):  # noqa: ANN001, ANN202 - python-docx types
    """Paragraph texts in body order: tables cell by cell, content controls and other
    wrappers opened. A loop, not recursion, so no depth of nesting runs out of stack; each
    cell is its own ``w:tc`` once (python-docx's ``row.cells`` repeats merged ones)."""
    stack = [iter(document.element.body)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == _PARAGRAPH:
            yield element.text  # python-docx's paragraph text: runs and hyperlinks
        elif isinstance(element.tag, str) and element.tag not in _SKIP:
            stack.append(iter(element))
