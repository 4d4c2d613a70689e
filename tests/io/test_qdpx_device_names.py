"""No QDPX source is named after a Windows device, in any spelling Windows reads as one.

Windows opens a device, not a file, for CON, PRN, AUX, NUL, COM0–9 and LPT0–9 (with the
superscript digits ¹ ² ³ too), CONIN$, CONOUT$ and CLOCK$, whatever the case and whatever
extension follows ("LPT1.txt", "nul.tar.gz", "CON .txt"). A QDA program copying the source to
disk under that name would write to the device.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET
import zipfile

import pytest
from safety_article import add_article

from app.io.exporters._common import safe_file_name
from app.ops.exporting import export

DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$", "conin$", "Conout$"]
DEVICES += [f"{d}{n}" for d in ("COM", "LPT", "com", "Lpt") for n in ("0", "1", "9", "¹", "²", "³")]
SPELLINGS = ["{}", "{}.txt", "{}.tar.gz", "{} .txt", "{}. txt", "{}  ", " {}"]
NAMES = [s.format(d) for d in DEVICES for s in SPELLINGS]
# What Windows reads as a device: the part before the first dot, trailing spaces ignored.
WINDOWS_DEVICE = re.compile(r"(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?",
                            re.IGNORECASE)


@pytest.mark.parametrize("title", NAMES)
def test_no_device_name_survives(title):
    name = safe_file_name(title, "Article 1")
    assert not WINDOWS_DEVICE.fullmatch(name), name
    assert title.strip(" .").split(".")[0].strip().casefold() in name.casefold()  # the title is still readable


@pytest.mark.parametrize("title", ["Console", "Conference.txt", "COM10", "LPT", "Nullify", "Auxiliary", "COMa"])
def test_ordinary_names_are_kept(title):
    assert safe_file_name(title, "Article 1") == title


def test_the_qdpx_export_names_no_source_after_a_device(project, tmp_path):
    titles = ["CONIN$", "CONOUT$", "COM¹", "LPT1.txt", "lpt²", "nul .txt", "CLOCK$"]
    for i, title in enumerate(titles):
        add_article(project, [f"Sentence number {i}."], title=title, party=None, topic=None)
    export(project, "qdpx", tmp_path / "x.qdpx")
    with zipfile.ZipFile(tmp_path / "x.qdpx") as archive:
        root = ET.fromstring(archive.read("project.qde"))
    names = [s.get("name") for s in root.iterfind(".//{urn:QDA-XML:project:1.0}TextSource")]
    assert len(names) == len(titles)
    for name in names:
        assert not WINDOWS_DEVICE.fullmatch(name), name
