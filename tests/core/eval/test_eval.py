"""The evaluation sets of issue 14: gold that parses and lines up with the segmenter, the
figures printed (see conftest: at the end of the run), and guards on what holds today.

These tests measure; they do not demand the goal (90% right). The guards only stop the
wrong answers from growing: a wrong side is worse than no side, so a change that trades
misses for wrong sides fails here even when accuracy rises. Lower the figures as they
improve (docs/attribution.md keeps the before and after).
"""

from __future__ import annotations

import pytest

from . import harness
from .conftest import REPORTS

# Measured on the code of issue 14's start (docs/attribution.md, "Before"). Only ever lower these.
MAX_WRONG = {"dev": 0, "heldout": 0, "fresh": 1, "fresh2": 0}
MAX_FALSE_SIDE = {"dev": 0, "heldout": 1, "fresh": 3, "fresh2": 3}
# Parties beyond one per side, and parties for no side: the project's list a journalist confirms.
MAX_FRAGMENTS = {"dev": 0, "heldout": 0, "fresh": 1, "fresh2": 6}
MAX_SPURIOUS = {"dev": 0, "heldout": 0, "fresh": 1, "fresh2": 1}
# "fresh": written after the rules were tuned on dev and heldout, on shapes nobody tuned on; its
# first figures (12 articles, 238 statements, 194 right) are in docs/attribution.md.
# "fresh2": a second such set, written without reading the rules or the other sets' articles; first
# figures 12 articles, 309 statements, 221 right (10 wrong, 75 missed, 3 false; 8 fragments, 2
# spurious) on the code it was first run on in main (210 right on the code it was written beside).


@pytest.fixture(scope="module")
def results():
    out = {}
    for name in harness.SETS:
        per, total = harness.evaluate(harness.load_set(name))
        out[name] = (per, total)
        REPORTS.append(harness.table(name, per, total) + "\n" + harness.spurious_line(per) + "\n"
                       + harness.party_report(per))
    return out


def test_sets_are_big_and_apart():
    dev, heldout = harness.load_set("dev"), harness.load_set("heldout")
    assert sum(len(c.articles) for c in dev) >= 8 and len(dev) >= 3
    assert sum(len(c.articles) for c in dev + heldout) >= 16 and len(dev + heldout) >= 6
    assert not {c.name for c in dev} & {c.name for c in heldout}
    dev_texts = {a.path.read_text(encoding="utf-8") for c in dev for a in c.articles}
    assert not dev_texts & {a.path.read_text(encoding="utf-8") for c in heldout for a in c.articles}
    fresh = harness.load_set("fresh")
    assert sum(len(c.articles) for c in fresh) >= 12 and len(fresh) >= 4
    assert not {c.name for c in fresh} & {c.name for c in dev + heldout}
    older = dev_texts | {a.path.read_text(encoding="utf-8") for c in heldout for a in c.articles}
    fresh_texts = {a.path.read_text(encoding="utf-8") for c in fresh for a in c.articles}
    assert not older & fresh_texts
    fresh2 = harness.load_set("fresh2")
    assert sum(len(c.articles) for c in fresh2) >= 12 and len(fresh2) >= 4
    assert not {c.name for c in fresh2} & {c.name for c in dev + heldout + fresh}
    assert not {c.about for c in fresh2} & {c.about for c in dev + heldout + fresh}
    fresh2_texts = [a.path.read_text(encoding="utf-8") for c in fresh2 for a in c.articles]
    assert len(set(fresh2_texts)) == len(fresh2_texts)
    assert not (older | fresh_texts) & set(fresh2_texts)


@pytest.mark.parametrize("name", harness.SETS)
def test_gold_parses_and_names_only_its_sides(name):
    for conflict in harness.load_set(name):
        for article in conflict.articles:
            gold = article.gold
            assert gold["article"] == article.path.name
            sides = set(gold["parties"])
            assert sides and all(info["cues"] for info in gold["parties"].values())
            assert gold["statements"]
            for st in gold["statements"]:
                assert st["starts_with"] and isinstance(st["paragraph"], int)
                assert st["party"] is None or st["party"] in sides, (article.name, st)
                assert all(ok is None or ok in sides for ok in st["also_ok"]), (article.name, st)
            named = {harness.fold(c) for info in gold["parties"].values() for c in info["cues"]}
            assert not named & {harness.fold(n) for n in gold["not_parties"]}, article.name


@pytest.mark.parametrize("name", harness.SETS)
def test_every_statement_the_segmenter_makes_has_a_label(name, results):
    per, total = results[name]
    assert total.statements == sum(len(a.gold["statements"]) for c in harness.load_set(name) for a in c.articles)


def test_seed_still_right_through_the_harness():
    seed = harness.seed_conflict()
    if seed is None:
        pytest.skip("the shared corpus (../shared/corpus) is not beside this checkout")
    per, total = harness.evaluate([seed])
    assert (total.statements, total.right) == (18, 18), harness.misses(per)
    assert (total.parties, total.fragments, total.spurious) == (3, 0, 0)


@pytest.mark.parametrize("name", harness.SETS)
def test_wrong_sides_do_not_grow(name, results):
    per, total = results[name]
    assert total.wrong <= MAX_WRONG[name], harness.misses(per)
    assert total.false_side <= MAX_FALSE_SIDE[name], harness.misses(per)


@pytest.mark.parametrize("name", harness.SETS)
def test_one_party_per_side_and_none_for_nobody(name, results):
    per, total = results[name]
    assert total.fragments <= MAX_FRAGMENTS[name], harness.party_report(per)
    assert total.spurious <= MAX_SPURIOUS[name], harness.party_report(per)


def test_a_party_stands_for_the_side_its_name_or_most_aliases_name():
    sides = {"India": {"india", "new delhi", "rao"}, "China": {"china", "beijing", "lin hao"}}
    assert harness.side_of("India", ["Beijing"], sides) == "India"  # the name decides first
    assert harness.side_of("Tan", ["Beijing", "Lin Hao", "Rao"], sides) == "China"
    assert harness.side_of("Analysts", [], sides) is None
    assert harness.fold("The Kremlin’s") == "kremlin"


def test_labels_that_do_not_line_up_are_refused(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text("x", encoding="utf-8")
    article = harness.Article(txt, {"statements": [{"starts_with": "Iran said", "party": None, "also_ok": []}]})
    said = harness.Stated(0, 9, 1, "Iran said so.", None, None, None)
    assert len(harness.pair_labels(harness.Imported(article, "", [said], []))) == 1
    other = harness.Stated(0, 9, 1, "Pakistan said so.", None, None, None)
    with pytest.raises(harness.LabelError, match="statement 1"):
        harness.pair_labels(harness.Imported(article, "", [other], []))
    with pytest.raises(harness.LabelError, match="made 2 statements"):
        harness.pair_labels(harness.Imported(article, "", [said, said], []))
