"""QDPX sources have names any QDA program can use as a file name, and the zip unpacks as ordinary files."""

from __future__ import annotations

import stat
import zipfile
from xml.etree import ElementTree as ET

import pytest
from export_cases import TITLE_WITH_SLASH, build
from safety_article import add_article

from app.ops.exporting import export

NS = {"q": "urn:QDA-XML:project:1.0"}
FORBIDDEN = set('/\\:*?"<>|')
TITLES = ["../../etc/passwd", ".hidden", "CON", "nul.txt", "ع" * 300, "tab\there\x07bell", "trailing. . ", ""]


@pytest.fixture
def awkward(project):
    build(project)  # two articles with the same title holding / \ : ? " < > | *
    for i, title in enumerate(TITLES):
        add_article(project, [f"Sentence number {i}."], title=title or None, party=None, topic=None)
    return project


def _read(path):
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        infos = archive.infolist()
    return root, infos


def test_source_names_are_safe_unique_file_names(awkward, tmp_path):
    export(awkward, "qdpx", tmp_path / "x.qdpx")
    root, _ = _read(tmp_path / "x.qdpx")
    sources = list(root.iterfind(".//q:TextSource", NS))
    names = [s.get("name") for s in sources]
    assert len(names) == 2 + len(TITLES)
    for name in names:
        assert name and not (set(name) & FORBIDDEN), name
        assert all(ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F for ch in name), name
        assert not name.startswith((".", " ")) and not name.endswith((".", " ")), name
        assert len(name.encode("utf-8")) <= 130, name
        assert name.split(".")[0].upper() not in {"CON", "NUL", "PRN", "AUX"}, name
    assert len({n.casefold() for n in names}) == len(names)  # unique, even without regard to case
    first = next(s for s in sources if "Strikes 1_2" in s.get("name"))
    assert TITLE_WITH_SLASH in first.find("q:Description", NS).text  # the real title is kept


def test_zip_entries_are_ordinary_readable_files(awkward, tmp_path):
    export(awkward, "qdpx", tmp_path / "x.qdpx")
    _, infos = _read(tmp_path / "x.qdpx")
    assert infos
    for info in infos:
        mode = info.external_attr >> 16
        assert info.create_system == 3, info.filename
        assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644, (info.filename, oct(mode))
