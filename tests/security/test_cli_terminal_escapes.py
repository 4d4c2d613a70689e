"""Names carrying terminal escapes are shown, never acted on, by every human-readable command.

A hand-edited project can hold an outlet, a title, a party, an alias or a statement with ESC
(clear the screen, retitle the window), BEL, C1 controls or a bidi override. The project is
built here through the store, as any writer could, and read back through the real CLI.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import parties
from app.store.database import Project
from tests.safety_article import add_article

REPO = Path(__file__).resolve().parents[2]
# Retitle the window (OSC … BEL), clear the screen (CSI 2J), an 8-bit CSI, a right-to-left
# override, a NUL and a newline: each one would act on the terminal or split a line.
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\x00\nX"
# Anything that may act on a terminal: C0 controls but the line ends, DEL, C1, the line and
# paragraph separators, the bidi embeddings/overrides/isolates and lone surrogates.
TYPED = HOSTILE.replace("\x00", "")  # what a command line can carry (no NUL)
ACTS_ON_TERMINAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def cli(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=REPO, capture_output=True, text=True, timeout=120, env=env, errors="surrogateescape",
    )


@pytest.fixture
def hostile_project(project_path) -> Path:
    with Project(project_path, create=True) as project:
        add_article(project, [f"Officials said the bridge{HOSTILE} was closed."], outlet=f"Outlet{HOSTILE}",
                    title=f"Title{HOSTILE}", party=f"Party{HOSTILE}")
        add_article(project, ["Officials said the road was open."], outlet="", title=f"Untitled{HOSTILE}",
                    party=None, topic=None)
        parties.add(project, f"Second{HOSTILE}", aliases=[f"alias{HOSTILE}"])
    return project_path


def assert_shown_not_acted_on(done: subprocess.CompletedProcess) -> None:
    for stream in (done.stdout, done.stderr):
        assert not ACTS_ON_TERMINAL.search(stream), repr(stream)
        for line in stream.splitlines():
            assert not line.startswith("X"), "a name's newline split a line in two"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("statements",),
        ("search", "officials"),
        ("parties",),
    ],
)
def test_listings_show_escapes_visibly(hostile_project, args):
    done = cli(args[0], hostile_project, *args[1:])
    assert done.returncode == 0, done.stderr
    assert_shown_not_acted_on(done)
    assert "\\x1b" in done.stdout  # the escape is there to see, as text


def test_the_title_is_shown_escaped_where_there_is_no_outlet(hostile_project):
    done = cli("search", hostile_project, "road")
    assert done.returncode == 0, done.stderr
    assert_shown_not_acted_on(done)
    assert "Untitled\\x1b" in done.stdout


def test_aliases_are_shown_escaped(hostile_project):
    done = cli("parties", hostile_project)
    assert_shown_not_acted_on(done)
    assert "alias\\x1b" in done.stdout


def test_names_echoed_from_the_command_line_are_shown_escaped(hostile_project):
    """A sentence that repeats a name (a refusal, a confirmation) escapes it too."""
    refused = cli("statements", hostile_project, "--party", f"Nobody{TYPED}")
    assert refused.returncode == 1
    assert_shown_not_acted_on(refused)
    assert "Nobody\\x1b" in refused.stderr
    with Project(hostile_project) as project:
        parties.add(project, f"Typed{TYPED}")
    tagged = cli("tag", hostile_project, "1", "--party", f"Typed{TYPED}")
    assert tagged.returncode == 0, tagged.stderr
    assert_shown_not_acted_on(tagged)
    topic = cli("topic", hostile_project, f"Topic{TYPED}", "1")
    assert topic.returncode == 0, topic.stderr
    assert_shown_not_acted_on(topic)
    with Project(hostile_project) as project:  # showing escaped changed nothing that was stored
        assert project.execute("SELECT party_id FROM statements WHERE id = 1").fetchone()[0] == (
            parties.by_name(project, f"Typed{TYPED}").id
        )
        assert project.execute("SELECT count(*) FROM topics WHERE name LIKE 'Topic%'").fetchone()[0] == 1


@pytest.mark.parametrize("args", [("statements", "--json"), ("parties", "--json"), ("search", "officials", "--json")])
def test_json_keeps_the_names_exactly_and_still_shows_nothing_raw(hostile_project, args):
    done = cli(args[0], hostile_project, *args[1:])
    assert done.returncode == 0, done.stderr
    assert not ACTS_ON_TERMINAL.search(done.stdout)
    data = json.loads(done.stdout)
    assert any(HOSTILE in text for text in _strings(data))  # JSON escapes, it never changes a name


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_parsers_own_refusals_show_what_they_quote_escaped(hostile_project):
    """argparse repeats an unrecognised argument as it was typed: it goes out escaped too."""
    done = cli("statements", hostile_project, f"--{TYPED}")
    assert done.returncode == 2
    assert_shown_not_acted_on(done)
    assert "\\x1b" in done.stderr
