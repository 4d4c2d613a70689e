"""What every importer shares: limits, refusals in plain words, bounded reads, decoding.

Limits are checked with ``os.stat`` *before* a file is opened, and reads are bounded again
while reading, so memory stays bounded even if a file grows after the check.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import os
import re
import stat
from pathlib import Path, PurePath

from app.core.errors import ImportRefused

MB = 1024 * 1024

#: Text-like files (.txt .md .html): the file itself is the text, so this is the text cap.
MAX_TEXT_FILE_BYTES = 20 * MB
#: Containers (.docx .odt .pdf) carry images and fonts besides the text.
MAX_CONTAINER_FILE_BYTES = 100 * MB
#: Whatever the format, the extracted article text may not exceed this many characters.
MAX_TEXT_CHARS = 20 * MB
#: Pasted text, in characters.
MAX_PASTE_CHARS = 20 * MB


def quoted(path: str | os.PathLike[str]) -> str:
    """The file name as a journalist sees it, in curly quotes: “notes.txt”."""
    name = (path.name if isinstance(path, PurePath) else Path(path).name) or os.fspath(path)
    return f"“{name}”"


def too_deep_sentence(name: str) -> str:
    """The refusal of a document nested past what can be read (not a damaged one)."""
    return (
        f"{name} is nested too deeply for Counterclaim to read (more than 2,000 levels of tables, "
        "lists, sections or styles inside each other); copy its text into a new document and "
        "import that."
    )


def refuse(message: str) -> ImportRefused:
    return ImportRefused(message)


#: Where the format libraries' own messages go: the debug log, never the user's terminal.
library_log = logging.getLogger("counterclaim.import.libraries")


class _ToDebugLog(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):  # a library's badly formatted message is no crash
            library_log.debug("%s %s: %s", record.name, record.levelname, record.getMessage())


def quiet_libraries(*names: str) -> None:
    """Only Counterclaim's own sentences reach the user: a format library's warnings
    ("incorrect startxref pointer") are kept at debug level under :data:`library_log`
    instead of Python's last-resort print to stderr."""
    for name in names:
        logger = logging.getLogger(name)
        logger.propagate = False
        if not any(isinstance(h, _ToDebugLog) for h in logger.handlers):
            logger.addHandler(_ToDebugLog())


def _megabytes(size: int) -> str:
    value = size / MB
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def checked_stat(path: Path, *, max_bytes: int, what: str) -> os.stat_result:
    """Stat ``path`` and refuse anything that is not a readable, non-empty, not-too-big file.

    ``what`` names the kind of file in the size message ("text files", "PDF files").
    """
    name = quoted(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise refuse(f"{name} could not be found; it may have been moved, renamed or deleted.") from None
    except PermissionError:
        raise refuse(f"Counterclaim is not allowed to open {name}; check the file's permissions.") from None
    except (OSError, ValueError):
        raise refuse(f"{name} could not be opened; check that the file and its folder still exist.") from None
    if stat.S_ISDIR(st.st_mode):
        raise refuse(f"{name} is a folder, not a file; choose the article files inside it.")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs, devices, sockets: reading them could block forever or never end.
        raise refuse(f"{name} is not an ordinary file, so Counterclaim cannot import it.")
    if st.st_size == 0:
        raise refuse(f"{name} is empty: there is no text to import.")
    if st.st_size > max_bytes:
        raise refuse(
            f"{name} is {_megabytes(st.st_size)} MB; Counterclaim imports {what} up to "
            f"{_megabytes(max_bytes)} MB — split it into smaller files first."
        )
    if not os.access(path, os.R_OK):
        raise refuse(f"Counterclaim is not allowed to open {name}; check the file's permissions.")
    return st


def read_bounded(path: Path, max_bytes: int, what: str) -> bytes:
    """Read a whole (already :func:`checked_stat`-ed) file, never more than ``max_bytes``."""
    name = quoted(path)
    try:
        # O_NONBLOCK: should the file have been swapped for a pipe since it was checked, the
        # open does not wait for a writer, and fstat below refuses it (no effect on a file).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise refuse(f"{name} is not an ordinary file, so Counterclaim cannot import it.")
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise refuse(f"Counterclaim is not allowed to open {name}; check the file's permissions.") from None
    except OSError:
        raise refuse(f"{name} could not be read; the disk or network share may be unavailable.") from None
    if len(data) > max_bytes:
        raise refuse(
            f"{name} is larger than {_megabytes(max_bytes)} MB; Counterclaim imports {what} up to "
            f"{_megabytes(max_bytes)} MB — split it into smaller files first."
        )
    if not data:
        raise refuse(f"{name} is empty: there is no text to import.")
    return data


def check_text_size(text: str, path: str | os.PathLike[str] | None) -> None:
    if len(text) > MAX_TEXT_CHARS:
        subject = quoted(path) if path is not None else "The pasted text"
        raise refuse(
            f"{subject} holds more than {_megabytes(MAX_TEXT_CHARS)} MB of text; Counterclaim "
            "imports articles up to that size — split it into smaller files first."
        )


# ---------------------------------------------------------------------------------------------
# Decoding plain text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in real text (tab, newlines, form feed and ESC-free
# text aside). Their share tells text from binary data.
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as every other byte being NUL in Latin-script text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    encoding = None
    if odd_nul > 0.4 and even_nul < 0.05:
        encoding = "utf-16-le"
    elif even_nul > 0.4 and odd_nul < 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_non_ascii_letters(text: str) -> bool:
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if len(letters) < 20:
        return False
    return sum(1 for ch in letters if ord(ch) > 127) / len(letters) > 0.3


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a pinned dependency
        return None
    try:
        best = from_bytes(data[: 2 * MB]).best()
    except Exception:  # noqa: BLE001 - a guess that fails is no guess
        return None
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape shows it


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 but for a few stray bytes: the text with each broken character replaced by
    U+FFFD, and how many bytes were stray.

    "A few" is at most three, or one in a thousand bytes, and no more than the valid
    non-ASCII UTF-8 characters around them: those say the file was written as UTF-8 (a
    Windows-1252 file almost never holds one). Text without them (a lone 0x92 apostrophe in
    ASCII) is Windows-1252's to read. None when the bytes are not that.
    """
    text = data.decode("utf-8", "replace")
    # Bytes, not replacement marks: a character cut short (two bytes of three) is one mark.
    strays = len(_ESCAPED_BYTE.findall(data.decode("utf-8", "surrogateescape")))
    if strays <= 0 or strays > max(3, len(data) // 1000):
        return None
    ascii_chars = len(data) - len(data.translate(None, bytes(range(128))))
    valid_non_ascii = len(text) - ascii_chars - text.count("\ufffd")
    marks = text.count("\ufffd") - data.count("\ufffd".encode())  # broken characters
    if valid_non_ascii < marks:
        return None
    return text, strays


def stray_bytes_note(path: Path, strays: int) -> str:
    """The one warning for :func:`mostly_utf8` text."""
    what = "1 byte that is not" if strays == 1 else f"{strays} bytes that are not"
    shown = "it was" if strays == 1 else "they were"
    return (
        f"{quoted(path)} is UTF-8 text with {what}; {shown} replaced by “\ufffd” — check the "
        "article against the original there."
    )


def decode_text(data: bytes, path: Path) -> str:
    """:func:`decode_text_noting` without its warnings."""
    return decode_text_noting(data, path)[0]


def decode_text_noting(data: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    """Decode the bytes of a plain-text file, or refuse it as not text; and the warnings.

    The ladder, most reliable first: a BOM (UTF-8, UTF-16 LE/BE, UTF-32) → strict UTF-8 →
    BOM-less UTF-16 (NUL pattern) → UTF-8 with a few stray bytes replaced (see
    :func:`mostly_utf8`; the one warning says so) → Windows-1252 (which covers Latin-1 and
    gives curly quotes for 0x93/0x94 and € for 0x80). charset-normalizer is asked only when
    Windows-1252 cannot decode the bytes or the result looks like another script read as
    Latin (e.g. Arabic Windows-1256 shown as "ÇáÚÑÈíÉ").
    """
    name = quoted(path)
    text: str | None = None
    warnings: tuple[str, ...] = ()
    checked: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                stray = mostly_utf8(data[len(bom) :]) if encoding == "utf-8" else None
                if stray is not None:  # as without the BOM: replaced, and said so
                    text, count = stray
                    checked = text.replace("\ufffd", "")
                    warnings = (stray_bytes_note(path, count),)
                    break
                raise refuse(
                    f"{name} says it is {encoding.upper().replace('-LE', '').replace('-BE', '')} "
                    "text but contains bytes that are not; it may be damaged or not a text file."
                ) from None
            break
    if text is None and b"\x00" in data:
        # NUL bytes are valid UTF-8 but never occur in text: BOM-less UTF-16, binary data, or
        # (a stray one or two in an otherwise valid UTF-8 file) a glitch that cleaning removes.
        text = _utf16_without_bom(data)
        if text is None and data.count(0) <= max(1, len(data) // 1000):
            try:
                text = data.replace(b"\x00", b"").decode("utf-8")
            except UnicodeDecodeError:
                text = None
        if text is None:
            raise refuse(f"{name} does not contain text; it looks like a binary file that was renamed.")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if not warnings:
        checked = text
    if text is None:
        stray = mostly_utf8(data)
        if stray is not None:
            text, count = stray
            checked = text.replace("\ufffd", "")  # the replaced bytes are not binary data
            warnings = (stray_bytes_note(path, count),)
    if text is None:
        try:
            text = data.decode("cp1252")
            if _mostly_non_ascii_letters(text):
                text = _charset_normalizer_guess(data) or text
        except UnicodeDecodeError:
            text = _charset_normalizer_guess(data)
        checked = text
    if text is None:
        raise refuse(f"{name} is not in a text encoding Counterclaim recognises; save it as UTF-8 and import it again.")
    if looks_binary(checked):
        raise refuse(f"{name} does not contain text; it looks like a binary file that was renamed.")
    return text, warnings


def looks_binary(text: str) -> bool:
    """More than 1 % control characters (or any NUL) means binary data, not an article."""
    if not text:
        return False
    sample = text[: 64 * 1024]
    if "\x00" in sample:
        return True
    if _BINARY_CHARS.search(sample) is None:  # the common case: not one
        return False
    bad = len(_BINARY_CHARS.findall(sample))
    return bad > max(1, len(sample) // 100)


_STEM_BREAKS = re.compile(r"[_\s]+|(?<=\w)-(?=\w)")
_SPACES = re.compile(r"\s+")


def prettify_stem(path: Path) -> str | None:
    """A title from a file name: "pakistan_iran-strikes" → "Pakistan iran strikes"."""
    stem = _STEM_BREAKS.sub(" ", path.stem).strip(" .-")
    stem = _SPACES.sub(" ", stem)
    if not stem:
        return None
    if stem == stem.lower():
        stem = stem[0].upper() + stem[1:]
    return stem
