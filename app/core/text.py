"""Pure text cleaning: the one place that decides what an article's stored text looks like.

Every importer ends in :func:`clean_text`, so the rules below hold for every article:

* one paragraph per line, lines joined by a single ``"\\n"``, no blank lines, no leading or
  trailing whitespace on a line, runs of spaces/tabs/other Unicode spaces folded to one space;
* NFC; no C0/C1 control characters except the newline; no BOM, no soft hyphen, no lone
  surrogate; ``\\r\\n``, ``\\r``, U+2028, U+2029, U+0085, vertical tab and form feed become a
  line break — so ``text.split("\\n") == text.splitlines()`` for every cleaned text;
* curly quotes, zero-width joiners and every script (Arabic, Urdu, Persian, CJK, emoji …)
  are kept exactly as they are.

Stdlib only: this module is part of ``app.core``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from app.core.language import primary

__all__ = ["clean_text", "split_byline", "fingerprint", "looks_like_headline", "reflow"]

# Characters that end a line wherever they appear.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Dropped outright: C0 controls except tab/newline (tab becomes a space later), DEL, the C1
# block (NEL U+0085 is turned into a newline before this runs), BOM/ZWNBSP, soft hyphen and
# lone surrogates (they cannot be stored as UTF-8).
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\ufeff\ud800-\udfff]")
# Horizontal whitespace: everything ``str.isspace`` accepts except the newline (the line-break
# characters are already gone). Folded to a single ASCII space.
_HSPACE = re.compile("[^\\S\n]+")
# Every character str.isspace() accepts but the newline, spelled out (a test checks the list
# against str.isspace): a class of listed characters is several times faster for re than
# "[^\\S\n]". What folding changes: a run of two or more, or one that is not an ASCII space.
_HSPACE_CHARS = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_HSPACE_CHANGE = re.compile(f"[{_HSPACE_CHARS}]{{2,}}|[{_HSPACE_CHARS.replace(' ', '')}]")
# Whitespace other than the space and the newline: with no run of two spaces either,
# folding would change nothing (the common case), and this search is cheap.
_OTHER_HSPACE = re.compile(f"[{_HSPACE_CHARS.replace(' ', '')}]")
# Any character _LINE_BREAKS would change: most texts have none, and a search is cheaper.
_ANY_LINE_BREAK = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")


def _normalise_lines(raw: str) -> list[str]:
    """Line-level normalisation shared by :func:`clean_text` and :func:`reflow`."""
    text = _LINE_BREAKS.sub("\n", raw) if _ANY_LINE_BREAK.search(raw) else raw
    text = _DROP.sub("", text)
    # NFC after the removals, so that a dropped control character between a letter and a
    # combining mark cannot leave a non-NFC pair behind.
    text = unicodedata.normalize("NFC", text)
    # Folding runs never crosses a line (they hold no newline), so it is done once on the
    # whole text, and only where it changes something: a lone ASCII space is left alone.
    if "  " in text or _OTHER_HSPACE.search(text):
        text = _HSPACE_CHANGE.sub(" ", text)
    return [line.strip() for line in text.split("\n")]


def clean_text(raw: str, *, reflow_paragraphs: bool = True) -> str:
    """Return ``raw`` as final article text (see the module docstring for the rules).

    With ``reflow_paragraphs`` (the default, right for plain text and pasted text) a
    hard-wrapped text — blank lines between blocks of several lines — is re-joined into one
    line per paragraph; see :func:`reflow`. Importers that already know the paragraph
    structure (HTML, DOCX, ODT, Markdown) pass ``False``: every line is kept as a paragraph.

    Idempotent: ``clean_text(clean_text(x)) == clean_text(x)``.
    """
    lines = _normalise_lines(raw)
    if reflow_paragraphs:
        lines = reflow(lines)
    text = "\n".join(line for line in lines if line)
    # Joining lines can, in rare cases, put a combining mark after a space and change nothing
    # for NFC, but be exact: normalise once more so the result is a fixed point.
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------------------------
# Hard-wrapped text


def _first_word_len(line: str) -> int:
    return len(line.split(" ", 1)[0])


def join_wrapped(paragraph: str, line: str) -> str:
    """Continue a paragraph with its next wrapped line: with a space, or with nothing after
    a word broken by a hyphen ("well-" + "known")."""
    if len(paragraph) > 1 and paragraph.endswith("-") and paragraph[-2].isalpha() and line[:1].isalpha():
        return paragraph + line
    return paragraph + " " + line


def reflow(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped paragraphs; leave one-paragraph-per-line text alone.

    ``lines`` are stripped lines, ``""`` for a blank line. The heuristic:

    * the text is *wrapped* only if blank lines separate its blocks and at least half of the
      blocks (and at least one) have several lines. Text where every line is a paragraph —
      with or without blank lines between them — is returned unchanged.
    * inside a block of a wrapped text, a line break is kept only where the line stopped
      well short of the wrap width (so the next word would have fitted): that is a
      deliberate break, e.g. a headline above a dateline. Otherwise the lines are joined with
      a space, or with nothing after a word broken by a hyphen ("well-" + "known").
    """
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if len(blocks) < 2:
        return [line for line in lines if line]
    multi = [b for b in blocks if len(b) > 1]
    if not multi or len(multi) * 2 < len(blocks):
        return [line for line in lines if line]

    # Wrap width: the longest line inside multi-line blocks (ignoring a single outlier by
    # taking the second longest when there are many lines).
    lengths = sorted((len(line) for b in multi for line in b), reverse=True)
    width = lengths[1] if len(lengths) > 10 else lengths[0]

    out: list[str] = []
    for block in blocks:
        para = block[0]
        for prev, line in zip(block, block[1:]):
            deliberate = len(prev) + 1 + _first_word_len(line) < 0.75 * width
            if deliberate:
                out.append(para)
                para = line
            else:
                para = join_wrapped(para, line)
        out.append(para)
    return out


# ---------------------------------------------------------------------------------------------
# Byline and headline

_BYLINE_PREFIX = re.compile(r"^(?:by(?:line)?\s*:\s*|by\s+)(?P<who>.+)$", re.IGNORECASE)
# Lower-case words that may appear inside a name list ("Jane Doe and John Roe of Reuters").
_NAME_CONNECTORS = {
    "and", "&", "of", "the", "in", "for", "with", "at", "de", "da", "di", "del", "van", "von",
    "der", "den", "le", "la", "du", "al", "el", "bin", "ibn", "y", "e", "staff", "correspondent",
    "reporter", "writer", "editor", "desk", "agencies", "news", "from",
}
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$")
_INITIAL_END = re.compile(r"(?:\b\w|\bJr|\bSr)\.$")


def _is_byline_name(who: str) -> bool:
    """True if ``who`` (the part after "By") reads as a list of names, not a sentence."""
    who = who.strip()
    if not who or len(who) > 120:
        return False
    if _SENTENCE_END.search(who) and not _INITIAL_END.search(who):
        return False
    words = [w.strip(",;|/()[]'\"“”‘’-–—") for w in who.split()]
    words = [w for w in words if w]
    if not words or len(words) > 14:
        return False
    first = words[0]
    if first[0].isalpha() and first[0].islower():
        return False  # "By the time…", "by contrast…"
    alpha_words = [w for w in words if w[0].isalpha()]
    if not alpha_words:
        return False
    name_like = sum(
        1
        for w in alpha_words
        # Capitalised, all caps, or a caseless script (Arabic, Urdu, CJK…)
        if not w[0].islower() or w.casefold() in _NAME_CONNECTORS
    )
    # Sentences have lower-case verbs; names do not. Allow one stray lower-case word.
    return len(alpha_words) - name_like <= (1 if len(alpha_words) >= 5 else 0)


def _byline_of(line: str) -> str | None:
    m = _BYLINE_PREFIX.match(line.strip())
    if not m:
        return None
    who = m.group("who").strip()
    return who if _is_byline_name(who) else None


def looks_like_headline(line: str) -> bool:
    """A short line without a final full stop, question mark aside: "Pakistan strikes Iran".

    Questions ("Is this war?") and exclamations are allowed, a full stop, colon, semicolon or
    comma at the end is not (those lines are sentences or lead-ins).
    """
    line = line.strip()
    if not line or len(line) > 150 or len(line.split()) > 22:
        return False
    if re.search(r"[.,;:…]['\"”’)]*$", line):
        return False
    return any(ch.isalpha() for ch in line)


def split_byline(text: str) -> tuple[str | None, str]:
    """Take a byline off the top of ``text``: ``("World News DESK", rest)``.

    Recognised: "By World News DESK", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Reuters",
    "Byline: Jane Doe", "By: Jane Doe" — on the first line, or on the second line under a
    headline-like first line. "By Thursday, the army had…" is a sentence and is left alone.
    Returns ``(None, text)`` unchanged when there is no byline. ``text`` is expected to be
    cleaned already (one paragraph per line).
    """
    lines = text.split("\n")
    candidates = [0]
    if len(lines) > 2 and looks_like_headline(lines[0]):
        candidates.append(1)
    for index in candidates:
        if index >= len(lines):
            break
        who = _byline_of(lines[index])
        if who is not None:
            rest = lines[:index] + lines[index + 1 :]
            return who, "\n".join(rest)
    return None, text


# ---------------------------------------------------------------------------------------------
# Duplicate detection

_QUOTES = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‹": "'", "›": "'",
    }
)
_WS = re.compile(r"\s+")


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of a normalised form of ``text``, to spot the same article imported twice.

    Normalised: control characters and BOM dropped, NFC, quotes unified (curly, low-9,
    guillemets and primes to ``'`` / ``"``), every run of whitespace — newlines included —
    folded to one space, ends stripped, casefolded. So the same article saved as .txt and as
    .html, or pasted with different line breaks, gives the same fingerprint.
    """
    # Same steps as ever (the fingerprints of stored articles must not change), done the
    # fast way: str.translate with a dict costs a lookup per character, a replace per
    # quote mark present costs almost nothing; " ".join(split()) is the regex fold of
    # whitespace (both use str.isspace) with the ends stripped.
    if _ANY_LINE_BREAK.search(text):  # the newline they become is folded below anyway
        text = _LINE_BREAKS.sub("\n", text)
    text = _DROP.sub("", text)
    text = unicodedata.normalize("NFC", text)
    for mark, plain in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, plain)
    text = " ".join(text.split()).casefold()
    text = unicodedata.normalize("NFC", text)  # casefolding can decompose ("İ" → "i̇")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_QUOTE_PAIRS = tuple((chr(code), plain) for code, plain in _QUOTES.items())


# languages written right to left (primary BCP 47 subtags)
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"})


def is_right_to_left(text: str, language: str | None = None) -> bool:
    """Whether ``text`` reads right to left: its language says so, or its first letter of a
    definite direction is Arabic-script or Hebrew (Unicode bidirectional class R or AL), as a
    paragraph's direction is found (the Unicode bidirectional algorithm, rule P2)."""
    if primary(language) in RTL_LANGUAGES:
        return True
    for ch in text[:2000]:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
