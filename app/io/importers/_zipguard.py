"""Checks on .docx/.odt containers before a parser sees them.

Both formats are ZIP archives of XML parts. Before python-docx or odfpy reads anything:

* the file must be a ZIP archive at all (an old .doc, or a password-protected Word file,
  is an OLE2 container instead);
* zip-bomb guard: the *declared* sizes in the archive's directory are checked — total
  uncompressed size, per-part compression ratio, number of parts. ``zipfile`` never inflates
  a part beyond its declared size (and checks its CRC), so the declared sizes bound memory;
* XML guard: OOXML and ODF never use a DTD, so any XML part whose prolog holds a
  ``<!DOCTYPE`` (the only place entities can be declared: billion laughs, external
  entities/XXE) is refused outright. The parsers are safe on their own as well (python-docx
  parses with ``resolve_entities=False``, odfpy through defusedxml) — this is a second wall
  and gives a clear sentence instead of a parser error.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ._common import MB, quoted, refuse

MAX_UNCOMPRESSED_BYTES = 300 * MB
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # uncompressed / compressed, for parts large enough to matter
RATIO_APPLIES_ABOVE = 2 * MB
PROLOG_LIMIT = 64 * 1024

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_checked_zip(path: Path, kind: str, resave_hint: str) -> zipfile.ZipFile:
    """Open ``path`` as a ZIP and run the bomb and XML checks; the caller closes it.

    ``kind`` names the format for messages ("a Word document (.docx)"); ``resave_hint`` is
    the advice for a file in an older or protected format.
    """
    name = quoted(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        raise refuse(f"{name} could not be read; check that the file still exists.") from None
    if head.startswith(_OLE2_MAGIC):
        raise refuse(f"{name} is not {kind}: it is an older or password-protected file; {resave_hint}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise refuse(f"{name} is not {kind}, or it is damaged; {resave_hint}") from None
    try:
        _check_members(archive, name, kind)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile, name: str, kind: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(f"{name} holds too many parts to be {kind}; it may be damaged or a trap.")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse(f"{name} is encrypted; open it in your word processor, save an unprotected copy and import that.")
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise refuse(
                f"{name} would unpack to more than {MAX_UNCOMPRESSED_BYTES // MB} MB, far more than an "
                "article needs; it may be damaged or a trap (a “zip bomb”)."
            )
        if info.file_size > RATIO_APPLIES_ABOVE and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise refuse(
                f"{name} is compressed suspiciously tightly for {kind}; it may be a trap (a “zip bomb”), "
                "so Counterclaim will not open it."
            )
    for info in infos:
        lower = info.filename.lower()
        if lower.endswith((".xml", ".rels")) and not info.is_dir():
            _check_prolog(archive, info, name)


_DECL = re.compile(rb"<\?.*?\?>", re.DOTALL)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    try:
        with archive.open(info) as member:
            head = member.read(PROLOG_LIMIT)
    except Exception:  # noqa: BLE001 - bad CRC, unsupported compression, truncated archive …
        raise refuse(f"{name} is damaged: part of it cannot be unpacked.") from None
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(encoding, "ignore").encode("utf-8")
            break
    else:
        if head[:2] == b"<\x00":
            head = head.decode("utf-16-le", "ignore").encode("utf-8")
        elif head[:2] == b"\x00<":
            head = head.decode("utf-16-be", "ignore").encode("utf-8")
    # Walk the prolog: XML declaration, processing instructions, comments, whitespace. The
    # first other markup is either the root element (fine) or a declaration such as DOCTYPE.
    pos = 0
    if head.startswith(b"\xef\xbb\xbf"):
        pos = 3
    while True:
        while pos < len(head) and head[pos : pos + 1].isspace():
            pos += 1
        if head.startswith(b"<?", pos):
            m = _DECL.match(head, pos)
        elif head.startswith(b"<!--", pos):
            m = _COMMENT.match(head, pos)
        else:
            break
        if m is None:  # prolog longer than we read: no real document does that
            raise refuse(f"{name} contains XML Counterclaim does not accept; it may be damaged or a trap.")
        pos = m.end()
    if head.startswith(b"<!", pos):
        raise refuse(
            f"{name} contains XML with a document type declaration, which word-processor files "
            "never have; it may be a trap, so Counterclaim will not open it."
        )
