"""Markup nested too deeply to parse whole, made shallow enough, without losing a word.

lxml (libxml2) stops building a page's tree at 256 levels (2,048 with ``huge_tree``) and
drops everything after the deep block; Python code walking a tree that deep runs out of
recursion. :func:`flatten` removes the element tags below ``max_depth`` — a block tag becomes
a ``<br>`` so paragraphs stay apart, an inline tag goes — and keeps every piece of text.
Scripts, styles and the like that deep go whole (they are never article text).

The depth is counted naively (an unclosed ``<p>`` counts until its parent closes), so this is
for pages that really are too deep, not for every page.
"""

from __future__ import annotations

import re

#: Deeper than this, tags are flattened (lxml's own limit is 256; trafilatura and the plain
#: walk recurse once per level).
MAX_DEPTH = 160

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<[!?][^>]*>"  # a doctype, a processing instruction, a CDATA start
    r"|<(/?)([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",  # a tag, quoted attributes
    re.DOTALL,
)
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_RAW = frozenset("script style template noscript iframe noembed noframes textarea title xmp".split())
# Of those, the ones whose content libxml2 parses as markup (so it can nest as deep as any):
# never article text (a template is never shown; noscript is dropped as clutter), so they go
# whole, up to the end tag that matches them.
_INERT = frozenset(("template", "noscript"))
_BLOCK = frozenset(
    "p div section article main blockquote pre li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tr td th "
    "thead tbody tfoot caption figure figcaption address center details summary fieldset legend "
    "header footer aside nav form body html".split()
)


def flatten(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """``markup`` with no element nested deeper than ``max_depth``; all its text kept."""
    out: list[str] = []
    stack: list[str] = []  # open elements kept
    dropped: dict[str, int] = {}  # open elements removed, awaiting their end tags
    pos = 0
    while True:
        m = _TOKEN.search(markup, pos)
        if m is None:
            out.append(markup[pos:])
            break
        out.append(markup[pos : m.start()])
        pos = m.end()
        name = (m.group(2) or "").lower()
        if not name:  # comment, doctype, processing instruction: as they are
            out.append(m.group(0))
            continue
        closing = m.group(1) == "/"
        self_closing = m.group(3).rstrip().endswith("/")
        if not closing and name in _INERT:
            pos = _matching_end(markup, name, pos)
            continue
        if not closing and name in _RAW:
            end = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(markup, pos)
            stop = end.end() if end else len(markup)
            if len(stack) < max_depth:
                out.append(markup[m.start() : stop])
            pos = stop
            continue
        if name in _VOID or self_closing:
            out.append(m.group(0))
            continue
        if not closing:
            if len(stack) < max_depth:
                stack.append(name)
                out.append(m.group(0))
            else:
                dropped[name] = dropped.get(name, 0) + 1
                out.append("<br>" if name in _BLOCK else "")
            continue
        if dropped.get(name):
            dropped[name] -= 1  # the innermost open one of that name is a removed one
            out.append("<br>" if name in _BLOCK else "")
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name) :]  # closes what it encloses,
            dropped.clear()  # the removed ones (all deeper) among it
            out.append(m.group(0))
        else:
            out.append(m.group(0))  # a stray end tag: the parser ignores it
    return "".join(out)


def _matching_end(markup: str, name: str, pos: int) -> int:
    """Where the element ``name`` opened just before ``pos`` ends, nested ones counted."""
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.IGNORECASE)
    depth = 1
    for m in tags.finditer(markup, pos):
        depth += -1 if m.group(1) else (0 if m.group(0).endswith("/>") else 1)
        if depth == 0:
            return m.end()
    return len(markup)
