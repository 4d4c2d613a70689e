"""Word documents (.docx) through python-docx: body paragraphs and tables, in order.

Headers, footers, footnotes, comments and text boxes are left out: they are not the article.
Metadata comes from the core properties (title, author, created, language). The author
property is often whoever saved the file — maybe the journalist doing the import — so a
"By …" line in the text, when there is one, wins over it.
"""

from __future__ import annotations

from pathlib import Path

import docx  # python-docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from app.core.models import ParsedDocument
from app.core.text import clean_text

from ._common import MAX_CONTAINER_FILE_BYTES, checked_stat, quoted, quiet_libraries, refuse
from ._zipguard import open_checked_zip
from .text import finish, with_author_byline

SUFFIXES = (".docx",)
quiet_libraries("docx")
_KIND = "a Word document (.docx)"
_HINT = "open it in Word or LibreOffice, save it as .docx and import that."


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
    """Paragraph texts in body order; table cells row by row, merged cells once."""

    def walk(container):  # noqa: ANN001, ANN202
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                yield item.text
            elif isinstance(item, Table):
                # Merged cells come back once per grid position; the set keeps the lxml
                # elements alive, so identity comparison is reliable.
                seen: set[object] = set()
                for row in item.rows:
                    for cell in row.cells:
                        tc = cell._tc  # noqa: SLF001
                        if tc in seen:
                            continue
                        seen.add(tc)
                        yield from walk(cell)

    yield from walk(document)
