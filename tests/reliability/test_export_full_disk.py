"""A full disk during an export: the previous file stays, no temporary file is left, one sentence.

The disk is faked full at each stage an export writes through: the writes themselves
(``os.write``), the sync (``os.fsync``, where NFS and delayed allocation report it) and the
close. Every format; then the command line in a real process, whose stderr must hold the
sentence and nothing else (no ``ZipFile.__del__`` traceback from XLSX).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_cases import build

from app.core.errors import CounterclaimError
from app.io.exporters import FORMATS
from app.ops.exporting import export

REPO = Path(__file__).resolve().parents[2]
PREVIOUS = b"the previous export, which must survive"


def _in(folder: Path, fd: int) -> bool:
    try:
        return os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder))
    except OSError:
        return False


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "sheet" and not p.name.startswith("sheet."))


@pytest.fixture
def small(project):
    build(project)
    return project


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell the export's file apart")
@pytest.mark.parametrize("after", [0, 100])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_full_disk_while_writing(small, out_dir, monkeypatch, fmt, after):
    target = out_dir / f"sheet.{fmt}"
    target.write_bytes(PREVIOUS)
    real_write = os.write
    budget = {"left": after}

    def full(fd, data):
        if not _in(out_dir, fd):
            return real_write(fd, data)
        if budget["left"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data)[: budget["left"]])  # a short write first: the rest must be retried
        budget["left"] -= n
        return n

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(CounterclaimError, match="the disk is full") as caught:
        export(small, fmt, target)
    assert "\n" not in str(caught.value)
    assert target.read_bytes() == PREVIOUS
    assert _leftovers(out_dir) == []


@pytest.mark.parametrize("stage", ["fsync", "close"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_full_disk_reported_only_at_sync_or_close(small, out_dir, monkeypatch, fmt, stage):
    target = out_dir / f"sheet.{fmt}"
    target.write_bytes(PREVIOUS)
    real = getattr(os, stage)

    def fails(fd):
        if _in(out_dir, fd):
            if stage == "close":
                real(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, stage, fails)
    with pytest.raises(CounterclaimError, match="the disk is full"):
        export(small, fmt, target)
    assert target.read_bytes() == PREVIOUS
    assert _leftovers(out_dir) == []


def test_a_new_export_on_a_full_disk_leaves_no_file(small, out_dir, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
                        if _in(out_dir, fd) else real_write(fd, data))
    for fmt in sorted(FORMATS):
        with pytest.raises(CounterclaimError, match="the disk is full"):
            export(small, fmt, out_dir / f"sheet.{fmt}")
    assert list(out_dir.iterdir()) == []


FAKE_FULL_DISK = """
import errno, os, sys
folder = sys.argv[1]
real = os.write
def write(fd, data):
    try:
        inside = os.readlink(f"/proc/self/fd/{fd}").startswith(folder)
    except OSError:
        inside = False
    if inside:
        raise OSError(errno.ENOSPC, "No space left on device")
    return real(fd, data)
os.write = write
from app.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_command_line_says_the_disk_is_full_and_nothing_else(project_path, out_dir, fmt):
    from app.store.database import Project

    with Project(project_path, create=True) as project:
        build(project)
    target = out_dir / f"sheet.{fmt}"
    target.write_bytes(PREVIOUS)
    result = subprocess.run(
        [sys.executable, "-c", FAKE_FULL_DISK, str(out_dir), "export", str(project_path), "-f", fmt, "-o", str(target)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "the disk is full" in lines[0], result.stderr
    assert "Wrote" not in result.stdout
    assert target.read_bytes() == PREVIOUS
    assert _leftovers(out_dir) == []
