"""Text and Markdown import take time in proportion to the file, whatever markup it holds.

Every line-level and inline pattern of the Markdown reader once backtracked: a line of 40,000
spaces took 41 s, ten thousand unclosed ``**`` several seconds (and 1 MB of them hours). Each
input below is 1 MB; a linear reader takes well under a second on it, a quadratic one hours,
so the generous cap of a few seconds tells them apart on a slow, busy machine.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportRefused
from app.io.importers import read_document

MB = 1024 * 1024
CAP_SECONDS = 6.0


def _to_size(unit: str, size: int = MB) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# One line (or a few) repeated to 1 MB: each once sent a regular expression into backtracking.
PATTERNS = {
    "a line of spaces": " " * MB + "x",
    "a heading of spaces": "# " + " " * MB + "x",
    "nested quote marks": ">" * MB + " x",
    "quote marks with spaces": _to_size("> ") + "x",
    "backticks": "`" * MB,
    "unclosed code": _to_size("`a"),
    "unclosed strong": _to_size("**a "),
    "unclosed strong underscores": _to_size("__a "),
    "unclosed emphasis": _to_size("*a "),
    "unclosed emphasis underscores": _to_size("_a "),
    "unclosed strikethrough": _to_size("~~a "),
    "unclosed images": _to_size("!["),
    "unclosed image targets": _to_size("![a]("),
    "unclosed links": _to_size("[a]("),
    "unclosed nested links": _to_size("[a](("),
    "unclosed references": _to_size("[a]["),
    "unclosed tags": _to_size("<a "),
    "unclosed comments": _to_size("<!--"),
    "unclosed autolinks": _to_size("<http:"),
    "a table rule gone wrong": "|" + "-" * MB + "x",
    "a spaced table rule gone wrong": "| " + _to_size(" -") + "x",
    "a thematic break gone wrong": _to_size("- ") + "x",
    "a setext underline gone wrong": "Title\n" + "=" * MB + "x",
    "a reference definition gone wrong": "[" + "a" * MB,
    "hashes": "#" * MB,
    "deeply nested list": "".join("  " * i + "- item\n" for i in range(1000)),
    "lines of spaces": _to_size(" " * 4000 + "x\n"),
    "lines of spaced quote marks": _to_size("> " * 2000 + "x\n"),
}


def _import_timed(tmp_path: Path, text: str, suffix: str) -> float:
    path = tmp_path / f"article{suffix}"
    path.write_text("The minister said the talks would go on.\n\n" + text + "\n", encoding="utf-8")
    start = time.perf_counter()
    with contextlib.suppress(ImportRefused):  # a sentence is a fine answer; the time is what is measured
        read_document(path)
    return time.perf_counter() - start


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_one_megabyte_of_markup_imports_in_seconds(tmp_path: Path, name: str, suffix: str) -> None:
    elapsed = _import_timed(tmp_path, PATTERNS[name], suffix)
    assert elapsed < CAP_SECONDS, f"{name} ({suffix}): {elapsed:.1f} s for 1 MB"


_MARKUP = st.text(alphabet=" \t>#*_~`[]()!<>-=|:\\/ahx1.", min_size=1, max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(unit=_MARKUP, newline_every=st.sampled_from([0, 3, 50, 4000]))
def test_any_repeated_markup_imports_in_seconds(unit: str, newline_every: int) -> None:
    # 256 KB of any short run of markup characters: quadratic work on it is minutes.
    if newline_every:
        unit = unit * newline_every + "\n"
    text = _to_size(unit, 256 * 1024)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        elapsed = _import_timed(Path(folder), text, ".md")
    assert elapsed < CAP_SECONDS, f"{unit!r}: {elapsed:.1f} s for 256 KB"
