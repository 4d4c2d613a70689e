"""Render every icon Counterclaim ships from its one SVG source.

    python scripts/make_icons.py          # or: make icons

reads  resources/icons/counterclaim.svg
writes resources/icons/counterclaim-<size>.png   16 24 32 48 64 128 256 512 (Linux hicolor, the window icon)
       resources/icons/counterclaim.ico          16–256, PNG-compressed entries (Windows, PyInstaller)
       resources/icons/counterclaim.icns         16–1024 incl. @2x (macOS, PyInstaller BUNDLE)

Rendering is Qt's own (QSvgRenderer into a QImage), so no extra dependency. The ICO and ICNS
containers are written here by hand: both are a small index followed by PNG payloads, and
Qt's ICO/ICNS writers are image-format plugins that a PySide6-Essentials install may lack.
Below 32 px the SVG group ``id="link"`` (the chain mark) is left out: at that size it is a
smudge, and the two balloons alone read better.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "counterclaim.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data: (type, pixel size).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512), (b"ic10", 1024),
)
SMALL = 32  # below this, the detail group is dropped


def _svg_for(size: int, svg: str) -> bytes:
    if size < SMALL:
        svg = re.sub(r'<g id="link".*?</g>', "", svg, flags=re.S)
    return svg.encode("utf-8")


def render_png(size: int, svg: str) -> bytes:
    """The icon at ``size`` × ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(_svg_for(size, svg)))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not an SVG Qt can render")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not encode a PNG")
    return bytes(buffer.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico: ICONDIR, one ICONDIRENTRY per size, then the PNG payloads (Vista+)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple .icns: 'icns' + total length, then (type, length incl. 8-byte header, PNG)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _write(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, paint engine)
    svg = SOURCE.read_text(encoding="utf-8")
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(size, svg) for size in sorted(wanted)}
    for size in PNG_SIZES:
        _write(ICONS / f"counterclaim-{size}.png", pngs[size])
    _write(ICONS / "counterclaim.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    _write(ICONS / "counterclaim.icns", icns_bytes(pngs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
