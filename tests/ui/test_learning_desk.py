"""Learning from the journalist in the desk: the alias offer bar, the Aliases dialog with
origins, the newsroom dialog, distinct colours in a long party list, and statement ids.
Asserted on the project file and the newsroom file; the widgets are also rendered to PNG."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ops import newsroom
from app.ops.importing import import_text
from app.store.database import Project
from app.ui import ask

SHOTS = Path(os.environ.get("COUNTERCLAIM_SHOTS", "")) if os.environ.get("COUNTERCLAIM_SHOTS") else None

FIRST = (
    "Shelling resumed overnight near the river crossing.\n"
    "“We will not retreat,” the palace guard commander said.\n"
    "Kestrel Hold said it had repelled an attack on the bridge."
)
SECOND = (
    "The bridge changed hands twice on Tuesday.\n"
    "“The bridge is ours and will stay ours,” the palace guard commander said.\n"
)


def rows(path, sql, params=()):
    with Project(path, read_only=True) as project:
        return project.execute(sql, params).fetchall()


def _shot(widget, name):
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(SHOTS / name))


@pytest.fixture
def room(tmp_path, monkeypatch):
    path = tmp_path / "newsroom.json"
    monkeypatch.setenv(newsroom.ENV, str(path))
    return path


@pytest.fixture
def two_articles(project_path):
    with Project(project_path, create=True) as project:
        for n, text in enumerate((FIRST, SECOND), 1):
            import_text(project, text, title=f"Day {n}", outlet="The Ledger")
        project.execute("INSERT INTO parties (name, color, aliases, shortcut, position) "
                        "VALUES ('Ruritania', '#347ADE', '[]', 9, 9)")
    return project_path


def _commander_ids(path):
    return [r[0] for r in rows(path, "SELECT id FROM statements WHERE speaker = 'the palace guard commander' ORDER BY id")]


def test_a_corrected_tag_offers_the_alias_and_add_teaches_project_and_newsroom(open_window, two_articles, room, qtbot):
    window = open_window(two_articles)
    first, second = _commander_ids(two_articles)
    bar = window.learning.bar
    assert bar.isHidden()
    window.show_article(rows(two_articles, "SELECT article_id FROM statements WHERE id = ?", (first,))[0][0], select=[first])
    window.tag_key(9)  # Ruritania
    assert bar.isVisible()
    assert "“the palace guard commander” as an alias of Ruritania" in bar.label.text()
    _shot(window.reader_pane, "alias-offer-bar.png")
    qtbot.mouseClick(bar.add_button, Qt.LeftButton)
    assert bar.isHidden()
    ruritania = rows(two_articles, "SELECT id, aliases FROM parties WHERE name = 'Ruritania'")[0]
    assert json.loads(ruritania[1]) == ["the palace guard commander"]
    assert rows(two_articles, "SELECT origin, statement_id FROM alias_origins WHERE party_id = ?", (ruritania[0],)) == [
        ("learned", first)
    ]
    assert rows(two_articles, "SELECT party_id, status FROM statements WHERE id = ?", (second,)) == [
        (ruritania[0], "suggested")
    ]
    assert json.loads(room.read_text())["parties"] == [{"name": "Ruritania", "aliases": ["the palace guard commander"]}]
    window.actions["undo"].trigger()  # the alias and what it suggested go back together
    assert rows(two_articles, "SELECT aliases FROM parties WHERE name = 'Ruritania'") == [("[]",)]
    assert rows(two_articles, "SELECT party_id FROM statements WHERE id = ?", (second,)) == [(None,)]
    assert json.loads(room.read_text())["parties"] == []  # the newsroom follows the undo
    window.actions["redo"].trigger()
    assert json.loads(room.read_text())["parties"] == [{"name": "Ruritania", "aliases": ["the palace guard commander"]}]
    assert rows(two_articles, "SELECT party_id FROM statements WHERE id = ?", (second,)) == [(ruritania[0],)]


def test_not_now_changes_nothing(open_window, two_articles, room, qtbot):
    window = open_window(two_articles)
    first, _second = _commander_ids(two_articles)
    window.show_article(rows(two_articles, "SELECT article_id FROM statements WHERE id = ?", (first,))[0][0], select=[first])
    window.tag_key(9)
    before = rows(two_articles, "SELECT id, aliases FROM parties ORDER BY id")
    qtbot.mouseClick(window.learning.bar.later_button, Qt.LeftButton)
    assert window.learning.bar.isHidden()
    assert rows(two_articles, "SELECT id, aliases FROM parties ORDER BY id") == before
    assert not room.exists()


def test_the_aliases_dialog_shows_where_each_name_came_from(open_window, two_articles, qtbot):
    from app.ops import parties_ops
    from app.ui.alias_dialog import AliasDialog

    window = open_window(two_articles)
    project = window.context.project
    first, _ = _commander_ids(two_articles)
    rur = next(p for p in window.context.parties if p.name == "Ruritania")
    parties_ops.learn(project, rur.id, "the palace guard commander", first)
    parties_ops.update(project, rur.id, aliases=[*project_parties(project, rur.id), "Fenwick Hall"])
    kestrel = next(p for p in window.context.parties if p.name == "Kestrel Hold")
    parties_ops.merge(project, kestrel.id, rur.id)
    party = next(p for p in __import__("app.store.parties", fromlist=["x"]).all_parties(project) if p.id == rur.id)
    dialog = AliasDialog(window, project, party)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert texts["the palace guard commander"] == f"learned from statement {first}, which you confirmed"
    assert texts["Fenwick Hall"] == "added by hand"
    assert texts["Kestrel Hold"] == "kept when its party was merged into this one"
    _shot(dialog, "aliases-dialog.png")
    dialog.reject()


def project_parties(project, party_id):
    from app.store import parties

    return parties.get(project, party_id).aliases


def test_the_newsroom_dialog_edits_the_file(qtbot, room, monkeypatch, shown):
    from app.ui.newsroom_dialog import NewsroomDialog

    newsroom.edit(lambda n: (n.remember("Ruritania", "the Grand Council"), n.remember("Ruritania", "Fenwick Hall"),
                             n.remember("Freedonia", "the Freedonian army"), n.remember("Freedonia", "Rufus T. Firefly")))
    dialog = NewsroomDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tree.topLevelItemCount() == 2
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))  # Ruritania (sorted)
    monkeypatch.setattr(ask, "text", lambda *a, **k: "the palace guard commander")
    dialog.add_alias()
    assert "the palace guard commander" in json.loads(room.read_text())["parties"][0]["aliases"]
    monkeypatch.setattr(ask, "text", lambda *a, **k: "Leader")
    dialog.add_alias()
    assert shown.of("error") and "too common" in shown.of("error")[-1]
    monkeypatch.setattr(ask, "text", lambda *a, **k: "Ruritanian government")
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    dialog.rename()
    names = [p["name"] for p in json.loads(room.read_text())["parties"]]
    assert "Ruritanian government" in names
    _shot(dialog, "newsroom-dialog.png")
    dialog.reject()


def test_a_long_party_list_has_a_colour_each(open_window, project_path, qtbot):
    from app.store import parties

    with Project(project_path, create=True) as project:
        import_text(project, FIRST, title="Day 1")
        names = ["Ruritania", "Freedonia", "Grand Fenwick", "Sylvania", "Latveria", "Genovia", "Elbonia",
                 "Kravia", "Zubrowka", "Markovia", "Qumar", "Wadiya", "Sokovia", "Krakozhia", "Pottsylvania",
                 "Bozatta", "Carpania", "Borduria"]
        for name in names:
            parties.add(project, name)
    window = open_window(project_path)
    colours = [r[0].upper() for r in rows(project_path, "SELECT color FROM parties")]
    assert len(colours) >= 19 and len(set(colours)) == len(colours)
    dock = window.party_panel
    dock.resize(300, 760)
    _shot(dock, "party-panel-19.png")


def test_the_table_and_the_tooltips_show_the_project_id(open_window, two_articles):
    from app.ui import roles

    window = open_window(two_articles)
    model = window.statements.model
    window.statements.set_scope("project")
    first = model.rows[0]
    assert model.HEADERS[0] == "ID"
    assert model.index(0, model.ID).data() == str(first["id"])
    assert f"Statement {first['id']}" in model.index(0, model.PARTY).data(roles.TOOLTIP)
    assert window.statements.view.verticalHeader().isHidden()


def test_the_palette_is_checked_against_the_backgrounds_the_themes_paint():
    from PySide6.QtGui import QPalette

    from app.core import palette
    from app.ui import theme

    assert theme._palette(False).color(QPalette.Base).name().upper() == palette.LIGHT_BACKGROUND
    assert theme._palette(True).color(QPalette.Base).name().upper() == palette.DARK_BACKGROUND
