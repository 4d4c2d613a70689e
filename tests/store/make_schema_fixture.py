"""Write tests/store/data/schema-vN.counterclaim for the current schema version.

Run once when a schema version is released (`python tests/store/make_schema_fixture.py`),
commit the file, and never regenerate it: the ladder test opens every one of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.ops import tagging  # noqa: E402
from app.ops.importing import import_files  # noqa: E402
from app.resources import resource_path  # noqa: E402
from app.store import links, schema, topics  # noqa: E402
from app.store.database import Project, remove_project_files  # noqa: E402


def main() -> None:
    target = HERE / "data" / f"schema-v{schema.SCHEMA_VERSION}.counterclaim"
    remove_project_files(target)
    with Project(target, create=True) as project:
        import_files(project, [resource_path("sample", "seed-article.txt")])
        ids = [r[0] for r in project.execute("SELECT id FROM statements ORDER BY start")]
        tagging.confirm(project, ids)
        with project.transaction():
            topic = topics.ensure(project, "What was hit")
            topics.assign(project, topic, [ids[2], ids[9]])
            links.add(project, ids[2], ids[9], "contradicts", "hideouts vs civilian areas")
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        project.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    print(target)


if __name__ == "__main__":
    main()
