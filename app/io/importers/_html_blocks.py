"""What trafilatura leaves out between an article's paragraphs, put back.

trafilatura drops some blocks that carry the article's own words: a list of claims between
two paragraphs (``<ul><li>The army said …</li></ul>``), a figure caption, a table row, a
definition list — depending on the page, without a trace. And it writes tables as Markdown
(``| cell | cell |``), whose pipes are not the outlet's words.

:func:`restore_dropped_blocks` walks the page's blocks in order (minus the page furniture the
caller names), finds each in trafilatura's text, and puts every block that is missing, lies
between two blocks trafilatura kept, and reads as prose (four words or more, not mostly link
text) back after the block before it. :func:`untable` turns trafilatura's table rows into one
line per cell, as the plain walk writes them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection

from app.core.furniture import line_family, sentence_family
from app.core.segment import segment

_WORD = re.compile(r"\w+")
_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_WINDOW = 4000  # how far past the last block found the next one is looked for (characters)
_MIN_WORDS = 8  # a caption ("Supporters outside the court.") is shorter than a claim
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
_PROBE_WORDS = 8  # a long block is taken as kept when its first or last eight words are


def untable(text: str) -> str:
    """trafilatura's ``| a | b |`` rows as one line per cell, its ``|---|`` rules gone."""
    lines: list[str] = []
    for line in text.split("\n"):
        bare = line.strip()
        if _TABLE_RULE.match(bare):
            continue
        row = _TABLE_ROW.match(bare)
        if row is None:
            lines.append(line)
            continue
        for cell in _CELL_SPLIT.split(row.group(1)):
            cell = cell.strip().replace("\\|", "|")
            if cell:
                lines.append(cell)
    return "\n".join(lines)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _blocks(root, is_furniture: Callable, block_tags: Collection[str]) -> list[tuple[str, int]]:  # noqa: ANN001
    """The text of each block under ``root`` in order, and how much of it is link text."""
    blocks: list[tuple[str, int]] = []
    parts: list[str] = []
    linked = [0]

    def cut() -> None:
        text = " ".join("".join(parts).split())
        if text:
            blocks.append((text, min(linked[0], len(text))))
        parts.clear()
        linked[0] = 0

    def walk(element, in_link: bool) -> None:  # noqa: ANN001
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag and not is_furniture(element):
            block = tag in block_tags
            link = in_link or tag == "a"
            if block:
                cut()
            if element.text:
                parts.append(element.text)
                linked[0] += len(element.text.strip()) if link else 0
            for child in element:
                walk(child, link)
            if block:
                cut()
        if element.tail:
            parts.append(element.tail)
            linked[0] += len(element.tail.strip()) if in_link else 0

    walk(root, False)
    cut()
    return blocks


def _is_prose(text: str, linked: int) -> bool:
    """A dropped block comes back only when it reads as the article's sentences: enough
    words, mostly not links, ending like a sentence, and no page furniture (a photo's
    caption or credit, a byline-and-date line, a call to subscribe stay out)."""
    return (
        len(_WORD.findall(text)) >= _MIN_WORDS
        and linked * 2 < len(text)
        and _SENTENCE_END.search(text) is not None
        and line_family(text) is None
        and not any(sentence_family(text[sp.start : sp.end]) for sp in segment(text))
    )


def page_blocks(root, is_furniture: Callable, block_tags: Collection[str]) -> list[tuple[str, int]]:  # noqa: ANN001
    """The blocks of ``root`` (taken before trafilatura, which prunes the tree it is given)."""
    return _blocks(root, is_furniture, block_tags)


def _find(key: str, joined: str, pointer: int) -> tuple[int, int] | None:
    """Where ``key`` (or, for a long block trafilatura may have trimmed, its first or last
    eight words) is in ``joined`` shortly after ``pointer``: its start and end."""
    words = key.split(" ")
    probes = [key]
    if len(words) > 2 * _PROBE_WORDS:
        probes += [" ".join(words[:_PROBE_WORDS]), " ".join(words[-_PROBE_WORDS:])]
    window_end = pointer + len(key) + _WINDOW
    for probe in probes:
        at = joined.find(probe, pointer, window_end)
        if at != -1:
            return at, at + len(probe)
    return None


def restore_dropped_blocks(blocks: list[tuple[str, int]], text: str) -> str:
    """``text`` (trafilatura's, one block per line) with the prose ``blocks`` it dropped
    between two it kept put back, each on its own line after the one before it."""
    lines = text.split("\n")
    keys = [_key(line) for line in lines]
    starts: list[int] = []  # where each line's key begins in ``joined``
    offset = 0
    for key in keys:
        starts.append(offset)
        offset += len(key) + 1
    joined = " ".join(keys)
    first_line: dict[str, int] = {}
    for number, key in enumerate(keys):
        first_line.setdefault(key, number)

    found: list[int | None] = []  # per block: the line it was found on, or None
    pointer = 0
    for block, _linked in blocks:
        key = _key(block)
        line = None
        where = _find(key, joined, pointer) if key else None
        if where is not None:
            line = bisect.bisect_right(starts, where[0]) - 1
            pointer = where[1]
        elif key and key in first_line:  # moved by trafilatura, but there
            line = first_line[key]
        found.append(line)

    kept = [i for i, line in enumerate(found) if line is not None]
    if len(kept) < 2:
        return text
    after: dict[int, list[str]] = {}
    last_line = found[kept[0]]
    for i in range(kept[0] + 1, kept[-1]):
        line = found[i]
        if line is not None:
            last_line = max(last_line, line)
            continue
        block, linked = blocks[i]
        if _is_prose(block, linked):
            after.setdefault(last_line, []).append(block)
    if not after:
        return text
    out: list[str] = []
    for number, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(number, ()))
    return "\n".join(out)
