"""Plain text (.txt) and Markdown (.md) articles.

Title choice, the same for every importer: Counterclaim never removes text from an article
except its byline, and never adds any. A first line that looks like a headline (short, no
final full stop) is therefore *kept in the text* — a headline is a statement the outlet makes
and deserves a tag like any other — and is also used as the title. Otherwise the title is the
file name, tidied ("pakistan-iran_strikes.txt" → "Pakistan iran strikes").
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from app.core.language import choose as choose_language
from app.core.models import ParsedDocument, is_calendar_date
from app.core.text import clean_text, looks_like_headline, split_byline

from ._common import (
    MAX_TEXT_FILE_BYTES,
    check_text_size,
    checked_stat,
    decode_text_noting,
    prettify_stem,
    quoted,
    read_bounded,
    refuse,
)

SUFFIXES = (".txt", ".text", ".md", ".markdown")


def read(path: Path) -> ParsedDocument:
    checked_stat(path, max_bytes=MAX_TEXT_FILE_BYTES, what="text files")
    data = read_bounded(path, MAX_TEXT_FILE_BYTES, "text files")
    raw, warnings = decode_text_noting(data, path)
    markdown = path.suffix.lower() in (".md", ".markdown")
    meta: dict[str, str] = {}
    if markdown:
        raw, meta = markdown_to_text(raw)
        text = clean_text(raw, reflow_paragraphs=False)
    else:
        text = clean_text(raw)
    return finish(
        text,
        fmt="md" if markdown else "txt",
        path=path,
        title=meta.get("title"),
        byline=meta.get("author"),
        published=meta.get("date"),
        language=meta.get("lang"),
        outlet=meta.get("outlet"),
        warnings=warnings,
    )


def finish(
    text: str,
    *,
    fmt: str,
    path: Path | None,
    title: str | None = None,
    byline: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    warnings: tuple[str, ...] = (),
) -> ParsedDocument:
    """Common ending for text-like sources: byline off, title chosen, emptiness refused.

    Every piece of metadata becomes one clean line: no control character (a terminal
    escape in a title or an author property) reaches the project. The language is the one
    the text is written in (``app.core.language.choose``: the page's own tag when it agrees)."""
    check_text_size(text, path)
    found_byline, text = split_byline(text)
    byline = byline or found_byline
    if not text:
        subject = quoted(path) if path is not None else "The pasted text"
        raise refuse(f"{subject} has no article text to import{' besides its byline' if found_byline else ''}.")
    if not title:
        first = text.split("\n", 1)[0]
        if "\n" in text and looks_like_headline(first):
            title = first
        elif path is not None:
            title = prettify_stem(path)
    return ParsedDocument(
        text=text,
        format=fmt,
        source_path=str(path) if path is not None else None,
        title=one_line(title),
        byline=one_line(byline),
        outlet=one_line(outlet),
        published=one_line(published),
        language=choose_language(one_line(language), text),
        warnings=tuple(warnings),
    )


def with_author_byline(parsed: ParsedDocument, author) -> ParsedDocument:
    """The file's author property as byline, only when the text named none: a "By …" line
    is the article's own word, the property is often whoever saved the file."""
    if parsed.byline is not None or not author:
        return parsed
    return replace(parsed, byline=one_line(str(author)))


def one_line(value: str | None) -> str | None:
    """Metadata as one clean line (no control character, no line break), or None if empty."""
    if not value:
        return None
    value = clean_text(value, reflow_paragraphs=False).replace("\n", " ").strip()
    return value or None


# ---------------------------------------------------------------------------------------------
# Markdown → one paragraph per line. Small on purpose: articles use a handful of constructs.

# Every pattern here runs in time linear in its line: possessive quantifiers (``*+``) where a
# run could be tried again at each of its lengths, and inline spans that cannot cross their own
# delimiter (an unclosed ``**`` stops at the next ``*``, not at the end of the paragraph).
# tests/reliability/test_markdown_linear_time.py holds 1 MB of each to a few seconds.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^\s{0,3}(`{3,}+|~{3,}+)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]++(.*))?$")  # closing #s: see _atx_heading
_SETEXT = re.compile(r"^\s{0,3}(=++|-++)[ \t]*+$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
_QUOTE = re.compile(r"\s{0,3}>[ \t]?")  # matched at a position, not only at the line's start
_LIST = re.compile(r"^\s*+(?:[-*+]|\d{1,9}[.)])[ \t]++(?:\[[ xX]\][ \t]++)?")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]++\]:\s*+\S.*$")
_TABLE_RULE = re.compile(
    r"^\s*+\|?+\s*+:?+-{3,}+:?+\s*+(?:\|\s*+:?+-{3,}+:?+\s*+)*+\|?+\s*+$"
)

_TARGET = r"\((?:[^()]|\([^()]*+\))*+\)"  # a link target, one level of (parentheses) inside
_IMAGE = re.compile(r"!\[[^\][]*+\]" + _TARGET + r"|!\[[^\][]*+\]\[[^\][]*+\]")
_LINK = re.compile(r"\[([^\][]*+)\]" + _TARGET + r"|\[([^\][]++)\]\[[^\][]*+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]++)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*+)?/?>")
_CODE = re.compile(r"(?<!`)(`++)([^`]++)\1(?!`)")
_STRONG = re.compile(r"\*\*(?=\S)([^*]+?)(?<=\S)\*\*|__(?=\S)([^_]+?)(?<=\S)__")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)([^~]+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")


def _strip_comments(text: str) -> str:
    """``<!-- … -->`` removed; an unclosed one is left as it is (found in one pass)."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break  # no comment after this one can close either
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def _atx_heading(content: str) -> str:
    """An ATX heading's text without its optional closing ``#`` run (CommonMark's rule)."""
    content = content.rstrip(" \t")
    bare = content.rstrip("#")
    if bare != content and (not bare or bare[-1] in " \t"):
        content = bare.rstrip(" \t")
    return content


_MARKUP_CHAR = re.compile(r"[!\[<`*_~\\]")  # none of these: no inline markup to remove


def _inline(text: str) -> str:
    if _MARKUP_CHAR.search(text) is None:
        return text
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", _strip_comments(text))
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    for _ in range(3):  # nested emphasis: ***x***, **_x_**
        text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
        text = _STRIKE.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def _front_matter(raw: str) -> tuple[str, dict[str, str]]:
    """YAML-style front matter (title/author/date/lang/outlet lines only; no YAML parser)."""
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(raw)
    if not m:
        return raw, meta
    keys = {
        "title": "title",
        "author": "author",
        "authors": "author",
        "byline": "author",
        "date": "date",
        "published": "date",
        "lang": "lang",
        "language": "lang",
        "outlet": "outlet",
        "publication": "outlet",
        "site": "outlet",
        "source": "outlet",
    }
    for line in m.group(1).split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        value = value.strip().strip("'\"").strip()
        if sep and key in keys and value and keys[key] not in meta:
            meta[keys[key]] = value
    if "date" in meta:
        date = re.match(r"\d{4}-\d{2}-\d{2}", meta["date"])
        if date and is_calendar_date(date.group(0)):
            meta["date"] = date.group(0)
        else:
            del meta["date"]
    return raw[m.end() :], meta


def markdown_to_text(raw: str) -> tuple[str, dict[str, str]]:
    """Strip Markdown markup; return one paragraph per line and front-matter metadata.

    Headings lose their ``#``, emphasis its ``*``/``_``, links keep their text, images and
    reference definitions are dropped, list items and block quotes become paragraphs of their
    own, lines of a paragraph are joined (Markdown's own rule) unless they end in a hard break.
    The first level-1 heading becomes the title (and, being a headline, stays in the text).
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    raw, meta = _front_matter(raw)
    reader = _MarkdownLines(meta)
    for line in raw.split("\n"):
        reader.feed(line)
    reader.flush()
    return "\n".join(reader.out), meta


class _MarkdownLines:
    """``markdown_to_text`` line by line: paragraphs gathered in ``para``, finished ones in ``out``."""

    def __init__(self, meta: dict[str, str]):
        self.meta = meta
        self.out: list[str] = []
        self.para: list[str] = []
        self.fence: str | None = None

    def flush(self) -> None:
        if self.para:
            self.out.append(_inline(" ".join(self.para)))
            self.para.clear()

    def feed(self, line: str) -> None:
        if self.fence is not None:
            if line.strip().startswith(self.fence):
                self.fence = None
            else:
                self.out.append(line)
            return
        m = _FENCE.match(line)
        if m:
            self.flush()
            self.fence = m.group(1)[0] * 3
            return
        if not line.strip():
            self.flush()
            return
        if _REFDEF.match(line) or "|" in line and _TABLE_RULE.match(line):
            return
        if self._heading(line):
            return
        if _RULE.match(line):
            self.flush()
            return
        self._body(line)

    def _heading(self, line: str) -> bool:
        """An ATX (``# …``) or setext (underlined) heading: its own line, the first level-1 the title."""
        m = _ATX.match(line)
        if m:
            self.flush()
            heading = _inline(_atx_heading(m.group(2) or ""))
            if len(m.group(1)) == 1 and "title" not in self.meta and heading.strip():
                self.meta["title"] = heading
            self.out.append(heading)
            return True
        if _SETEXT.match(line) and self.para:
            heading = _inline(" ".join(self.para))
            self.para.clear()
            if line.strip().startswith("=") and "title" not in self.meta and heading.strip():
                self.meta["title"] = heading
            self.out.append(heading)
            return True
        return False

    def _body(self, line: str) -> None:
        """A line of text: block-quote marks and list bullets dropped, a table row's cells joined."""
        body = line
        quoted_line = False
        start = 0
        while (q := _QUOTE.match(body, start)) is not None:
            start = q.end()
            quoted_line = True
        body = body[start:]
        if quoted_line and not body.strip():
            self.flush()
            return
        m = _LIST.match(body)
        if m:
            self.flush()
            body = body[m.end() :]
        elif "|" in body and body.strip().startswith("|"):
            self.flush()
            cells = [c.strip() for c in body.strip().strip("|").split("|")]
            self.out.append(_inline("  ".join(c for c in cells if c)))
            return
        hard_break = line.endswith("  ") or line.endswith("\\")
        self.para.append(body.rstrip("\\").strip())
        if hard_break:
            self.flush()
