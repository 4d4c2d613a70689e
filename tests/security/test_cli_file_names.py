"""A file name with a newline (or an escape) in it: one line per refused file, the name escaped.

File names are user data like any other; a name that splits its line in two would make a
script that reads one refusal per line see two, and an ESC in a name would act on the terminal.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.store import articles
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)], cwd=REPO, capture_output=True, text=True, timeout=120,
    )


def test_each_refused_file_is_one_line_with_its_name_escaped(tmp_path, project_path):
    folder = tmp_path / "in"
    folder.mkdir()
    empty = folder / "first\nsecond.txt"
    empty.write_bytes(b"")
    binary = folder / "photo\x1b[2J.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    good = folder / "good\nstory.txt"
    good.write_text('"The bridge is closed," the minister said on Monday.\n', encoding="utf-8")
    done = cli("import", project_path, empty, binary, good)
    assert done.returncode == 1
    refusals = done.stderr.splitlines()
    assert len(refusals) == 2, done.stderr
    assert any("first\\nsecond.txt" in line for line in refusals)
    assert any("photo\\x1b[2J.txt" in line for line in refusals)
    assert "\x1b" not in done.stderr + done.stdout
    (imported,) = done.stdout.splitlines()
    assert "good\\nstory.txt" in imported
    with Project(project_path) as project:
        assert articles.count(project) == 1


def test_a_folder_import_lists_each_refusal_on_one_line(tmp_path, project_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a\nb.txt", "c\rd.txt", "e\u2028f.txt"):
        (folder / name).write_bytes(b"")
    done = cli("import", project_path, folder)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 3, done.stderr
    assert {"a\\nb.txt", "c\\rd.txt", "e\\u2028f.txt"} <= {line.split(": ")[0].rsplit("/", 1)[-1] for line in done.stderr.splitlines()}


def test_a_missing_project_named_with_a_newline_is_one_line(tmp_path):
    missing = tmp_path / "no\nproject.counterclaim"
    done = cli("statements", missing)
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert "no\\nproject.counterclaim" in line
    assert not missing.exists()
