"""The comparison grid and citations: pure values in, pure values out."""

from __future__ import annotations

from app.core.comparison import (
    NO_TOPIC,
    Citation,
    build_grid,
    contrast_ratio,
    format_citation,
    normalise_color,
    readable_text_color,
    short_title,
)


def _s(id, party, topics, paragraph=1, **extra):
    return {"id": id, "text": f"statement {id}", "party": party, "topics": topics, "paragraph": paragraph,
            "outlet": "World News", "published": "2024-01-18", "title": "Pakistan launches air strikes on Baloch militants in Iran",
            "article_id": 1, **extra}


def test_citation_reads_like_a_footnote():
    assert format_citation("World News", "2024-01-18T09:00:00+00:00", "Pakistan launches air strikes on Baloch militants", 2) == (
        "World News, 2024-01-18, “Pakistan launches air strikes on…”, ¶2"
    )
    assert format_citation(None, None, None, 3, article_id=7) == "“Article 7”, ¶3"
    assert format_citation("  ", "", "Short", None) == "“Short”"
    assert Citation("X", "2024-01-01", "A title long enough to be cut somewhere sensible", 1).full().endswith(
        "“A title long enough to be cut somewhere sensible”, ¶1"
    )


def test_short_title_cuts_at_a_word():
    assert short_title("Short title") == "Short title"
    assert short_title("Pakistan launches air strikes on Baloch militants in Iran") == "Pakistan launches air strikes on…"
    assert short_title("Averyveryveryveryveryverylongsingleword" * 2, 10) == "Averyveryv…"


def test_grid_rows_columns_and_explicit_silence():
    grid = build_grid(
        ["Pakistan", {"name": "Iran", "color": "#56B4E9"}],
        ["What was hit", "Who was killed"],
        [
            _s(1, "Pakistan", ["What was hit"], 2),
            _s(2, "iran", ["What was hit", "who was killed"], 5),  # names match ignoring case
            _s(3, None, ["What was hit"]),  # narration: not a column
            _s(4, "Baloch separatists", ["What was hit"]),  # not a chosen party
            _s(5, "Iran", []),  # no topic: only in the "No topic" row
            _s(6, "Iran", ["Unchosen topic"]),
        ],
    )
    assert [c.name for c in grid.columns] == ["Pakistan", "Iran"]
    assert grid.columns[1].color == "#56B4E9"
    assert grid.as_names() == {
        "What was hit": {"Pakistan": [1], "Iran": [2]},
        "Who was killed": {"Pakistan": [], "Iran": [2]},
    }
    assert grid.cell(1, 0) == () and grid.is_empty(1, 0)
    assert grid.statement_count == 2
    entry = grid.cell(0, 1)[0]
    assert entry.citation.short() == "World News, 2024-01-18, “Pakistan launches air strikes on…”, ¶5"


def test_no_topic_row_only_when_asked():
    statements = [_s(1, "Iran", []), _s(2, "Iran", ["A"])]
    assert [r.name for r in build_grid(["Iran"], ["A"], statements).rows] == ["A"]
    grid = build_grid(["Iran"], ["A"], statements, include_untopical=True)
    assert [r.name for r in grid.rows] == ["A", NO_TOPIC]
    assert grid.rows[-1].untopical and grid.as_names()[NO_TOPIC] == {"Iran": [1]}


def test_cells_keep_the_given_order():
    grid = build_grid(["P"], ["T"], [_s(3, "P", ["T"]), _s(1, "P", ["T"]), _s(2, "P", ["T"])])
    assert [e.statement_id for e in grid.cell(0, 0)] == [3, 1, 2]


def test_colours():
    assert normalise_color("e69f00") == "#E69F00"
    assert normalise_color("#abc") == "#AABBCC"
    assert normalise_color("red; background:url(x)") == "#808080"
    assert readable_text_color("#000000") == "#FFFFFF"
    assert readable_text_color("#F0E442") == "#000000"
    for color in ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#8C6BB1", "#4E79A7"):
        assert contrast_ratio(color, readable_text_color(color)) >= 4.5, color
