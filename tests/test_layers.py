"""House rules that import-linter cannot express."""

from __future__ import annotations

import re
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def _python_files(folder: str):
    return sorted((APP / folder).rglob("*.py"))


def test_no_widgets_outside_the_desk():
    for path in APP.rglob("*.py"):
        if "ui" in path.relative_to(APP).parts:
            continue
        assert "QtWidgets" not in path.read_text(encoding="utf-8"), path


def test_sql_lives_in_the_store():
    sql = re.compile(r"\.execute(many)?\(|\b(SELECT|INSERT INTO|UPDATE|DELETE FROM) ")
    offenders = [
        str(p.relative_to(APP))
        for p in APP.rglob("*.py")
        if "store" not in p.relative_to(APP).parts and sql.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
