"""Icons, the .desktop entry, the MIME type and `make install-desktop` (no bundle needed)."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
LINUX = REPO / "resources" / "linux"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")


# -- icons --------------------------------------------------------------------------------


def test_svg_renders_and_every_png_has_its_size(qapp):
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(ICONS / "counterclaim.svg")).isValid()
    for size in SIZES:
        image = QImage(str(ICONS / f"counterclaim-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_ico_holds_every_windows_size():
    data = (ICONS / "counterclaim.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_is_well_formed():
    data = (ICONS / "counterclaim.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        assert data[offset + 8:offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


# -- the desktop entry and the file type --------------------------------------------------


def test_desktop_entry_claims_counterclaim_files():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(LINUX / "counterclaim.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "Counterclaim %f"
    assert entry["Icon"] == "counterclaim"
    assert "application/x-counterclaim" in entry["MimeType"].split(";")
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(LINUX / "counterclaim.desktop")], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_mime_type_matches_real_project_files(project_path):
    root = ET.parse(LINUX / "counterclaim-mime.xml").getroot()
    kind = root.find("m:mime-type", MIME_NS)
    assert kind.get("type") == "application/x-counterclaim"
    assert kind.find("m:glob", MIME_NS).get("pattern") == "*.counterclaim"
    outer = kind.find("m:magic/m:match", MIME_NS)
    inner = outer.find("m:match", MIME_NS)

    from app.store.database import Project

    with Project(project_path, create=True):
        pass
    header = project_path.read_bytes()[:100]
    assert header.startswith(outer.get("value").replace("\\0", "\0").encode())
    offset, value = int(inner.get("offset")), int(inner.get("value"), 16)
    assert struct.unpack_from(">I", header, offset)[0] == value, "application_id differs from the MIME magic"


# -- installing for the current user ------------------------------------------------------


@pytest.fixture
def fake_app(tmp_path) -> Path:
    """A stand-in program in a folder with a space, to exercise Exec quoting."""
    folder = tmp_path / "My Apps" / "Counterclaim"
    folder.mkdir(parents=True)
    program = folder / "Counterclaim"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


@linux_only
@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_make_install_desktop_into_a_staging_root(tmp_path, fake_app):
    stage = tmp_path / "stage"
    done = subprocess.run(
        ["make", "--no-print-directory", "install-desktop", f"DESTDIR={stage}", f"APP={fake_app}",
         "PREFIX=/home/reporter/.local"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    share = stage / "home/reporter/.local/share"
    entry = (share / "applications/counterclaim.desktop").read_text(encoding="utf-8")
    assert f'Exec="{fake_app}" %f' in entry
    assert f"TryExec={fake_app}" in entry
    assert (share / "mime/packages/counterclaim.xml").exists()
    for size in SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/counterclaim.png").exists()
        assert (share / f"icons/hicolor/{size}x{size}/mimetypes/application-x-counterclaim.png").exists()
    assert (share / "icons/hicolor/scalable/apps/counterclaim.svg").exists()
    link = stage / "home/reporter/.local/bin/counterclaim"
    assert link.is_symlink() and Path(os.readlink(link)) == fake_app
    if shutil.which("update-mime-database"):
        generated = share / "mime/application/x-counterclaim.xml"
        assert generated.exists(), "update-mime-database did not register the type"
        assert "*.counterclaim" in (share / "mime/globs2").read_text()


@linux_only
def test_uninstall_removes_what_install_wrote(tmp_path, fake_app):
    env = {**os.environ, "DESTDIR": str(tmp_path / "stage"), "PREFIX": "/p", "APP": str(fake_app)}
    script = LINUX / "install-desktop.sh"
    assert subprocess.run(["sh", str(script)], env=env, capture_output=True).returncode == 0
    assert subprocess.run(["sh", str(script), "--uninstall"], env=env, capture_output=True).returncode == 0
    share = tmp_path / "stage/p/share"
    assert not (share / "applications/counterclaim.desktop").exists()
    assert not (share / "mime/packages/counterclaim.xml").exists()
    assert not list(share.glob("icons/hicolor/*/apps/counterclaim.*"))
    assert not (tmp_path / "stage/p/bin/counterclaim").exists()


@linux_only
def test_install_refuses_a_missing_program(tmp_path):
    env = {**os.environ, "DESTDIR": str(tmp_path), "APP": str(tmp_path / "nope" / "Counterclaim")}
    done = subprocess.run(["sh", str(LINUX / "install-desktop.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 1
    assert "make bundle" in done.stderr
