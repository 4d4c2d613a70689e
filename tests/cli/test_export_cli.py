"""`counterclaim topic`, `link` and `export`, end to end, read back from the files they write."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from seed_tagging import EXPECTED_GRID, EXTRA_TOPICS, PARTY_ORDER, TOPIC_ORDER, build_seed

from app.cli import main
from app.store import links, topics
from app.store.database import Project


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tagged(project_path, seed_path, seed_gold, capsys):
    """The seed with parties tagged through the store, topics and links through the command line."""
    with Project(project_path, create=True) as project:
        ids = build_seed(project, seed_path.parent, topics_and_links=False)
    by_topic: dict[str, list[int]] = {}
    for claim in seed_gold["counterclaims"]:
        by_topic.setdefault(claim["topic"], [])
        for key in ("a", "b"):
            if ids[claim[key]] not in by_topic[claim["topic"]]:
                by_topic[claim["topic"]].append(ids[claim[key]])
    for starts, topic in EXTRA_TOPICS:
        by_topic[topic].append(ids[starts])
    for topic in TOPIC_ORDER:
        code, out, err = run(capsys, "topic", project_path, topic, *by_topic[topic])
        assert code == 0, err
        assert f"under “{topic}”" in out
    for claim in seed_gold["counterclaims"]:
        code, out, err = run(capsys, "link", project_path, ids[claim["a"]], ids[claim["b"]], "--relation", claim["relation"])
        assert code == 0, err
    return project_path, ids


def test_topic_and_link_commands_write_the_project(tagged, capsys):
    path, ids = tagged
    with Project(path) as project:
        assert [t.name for t in topics.all_topics(project)] == list(TOPIC_ORDER)
        assert len(links.all_links(project)) == 6
    # assigning again is harmless and says so
    code, out, _ = run(capsys, "topic", path, "What was hit", ids["According to Pakistan’s foreign ministry"])
    assert code == 0 and "0 statements" in out and "1 already there" in out
    code, _, err = run(capsys, "link", path, ids["It urged Iran to refrain"], ids["It also warned Pakistan"],
                       "--relation", "responds-to")
    assert code == 1 and "already linked" in err
    code, _, err = run(capsys, "topic", path, "Anything", 99999)
    assert code == 1 and "no statement 99999" in err
    code, out, err = run(capsys, "link", path, ids["It urged Iran to refrain"], ids["It also warned Pakistan"],
                         "--note", "Both talk about next steps", "-r", "supports")
    assert code == 0, err


def test_export_every_format(tagged, tmp_path, capsys):
    path, _ = tagged
    for fmt in ("xlsx", "csv", "html", "pdf", "md", "json", "qdpx"):
        out = tmp_path / f"sheet.{fmt}"
        code, stdout, err = run(capsys, "export", path, "--format", fmt, "-o", out)
        assert code == 0, (fmt, err)
        assert out.is_file() and out.stat().st_size > 0
        assert "18 statements" in stdout and "3 parties × 5 topics (2 empty cells)" in stdout


def test_export_grid_matches_the_narratives_issue(tagged, tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    path, _ = tagged
    out = tmp_path / "sheet.xlsx"
    assert run(capsys, "export", path, "-f", "xlsx", "-o", out)[0] == 0
    sheet = openpyxl.load_workbook(out)["Comparison"]
    for r, topic in enumerate(TOPIC_ORDER, start=2):
        assert sheet.cell(row=r, column=1).value == topic
        for c, party in enumerate(PARTY_ORDER, start=2):
            value = sheet.cell(row=r, column=c).value
            expected = EXPECTED_GRID[topic][party]
            assert (value == "—") == (not expected), (topic, party)
            assert all(s in value for s in expected)


def test_export_filters(tagged, tmp_path, capsys):
    path, ids = tagged
    out = tmp_path / "iran.csv"
    code, stdout, err = run(capsys, "export", path, "-f", "csv", "-o", out, "--party", "Tehran", "--topic", "What was hit",
                            "--confirmed-only", "--article", 1)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [r[7] for r in rows[1:]] == ["Iran"]  # the alias "Tehran" names Iran
    assert rows[1][6].startswith("Iran claimed that the Pakistani air strikes")


def test_export_json_then_import_is_the_same_project(tagged, tmp_path, capsys):
    pytest.importorskip("app.core.attribution")
    path, _ = tagged
    out = tmp_path / "all.json"
    assert run(capsys, "export", path, "-f", "json", "-o", out)[0] == 0
    copy = tmp_path / "copy.counterclaim"
    code, stdout, err = run(capsys, "import", copy, out)
    assert code == 0, err
    again = tmp_path / "again.json"
    assert run(capsys, "export", copy, "-f", "json", "-o", again)[0] == 0
    first, second = json.loads(out.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    for key in ("articles", "parties", "topics", "statements", "statement_topics", "links"):
        assert first[key] == second[key], key


@pytest.mark.parametrize(
    "args, sentence",
    [
        # an unknown format is an argument error (exit 2): tests/cli/test_export_format_argument.py
        (["-f", "csv", "--party", "Nobody"], "no party called “Nobody”"),
        (["-f", "csv", "--topic", "Nothing"], "no topic called “Nothing”"),
        (["-f", "csv", "--article", "42"], "no article 42"),
        (["-f", "csv", "--page-size", "A4"], "no option"),
    ],
)
def test_export_refusals_are_one_sentence(tagged, tmp_path, capsys, args, sentence):
    path, _ = tagged
    out = tmp_path / "x.out"
    code, stdout, err = run(capsys, "export", path, "-o", out, *args)
    assert code == 1
    assert err.startswith("counterclaim: ") and sentence in err and "Traceback" not in err
    assert not out.exists()


def test_export_onto_a_folder_fails_cleanly(tagged, tmp_path, capsys):
    path, _ = tagged
    folder = tmp_path / "sheet.pdf"
    folder.mkdir()
    code, _, err = run(capsys, "export", path, "-f", "pdf", "-o", folder)
    assert code == 1 and "a folder has that name" in err


def test_export_in_a_fresh_process(tagged, tmp_path):
    """The console entry point writes a PDF with no display and no Qt application made beforehand."""
    path, _ = tagged
    out = tmp_path / "letter.pdf"
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "app", "export", str(path), "-f", "pdf", "-o", str(out), "--page-size", "Letter"],
        capture_output=True, text=True, timeout=120, env=env, cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
