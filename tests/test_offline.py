"""Offline, provably: import, suggestion, export and the desk never open a network connection.

Every test here runs with sockets forbidden. In-process, ``socket.socket.connect``/``connect_ex``,
``socket.create_connection``, ``getaddrinfo`` and ``gethostbyname`` are replaced by a guard
that records the attempt and raises; a test fails if anything was attempted, even when the
code under test swallowed the exception. The subprocess variant puts a ``sitecustomize`` on
PYTHONPATH that installs the same guard in ``python -m app …`` and kills the process with
exit code 97 on the first attempt.

The inputs are built to tempt a fetch: a web page with remote scripts, stylesheets, images,
srcsets, an iframe, a meta refresh, a <base href>, Open Graph images and a canonical URL.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NETWORK_EXIT = 97

ARTICLE_TXT = """\
Ministry rejects claims over border strike

By Amina Qureshi, Staff Reporter

The foreign ministry said on Tuesday that its forces had struck "only militant hideouts" near \
the border, and that no civilians were harmed.

"We targeted terrorists, nobody else," ministry spokesman Daniel Ortiz told reporters at \
https://press.example.org/briefing.

The opposition party denied that account, saying homes and a school were hit. "Children were \
killed in their classrooms," the party's leader, Sara Haddad, said in a statement.

Local officials said at least 12 people died, according to a hospital spokesperson.
"""

ARTICLE_HTML = """\
<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<base href="https://news.example.com/">
<title>Ceasefire talks stall as both sides trade blame</title>
<meta http-equiv="refresh" content="30;url=https://news.example.com/live">
<meta property="og:image" content="https://cdn.example.com/og.jpg">
<meta name="author" content="Lena Park">
<link rel="canonical" href="https://news.example.com/world/ceasefire">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<link rel="preconnect" href="https://fonts.example.net">
<style>@import url("https://fonts.example.net/css?family=Serif"); body{background:url(https://cdn.example.com/bg.png)}</style>
<script src="https://tracker.example.com/analytics.js"></script>
<script>fetch("https://tracker.example.com/beacon"); new Image().src="https://px.example.com/p.gif";</script>
</head><body>
<nav><a href="https://news.example.com/">Home</a> | <a href="https://news.example.com/world">World</a></nav>
<article>
<h1>Ceasefire talks stall as both sides trade blame</h1>
<p class="byline">By Lena Park</p>
<img src="https://images.example.com/talks.jpg" srcset="https://images.example.com/talks-2x.jpg 2x" alt="Delegates">
<p>Negotiators left the capital on Friday without an agreement, and each delegation blamed the other.</p>
<p>"They walked away from a fair offer," the government's chief negotiator, Omar Aziz, told reporters.</p>
<p>The rebel delegation said the offer was "a demand for surrender dressed up as peace", according to a statement posted online.</p>
<iframe src="https://video.example.com/embed/123"></iframe>
<object data="https://media.example.com/clip.swf"></object>
<p>Mediators said talks could resume next week.</p>
</article>
<footer><img src="https://px.example.com/footer.gif"></footer>
</body></html>
"""

SITECUSTOMIZE = f"""\
# Installed by tests/test_offline.py: any network use kills the process with exit {NETWORK_EXIT}.
import os, socket, sys

def _refuse(name):
    def guard(*args, **kwargs):
        sys.stderr.write(f"NETWORK ATTEMPT: {{name}}{{args!r}}\\n")
        sys.stderr.flush()
        os._exit({NETWORK_EXIT})
    return guard

socket.socket.connect = _refuse("socket.connect")
socket.socket.connect_ex = _refuse("socket.connect_ex")
socket.create_connection = _refuse("socket.create_connection")
socket.getaddrinfo = _refuse("socket.getaddrinfo")
socket.gethostbyname = _refuse("socket.gethostbyname")
socket.gethostbyname_ex = _refuse("socket.gethostbyname_ex")
"""


class NetworkAttempt(AssertionError):
    """Raised in place of a network call; the test fails."""


@pytest.fixture
def no_network(monkeypatch):
    """Forbid sockets for the test; yields the list of attempts (must stay empty)."""
    attempts: list[str] = []

    def refuse(name: str):
        def guard(*args, **kwargs):
            attempts.append(f"{name}{args!r}")
            raise NetworkAttempt(f"Counterclaim tried to use the network: {name}{args!r}")

        return guard

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("socket.gethostbyname"))
    monkeypatch.setattr(socket, "gethostbyname_ex", refuse("socket.gethostbyname_ex"))
    yield attempts
    assert not attempts, f"network used: {attempts}"


@pytest.fixture
def articles(tmp_path) -> list[Path]:
    txt = tmp_path / "ministry.txt"
    txt.write_text(ARTICLE_TXT, encoding="utf-8")
    page = tmp_path / "ceasefire.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    return [txt, page]


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_the_guard_catches_a_connection(no_network):
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))
    no_network.clear()  # that attempt was the point of this test


def _imported_project(project, articles, no_network):
    from app.ops.importing import import_files

    report = import_files(project, articles, outlet="Test Wire")
    assert not report.refused, [o.error for o in report.refused]
    assert len(report.imported) == 2
    assert all(o.statements > 0 for o in report.imported)
    assert not no_network
    return report


def test_import_and_suggest_offline(project, articles, no_network):
    _imported_project(project, articles, no_network)
    from app.ops.suggesting import suggest

    report = suggest(project, None)
    assert report.statements > 0
    assert not no_network


def _export_formats() -> list[str]:
    from app.io import exporters

    return list(exporters.FORMATS)


@pytest.mark.parametrize("fmt", _export_formats())
def test_export_offline(fmt, project, articles, tmp_path, no_network, qapp):
    # qapp first: the PDF writer otherwise makes a QGuiApplication of its own, and a later
    # test in this process could then not build widgets (Qt aborts).
    from app.io import exporters

    module = f"app.io.exporters.{exporters.FORMATS[fmt].module}"
    if not _module_exists(module):
        pytest.skip(f"the {fmt} exporter ({module}) is not written yet")
    if not _module_exists("app.ops.exporting"):
        pytest.skip("app.ops.exporting is not written yet")
    from app.ops.exporting import export

    _imported_project(project, articles, no_network)
    out = tmp_path / f"comparison{exporters.FORMATS[fmt].suffix}"
    export(project, fmt, out)
    assert out.exists() and out.stat().st_size > 0
    assert not no_network


def test_desk_offline(project_path, articles, no_network, qtbot):
    if not _module_exists("app.ui.main_window"):
        pytest.skip("the desk (app.ui.main_window) is not written yet")
    from app.store.database import Project

    with Project(project_path, create=True) as project:
        _imported_project(project, articles, no_network)
    from app.ui.main_window import MainWindow

    window = MainWindow(project_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # let background suggestion/matching jobs run
    window.close()
    assert not no_network


# -- the same promise across a process boundary -------------------------------------------


@pytest.fixture
def guarded_env(tmp_path) -> dict:
    site = tmp_path / "no-network-site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _run(args: list[str], env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_sitecustomize_guard_is_active(guarded_env, tmp_path):
    done = _run(["-c", "import socket; socket.create_connection(('127.0.0.1', 9))"], guarded_env, tmp_path)
    assert done.returncode == NETWORK_EXIT, done.stderr
    assert "NETWORK ATTEMPT" in done.stderr


def test_command_line_offline_in_a_subprocess(guarded_env, articles, tmp_path):
    project = tmp_path / "offline.counterclaim"
    done = _run(["-m", "app", "import", str(project), *map(str, articles)], guarded_env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "NETWORK ATTEMPT" not in done.stderr
    assert "ceasefire.html: article" in done.stdout

    done = _run(["-m", "app", "suggest", str(project)], guarded_env, tmp_path)
    assert done.returncode == 0, done.stderr

    help_done = _run(["-m", "app", "export", "--help"], guarded_env, tmp_path)
    if help_done.returncode == 0:
        out = tmp_path / "offline.csv"
        done = _run(["-m", "app", "export", str(project), "--format", "csv", "-o", str(out)], guarded_env, tmp_path)
        assert done.returncode == 0, done.stderr
        assert out.exists()
    assert "NETWORK ATTEMPT" not in done.stderr


def test_no_source_file_reaches_for_the_network():
    """A cheap tripwire beside the runtime proof: no network client code in app/."""
    import re

    network_code = re.compile(
        r"^\s*(import|from)\s+(requests|httpx|aiohttp|urllib3|urllib\.request|http\.client|ftplib|smtplib)\b"
        r"|\burlopen\(|\bfetch_url\(|\bcreate_connection\(|QNetworkAccessManager|QtNetwork",
        re.MULTILINE,
    )
    offenders = []
    for path in (REPO / "app").rglob("*.py"):
        for match in network_code.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(REPO)}: {match.group(0).strip()}")
    assert not offenders, textwrap.indent("\n".join(offenders), "  ")
