"""Web pages saved from a browser (.html, .htm): the article, without the page around it.

The page is parsed once by lxml with a locked-down parser (comments and processing
instructions removed, no network, no DTD), scripts never run and nothing remote is fetched:
the tree is handed to trafilatura's ``bare_extraction`` (fast mode, metadata on, no URL), which
keeps the article and finds title, author, site name and date. trafilatura fetches only when
given a URL to download, which never happens here — a test blocks sockets to prove it. If it
finds no article, a plain walk over the page's block elements, minus navigation, ads, forms,
scripts and the like, is the fallback.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from app.core.errors import ImportRefused
from app.core.models import ParsedDocument, is_calendar_date
from app.core.text import clean_text

from ._common import (
    MAX_TEXT_FILE_BYTES,
    checked_stat,
    looks_binary,
    mostly_utf8,
    quiet_libraries,
    quoted,
    read_bounded,
    refuse,
    stray_bytes_note,
)
from ._flatten import MAX_DEPTH, flatten
from ._html_blocks import page_blocks, restore_dropped_blocks, untable
from ._page_meta import outlet_and_title
from .text import finish, with_author_byline

SUFFIXES = (".html", ".htm", ".xhtml")
quiet_libraries("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "lxml")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read(path: Path) -> ParsedDocument:
    checked_stat(path, max_bytes=MAX_TEXT_FILE_BYTES, what="web pages")
    data = read_bounded(path, MAX_TEXT_FILE_BYTES, "web pages")
    name = quoted(path)
    markup, warnings = decode_html(data, path)
    if looks_binary(markup.replace("\ufffd", "") if warnings else markup):
        raise refuse(f"{name} is not a web page; it looks like a binary file that was renamed.")
    try:
        return _extract(markup, path, warnings)
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - every library failure becomes a sentence
        raise refuse(f"{name} could not be read as a web page; it may be damaged.") from exc


def decode_html(data: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    """BOM, then ``<meta charset>``, then strict UTF-8, then UTF-8 but for a few stray bytes
    (replaced, with a warning), then Windows-1252 (what browsers do); and the warnings."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            stray = mostly_utf8(data[len(bom) :]) if encoding == "utf-8" else None
            if stray is not None:
                return stray[0], (stray_bytes_note(path, stray[1]),)
            return data[len(bom) :].decode(encoding, "replace"), ()
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii", "ignore").lower()
        if encoding in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            encoding = "cp1252"  # as browsers do (WHATWG encoding standard)
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = ""
        if encoding and not encoding.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(encoding), ()
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    stray = mostly_utf8(data)
    if stray is not None:
        return stray[0], (stray_bytes_note(path, stray[1]),)
    return data.decode("cp1252", "replace"), ()


def _parse(markup: str):  # noqa: ANN202 - lxml element and whether the parser gave up early
    """The page's tree (None if there is none) and whether libxml2 stopped before its end."""
    parser = lxml_html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        # Lifts libxml2's limits on a text node's size (10 MB) and on depth (to 2,048): the
        # file is at most 20 MB anyway, and an HTML parser expands no entities of its own.
        huge_tree=True,
    )
    try:
        tree = lxml_html.document_fromstring(markup, parser=parser)
    except Exception:  # noqa: BLE001 - "Document is empty" and friends
        return None, False
    return tree, any(e.level_name == "FATAL" for e in parser.error_log)


_TOO_DEEP = etree.XPath("boolean(/" + "/".join(["*"] * (MAX_DEPTH + 1)) + ")")


def _read_tree(markup: str, path: Path):  # noqa: ANN202 - lxml element, the warnings
    """The page's whole tree, flattened first if it nests too deeply to be read whole."""
    markup = _XML_DECL.sub("", markup, count=1)  # lxml refuses str input with an encoding decl
    markup = markup.replace("\x00", "")
    if not markup.strip():
        return None, ()
    tree, cut = _parse(markup)
    if tree is None or not (cut or _TOO_DEEP(tree)):
        return tree, ()
    warnings = [
        f"{quoted(path)} nests its markup more than {MAX_DEPTH} levels deep; Counterclaim flattened "
        "it to read all of its text — check the article's paragraphs against the page."
    ]
    flat_tree, cut = _parse(flatten(markup))
    if flat_tree is not None:
        tree = flat_tree
    if cut or flat_tree is None:
        warnings = [
            f"{quoted(path)} could not be read whole (its markup is damaged or nested too deeply); "
            "some of its text may be missing — compare the article with the page."
        ]
    return tree, tuple(warnings)


def _extract(markup: str, path: Path, warnings: tuple[str, ...] = ()) -> ParsedDocument:
    name = quoted(path)
    tree, read_warnings = _read_tree(markup, path)
    if tree is None:
        raise refuse(f"{name} has no text to import.")
    language = _language(tree)

    meta_title = meta_author = meta_site = meta_date = None
    body = ""
    blocks = page_blocks(tree, _is_boilerplate, _BLOCK_TAGS) if not read_warnings else []
    try:
        result = trafilatura.bare_extraction(
            tree,
            url=None,
            fast=True,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
            # Never the article, and trafilatura's recall retry sometimes keeps them.
            prune_xpath=_PRUNE,
        )
    except Exception:  # noqa: BLE001 - trafilatura failing is not the end: fall back
        result = None
    if result is not None:
        body = _strip_list_markers(getattr(result, "text", None) or "")
        body = restore_dropped_blocks(blocks, untable(body))  # lists, rows, captions it dropped
        meta_title = getattr(result, "title", None)
        meta_author = getattr(result, "author", None)
        meta_site = getattr(result, "sitename", None)
        meta_date = getattr(result, "date", None)
    # A flattened page is read by the plain walk, which keeps every piece of text: trafilatura
    # takes what was nested deep for clutter.
    text = "" if read_warnings else clean_text(body, reflow_paragraphs=False)
    if not text:
        text = clean_text(fallback_text(tree), reflow_paragraphs=False)
        if meta_title is None:
            meta_title = _page_title(tree)
    if not text:
        raise refuse(f"{name} has no article text to import.")
    meta_site, meta_title = outlet_and_title(tree, meta_title, meta_site)
    text = _headline_apart(text, meta_title)
    published = meta_date if isinstance(meta_date, str) and _ISO_DATE.match(meta_date) and is_calendar_date(meta_date) else None
    parsed = finish(
        text,
        fmt="html",
        path=path,
        title=meta_title,
        outlet=meta_site,
        published=published,
        language=language,
        warnings=warnings + read_warnings,
    )
    return with_author_byline(parsed, meta_author)


def _class_is(*names: str) -> str:
    return " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {n} ')" for n in names)


#: Never the article, and trafilatura's recall retry sometimes keeps them: forms and frames,
#: a table layout's menu column and masthead (by their whole class name), and the
#: "pic.twitter.com/…" link of an embedded post (the picture's address, no words of it).
_PRUNE = [
    "//nav", "//form", "//iframe", "//noscript", "//template", "//button", "//select",
    f"//*[{_class_is('menu', 'masthead', 'sidebar', 'navbar', 'breadcrumb', 'breadcrumbs')}]",
    # (the link first, then its blockquote: on a page nested thousands deep, blockquote//a
    # would walk every blockquote's descendants)
    "//a[starts-with(normalize-space(.), 'pic.twitter.com/') or starts-with(normalize-space(.), 'pic.x.com/')]"
    "[ancestor::blockquote]",
]


def _headline_apart(text: str, title: str | None) -> str:
    """A headline run into the line after it ("Headline Brava, 19 May 2025") is its own line."""
    if not title or len(title.split()) < 3:
        return text
    at = text.find(title + " ", 0, 2000)
    if at < 0 or (at > 0 and text[at - 1] != "\n"):
        return text
    return text[: at + len(title)] + "\n" + text[at + len(title) + 1 :]


def _strip_list_markers(text: str) -> str:
    # trafilatura renders list items as "- item"; the marker is markup, not the outlet's words.
    return re.sub(r"(?m)^- (?=\S)", "", text)


def _language(tree) -> str | None:  # noqa: ANN001
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", lang.strip()):
        return lang.strip()
    return None


def _page_title(tree) -> str | None:  # noqa: ANN001
    for xpath in ("//h1", "//title"):
        found = tree.xpath(xpath)
        if found:
            title = " ".join(found[0].text_content().split())
            if title:
                return title
    return None


# ---------------------------------------------------------------------------------------------
# Fallback: a plain walk over block elements

_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "form", "input", "button", "select", "textarea", "option", "nav", "footer", "aside", "svg", "math", "canvas", "video", "audio", "picture", "img", "map",
    "head", "title", "meta", "link", "base", "dialog", "menu",
}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl", "dt",
    "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "thead", "tbody",
    "tfoot", "caption", "figure", "figcaption", "address", "hr", "br", "center", "body",
    "details", "summary", "fieldset", "legend",
}
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert|advertisement|advertising|banner|promo|sponsor(?:ed)?|"
    r"sidebar|cookie|cookies|consent|newsletter|subscribe|share|sharing|social|comments?|"
    r"related|recommended|popular|trending|breadcrumbs?|menu|navbar|nav|navigation|"
    r"masthead|footer|paywall|outbrain|taboola)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _is_boilerplate(element) -> bool:  # noqa: ANN001
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _DROP_TAGS:
        return True
    if tag.lower() == "header" and not element.xpath(".//h1"):
        return True  # a site header; an article's own <header> holds its headline
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "").lower() in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    marker = " ".join(filter(None, (element.get("class"), element.get("id"))))
    return bool(marker and _BOILERPLATE.search(marker))


def fallback_text(tree) -> str:  # noqa: ANN001
    """Text of the page's article (``<article>``, ``<main>`` or ``<body>``), one block per line."""
    root = None
    for xpath in ("//article", "//main", "//*[@role='main']", "//body"):
        found = tree.xpath(xpath)
        if found:
            root = found[0]
            break
    if root is None:
        root = tree
    parts: list[str] = []

    def walk(element, in_pre: bool) -> None:  # noqa: ANN001
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or _is_boilerplate(element):
            if element.tail:
                parts.append(element.tail if in_pre else _fold(element.tail))
            return
        block = tag in _BLOCK_TAGS
        pre = in_pre or tag == "pre"
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text if pre else _fold(element.text))
        for child in element:
            walk(child, pre)
        if block:
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append(" ")
        if element.tail:
            parts.append(element.tail if in_pre else _fold(element.tail))

    walk(root, False)
    return "".join(parts)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)
