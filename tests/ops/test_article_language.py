"""Correcting an article's language: one undoable step, a sentence for a wrong tag, the file unchanged."""

from __future__ import annotations

import pytest

from app.core.errors import CounterclaimError
from app.ops import article_edits
from app.ops.importing import import_text
from app.store.database import Project


@pytest.fixture
def project(tmp_path):
    with Project(tmp_path / "l.counterclaim", create=True) as opened:
        import_text(opened, "Le ministère a démenti toute implication dans l'attaque, a déclaré son porte-parole.",
                    title="Démenti")
        yield opened


def _language(project):
    return project.execute("SELECT language FROM articles").fetchone()[0]


def test_the_detected_language_is_stored_and_can_be_corrected_and_undone(project):
    assert _language(project) == "fr"
    change = article_edits.set_language(project, [1], "FR_be")
    assert _language(project) == "fr-BE"
    article_edits.apply(project, change, undo=True)
    assert _language(project) == "fr"
    article_edits.apply(project, change, undo=False)
    assert _language(project) == "fr-BE"
    article_edits.set_language(project, [1], "")
    assert _language(project) is None


@pytest.mark.parametrize("bad", ["French!", "f", "12", "fr--be", "x" * 40])
def test_a_wrong_tag_is_refused_with_a_sentence_and_nothing_changes(project, bad):
    with pytest.raises(CounterclaimError, match="not a language tag"):
        article_edits.set_language(project, [1], bad)
    assert _language(project) == "fr"


def test_a_missing_article_is_refused(project):
    with pytest.raises(CounterclaimError, match="no article 9"):
        article_edits.set_language(project, [9], "ar")
