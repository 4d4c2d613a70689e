"""`-o -` and `-o /dev/stdout` write to standard output; a path that exists or is a device gets no suffix.

Through the real command line, in its own process, with standard output a pipe, a file or a
terminal (a pseudo-terminal), so what the shell sees is what is tested.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from export_cases import CONFIRMED, build

from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def small(project_path):
    with Project(project_path, create=True) as project:
        build(project)
    return project_path


def cli(*args, **kwargs) -> subprocess.CompletedProcess:
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], timeout=120, cwd=REPO,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, **kwargs)


@pytest.fixture
def no_stray_files():
    """The old bug wrote /dev/stdout.csv (and -.csv): remove any such file this test made."""
    strays = [Path("/dev/stdout.csv"), Path("/dev/stdout.md"), REPO / "-.csv", REPO / "-.json"]
    existed = {p for p in strays if p.exists()}
    yield
    for path in strays:
        if path.exists() and path not in existed:
            path.unlink()


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_text_formats_go_to_standard_output(small, tmp_path, name, no_stray_files):
    result = cli("export", small, "-f", "csv", "-o", name)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "Statement" and CONFIRMED in [r[6] for r in rows[1:]]
    assert b"Wrote standard output" in result.stderr  # the summary never mixes into the data
    assert not Path("/dev/stdout.csv").exists() and not Path("-.csv").exists()
    assert not (REPO / "-.csv").exists() and not (REPO / "-").exists()
    result = cli("export", small, "-f", "json", "-o", name)
    assert json.loads(result.stdout)["statements"][0]["text"] == CONFIRMED


def test_standard_output_redirected_to_a_file(small, tmp_path, no_stray_files):
    out = tmp_path / "from-shell.md"
    with open(out, "wb") as handle:
        result = cli("export", small, "-f", "md", "-o", "/dev/stdout", stdout=handle, stderr=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    assert CONFIRMED in out.read_text(encoding="utf-8")
    assert Path("/dev/stdout").is_symlink() and not Path("/dev/stdout.md").exists()  # /dev is untouched


@pytest.mark.parametrize("fmt", ["xlsx", "qdpx", "pdf"])
def test_binary_formats_go_to_a_pipe(small, fmt):
    result = cli("export", small, "-f", fmt, "-o", "-")
    assert result.returncode == 0, result.stderr
    if fmt == "pdf":
        assert result.stdout.startswith(b"%PDF") and result.stdout.rstrip().endswith(b"%%EOF")
    else:
        assert zipfile.ZipFile(io.BytesIO(result.stdout)).testzip() is None


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "qdpx"])
def test_binary_formats_are_refused_on_a_terminal(small, fmt):
    leader, follower = os.openpty()
    try:
        result = cli("export", small, "-f", fmt, "-o", "-", stdout=follower, stderr=subprocess.PIPE)
    finally:
        os.close(follower)
    os.set_blocking(leader, False)
    try:
        shown = os.read(leader, 65536)
    except OSError:
        shown = b""
    os.close(leader)
    assert result.returncode == 1
    assert b"would garble the terminal" in result.stderr and b"Traceback" not in result.stderr
    assert b"PK" not in shown and b"%PDF" not in shown


@pytest.mark.parametrize("fmt", ["pdf", "csv", "xlsx"])
def test_dev_null_gets_no_suffix_and_stays_a_device(small, fmt):
    leftover = Path(f"/dev/null.{fmt}")
    existed = leftover.exists()
    try:
        result = cli("export", small, "-f", fmt, "-o", "/dev/null")
        assert result.returncode == 0, result.stderr
        assert not leftover.exists() or existed
        assert Path("/dev/null").is_char_device()
    finally:
        if leftover.exists() and not existed:
            leftover.unlink()


def test_an_existing_file_without_suffix_is_written_as_named(small, tmp_path):
    target = tmp_path / "notes"
    target.write_text("old")
    result = cli("export", small, "-f", "csv", "-o", target)
    assert result.returncode == 0, result.stderr
    assert CONFIRMED in target.read_text(encoding="utf-8-sig")
    assert not (tmp_path / "notes.csv").exists()
    new = tmp_path / "fresh"
    assert cli("export", small, "-f", "csv", "-o", new).returncode == 0
    assert (tmp_path / "fresh.csv").is_file() and not new.exists()  # a new name still gets its suffix


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_written_not_replaced(small, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = cli("export", small, "-f", "md", "-o", fifo)
    data, _ = reader.communicate(timeout=60)
    assert result.returncode == 0, result.stderr
    assert CONFIRMED.encode() in data
    assert fifo.is_fifo()


def test_standard_output_without_a_descriptor(small, tmp_path, capsysbinary):
    """In-process (a captured stream, as a caller embedding the CLI has): still the data, then the sentence."""
    from app.cli import main

    assert main(["export", str(small), "-f", "csv", "-o", "-"]) == 0
    out, err = capsysbinary.readouterr()
    assert CONFIRMED.encode() in out and b"Wrote standard output" in err
