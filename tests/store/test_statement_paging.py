"""Working through a filtered whole-project list never skips a statement."""

from __future__ import annotations

from app.ops import tagging
from app.store import statements as statements_store
from app.store.database import Project
from app.store.statements import StatementFilter


def test_confirming_rows_under_a_status_filter_skips_none(project_path, tmp_path):
    from app.ops.importing import import_files

    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(40):
        body = " ".join(f"Officials in town {index} said {n} families left." for n in range(30))
        (folder / f"a{index:02}.txt").write_text(body + "\n", encoding="utf-8")
    with Project(project_path, create=True) as project:
        import_files(project, sorted(folder.glob("*.txt")))
        wanted = StatementFilter(status="suggested")
        expected = [r["id"] for r in statements_store.listing(project, wanted)]
        assert len(expected) > 1000
        seen = statements_store.listing(project, wanted, limit=500)
        tagging.confirm(project, [r["id"] for r in seen[:10]])  # the journalist works down the list
        while True:
            last = seen[-1]
            more = statements_store.listing(project, wanted, limit=500, after=(last["article_id"], last["start"]))
            if not more:
                break
            seen += more
    assert [r["id"] for r in seen] == expected
