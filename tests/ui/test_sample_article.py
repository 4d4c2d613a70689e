"""The first-run sample project: its article reads like a real one (issue 12, #31).

A citation made from the sample must carry a real headline, outlet and date, not the file
name ("Seed article") and a shouted byline ("World News DESK").
"""

from app.store.database import Project
from app.ui import desk


def _article_row(path):
    with Project(path, read_only=True) as project:
        return project.execute(
            "SELECT title, outlet, byline, published, language FROM articles"
        ).fetchall()


def test_the_sample_article_has_a_real_title_outlet_and_date(tmp_path):
    path = desk.create_sample_project(tmp_path / "sample.counterclaim")
    rows = _article_row(path)
    assert len(rows) == 1
    title, outlet, byline, published, language = rows[0]
    assert title == "Pakistan launches air strikes on Baloch militants in Iran"
    assert outlet == "World News"
    assert published == "2024-01-18"
    assert language == "en"
    assert byline != "World News DESK" and "DESK" not in (byline or "")
    assert "seed" not in title.casefold()


def test_the_first_run_window_shows_that_title(qtbot, shown):
    window = desk.build_window([])
    qtbot.addWidget(window)
    try:
        rows = window.articles.model.rows
        assert [r["title"] for r in rows] == ["Pakistan launches air strikes on Baloch militants in Iran"]
    finally:
        window.close_project()
