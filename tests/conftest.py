"""Every test runs headless, on a fresh project in a temporary folder, never in the real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp):
    """A QApplication exists before anything else makes a bare QGuiApplication (the PDF
    writer does when used alone), which would make every later widget test abort."""
    return qapp


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    """Settings, recent files and caches go to a throwaway home, not the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "run"))
    (home / "run").mkdir(mode=0o700)
    # no newsroom gazetteer unless a test sets one (app/ops/newsroom.py)
    monkeypatch.delenv("COUNTERCLAIM_NEWSROOM", raising=False)
    import app.ops.newsroom as newsroom

    monkeypatch.setattr(newsroom, "_default", [None])
    return home


@pytest.fixture
def project_path(tmp_path) -> Path:
    return tmp_path / "investigation.counterclaim"


@pytest.fixture
def project(project_path):
    from app.store.database import Project

    with Project(project_path, create=True) as opened:
        yield opened


@pytest.fixture
def seed_path() -> Path:
    path = CORPUS / "seed-article.txt"
    if not path.exists():
        pytest.skip("the shared corpus (../shared/corpus) is not beside this checkout")
    return path


@pytest.fixture
def seed_project(project, seed_path):
    """A fresh project holding the tagged seed article: (project, {starts_with: id})."""
    from seed_tagging import build_seed

    return project, build_seed(project, seed_path.parent)


@pytest.fixture
def seed_gold() -> dict:
    import json

    path = CORPUS / "seed-article.gold.json"
    if not path.exists():
        pytest.skip("the shared corpus (../shared/corpus) is not beside this checkout")
    return json.loads(path.read_text(encoding="utf-8"))
