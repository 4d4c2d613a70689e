"""The narrative view's "⟷ party" label for a link to a far pane marks a suggested tag (review of issue 12, #9)."""

from types import SimpleNamespace

from app.store.narrative import ID, PARTY, STATUS, TEXT
from app.ui.narrative.data import LinkInfo
from app.ui.narrative.view import NarrativeView


def _row(sid, party, status):
    row = [None] * 7
    row[ID], row[PARTY], row[STATUS], row[TEXT] = sid, party, status, f"Statement {sid}."
    return tuple(row)


def _view(status):
    rows = {1: _row(1, 10, "confirmed"), 2: _row(2, 30, status)}
    data = SimpleNamespace(
        links_of={1: [LinkInfo(id=1, source_id=1, target_id=2, relation="contradicts", note=None)]},
        parties=[SimpleNamespace(id=10, name="Israel"), SimpleNamespace(id=20, name="Egypt"),
                 SimpleNamespace(id=30, name="Hamas")],
        text_of=rows,
    )
    panes = [SimpleNamespace(column=SimpleNamespace(id=i)) for i in (10, 20, 30)]
    return SimpleNamespace(data=data, panes=panes)


def test_a_far_link_to_a_suggested_tag_says_so():
    assert NarrativeView.far_links(_view("suggested"), 0, 1) == [("Hamas (suggested)", "contradicts")]
    assert NarrativeView.far_links(_view("confirmed"), 0, 1) == [("Hamas", "contradicts")]
