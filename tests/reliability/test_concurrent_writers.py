"""Two processes writing one project (the desk tagging, a script importing): both sides' writes survive."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from app.ops.importing import import_files
from app.store.database import Project

REPO = Path(__file__).resolve().parents[2]

TAGGER = textwrap.dedent(
    """
    import sys
    from app.ops import tagging
    from app.store.database import Project

    with Project(sys.argv[1]) as project:
        ids = [int(x) for x in sys.argv[2].split(",")]
        for sid in ids:
            tagging.tag(project, [sid], None)
    """
)


def _article(folder: Path, index: int) -> Path:
    path = folder / f"a{index:03}.txt"
    body = " ".join(f"Officials in town {index} said {n} families were moved." for n in range(12))
    path.write_text(f"By Desk\n{body}\nResidents of town {index} disputed the figures.\n", encoding="utf-8")
    return path


def test_tagging_and_importing_at_once_lose_nothing(tmp_path, project_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with Project(project_path, create=True) as project:
        import_files(project, [_article(folder, i) for i in range(20)])
        ids = [r[0] for r in project.execute("SELECT id FROM statements ORDER BY id")]
    later = [_article(folder, i) for i in range(20, 80)]
    tagger = subprocess.Popen([sys.executable, "-c", TAGGER, str(project_path), ",".join(map(str, ids))], cwd=REPO)
    importer = subprocess.run(
        [sys.executable, "-m", "app", "import", str(project_path), *map(str, later)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert tagger.wait(300) == 0
    assert importer.returncode == 0, importer.stderr
    with sqlite3.connect(project_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 80
        confirmed = {r[0] for r in conn.execute("SELECT id FROM statements WHERE status = 'confirmed'")}
    assert set(ids) <= confirmed
