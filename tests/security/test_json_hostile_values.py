"""A hand-edited JSON export with values no export holds is refused with a sentence naming the
file and, where there is one, the field: numbers beyond 2⁶³ or beyond a float, NaN, nesting
100,000 deep, and terminal escapes (ESC, OSC, BEL, C1 controls) in names. Never "something
went wrong", never a half-filled project."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.store.database import Project

ARTICLE = (
    "By Desk\nThe ministry said the bridge reopened on Monday. “It is safe,” the minister told "
    "reporters. Residents disputed that, saying cracks remained.\n"
)


@pytest.fixture
def exported(tmp_path, capsys):
    source = tmp_path / "bridge.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    project = tmp_path / "work.counterclaim"
    assert main(["import", str(project), str(source), "--outlet", "Daily Post"]) == 0
    with Project(project) as opened:  # a topic, a link and a tagged statement so every list has an entry
        first, second = [r[0] for r in opened.conn.execute("SELECT id FROM statements ORDER BY id LIMIT 2")]
    assert main(["topic", str(project), "Bridge", str(first)]) == 0
    assert main(["link", str(project), str(first), str(second)]) == 0
    assert main(["tag", str(project), str(first), "--narration"]) == 0
    export = tmp_path / "export.json"
    assert main(["export", str(project), "-f", "json", "-o", str(export)]) == 0
    capsys.readouterr()
    return json.loads(export.read_text(encoding="utf-8"))


def _import(tmp_path, capsys, text: str) -> tuple[int, str]:
    path = tmp_path / "edited.json"
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "copy.counterclaim"
    code = main(["import", str(target), str(path)])
    err = capsys.readouterr().err
    with Project(target) as opened:
        assert opened.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert opened.conn.execute("SELECT count(*) FROM parties").fetchone()[0] == 0
    return code, err


def _assert_sentence(code: int, err: str, *words: str) -> None:
    assert code == 1, err
    assert "“edited.json” cannot be imported" in err
    for word in words:
        assert word in err, err
    assert "something went wrong" not in err and "Traceback" not in err
    assert "Error" not in err  # no exception names


BIG = 2**63
N = "@N@"  # where the number goes, written into the JSON text as it is
NUMBER_EDITS = {
    "article id": (lambda d: d["articles"][0].update(id=N), "“articles”"),
    "statement start": (lambda d: d["statements"][0].update(start=N), "“start”"),
    "statement end": (lambda d: d["statements"][0].update(end=N), "“end”"),
    "paragraph": (lambda d: d["statements"][0].update(paragraph=N), "“paragraph”"),
    "topic position": (lambda d: d["topics"][0].update(position=N), "“position”"),
    "topic id": (lambda d: d["topics"][0].update(id=N), "“topics”"),
    "pair": (lambda d: d["statement_topics"].append([N, 1]), "“statement_topics”"),
    "link target": (lambda d: d["links"][0].update(target_id=N), "“target_id”"),
    "quote span": (lambda d: d["statements"][0].update(quotes=[[0, N]]), "“quotes”"),
    "confidence": (lambda d: d["statements"][0].update(confidence=N), "“confidence”"),
}
NUMBERS = {"2**63": str(BIG), "-2**63-1": str(-BIG - 1), "10**30": str(10**30), "5000 digits": "9" * 5000}


@pytest.mark.parametrize("number", sorted(NUMBERS))
@pytest.mark.parametrize("edit", sorted(NUMBER_EDITS))
def test_a_number_beyond_2_63_is_refused_naming_the_field(exported, tmp_path, capsys, edit, number):
    change, field = NUMBER_EDITS[edit]
    change(exported)
    text = json.dumps(exported).replace(f'"{N}"', NUMBERS[number])
    code, err = _import(tmp_path, capsys, text)
    _assert_sentence(code, err, field, "number")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_a_number_no_export_holds_is_refused(exported, tmp_path, capsys, literal):
    text = json.dumps(exported).replace('"paragraph": 1', f'"paragraph": {literal}', 1)
    assert literal in text
    code, err = _import(tmp_path, capsys, text)
    _assert_sentence(code, err, "“paragraph”")


@pytest.mark.parametrize("depth", [100, 5_000, 100_000])
def test_deep_nesting_is_refused_with_a_sentence(exported, tmp_path, capsys, depth):
    exported["filters"] = "@"
    text = json.dumps(exported).replace('"@"', "[" * depth + "]" * depth)
    code, err = _import(tmp_path, capsys, text)
    _assert_sentence(code, err, "nested")


ESCAPES = {
    "ESC clear screen": "\x1b[2J",
    "OSC retitle": "\x1b]0;pwned\x07",
    "BEL": "ding\x07",
    "C1 CSI": "\x9b31m",
    "NUL": "a\x00b",
    "newline in a name": "two\nlines",
}
FIELDS = {
    "outlet": lambda d, v: d["articles"][0].update(outlet="Daily " + v),
    "title": lambda d, v: d["articles"][0].update(title="Bridge " + v),
    "byline": lambda d, v: d["articles"][0].update(byline=v),
    "name": lambda d, v: d["topics"][0].update(name="Bridge" + v),
    "speaker": lambda d, v: d["statements"][0].update(speaker="The minister" + v),
    "note": lambda d, v: d["links"][0].update(note="see " + v),
    "project": lambda d, v: d.update(project="Bridge" + v),
}


@pytest.mark.parametrize("escape", sorted(ESCAPES))
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_control_characters_in_names_are_refused_naming_the_field(exported, tmp_path, capsys, escape, field):
    if field == "note" and escape == "newline in a name":
        pytest.skip("a note may hold a line break")
    FIELDS[field](exported, ESCAPES[escape])
    code, err = _import(tmp_path, capsys, json.dumps(exported))
    _assert_sentence(code, err, f"“{field}”", "control character")
    assert "\x1b" not in err and "\x07" not in err and "\x9b" not in err


def test_a_party_name_with_an_escape_is_refused(exported, tmp_path, capsys):
    exported["parties"].append(
        {"id": 777, "name": "Ministry\x1b]0;owned\x07", "color": "#123456", "aliases": ["Min\x1b[2J"], "shortcut": None, "position": 9}
    )
    code, err = _import(tmp_path, capsys, json.dumps(exported))
    _assert_sentence(code, err, "“name”", "control character")


def test_an_ordinary_note_with_line_breaks_still_imports(exported, tmp_path, capsys):
    exported["links"][0]["note"] = "First line\nsecond line\twith a tab"
    path = tmp_path / "fine.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(tmp_path / "copy.counterclaim"), str(path)]) == 0, capsys.readouterr().err
