"""Every party of a project gets its own colour, readable on the light and the dark theme."""

from __future__ import annotations

import sqlite3

from app.core import palette
from app.store import parties


def _colours_in_file(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT color FROM parties ORDER BY id")]


def test_forty_parties_forty_colours(project, project_path):
    for n in range(40):
        parties.add(project, f"Side {n}")
    colours = _colours_in_file(project_path)
    assert len(colours) == 40
    assert len({c.upper() for c in colours}) == 40


def test_a_freed_colour_is_reused_before_a_new_one(project, project_path):
    ids = [parties.add(project, f"Side {n}") for n in range(5)]
    freed = parties.get(project, ids[2]).color
    parties.delete(project, ids[2])
    parties.add(project, "Newcomer")
    assert _colours_in_file(project_path)[-1] == freed


def test_a_colour_set_by_hand_is_not_handed_out_again(project, project_path):
    first = palette.sequence()[0]
    parties.add(project, "Chosen", color=first.lower())
    parties.add(project, "Next")
    assert _colours_in_file(project_path)[1].upper() != first


def test_every_colour_reads_on_both_themes():
    colours = palette.sequence()
    assert len(colours) >= 60 and len(set(colours)) == len(colours)
    for colour in colours:
        assert palette.contrast(colour, palette.LIGHT_BACKGROUND) >= palette.MIN_CONTRAST, colour
        assert palette.contrast(colour, palette.DARK_BACKGROUND) >= palette.MIN_CONTRAST, colour


def test_text_over_a_confirmed_tint_stays_readable():
    """Body text over the party tint (alpha 0.34, 0.425 on dark) keeps 4.5:1 on both themes."""
    def blend(colour, background, alpha):
        c = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
        b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
        return "#" + "".join(f"{round(alpha * x + (1 - alpha) * y):02X}" for x, y in zip(c, b))

    for colour in palette.sequence():
        light = blend(colour, palette.LIGHT_BACKGROUND, 0.34)
        dark = blend(colour, palette.DARK_BACKGROUND, 0.34 * 1.25)
        assert palette.contrast("#1F2328", light) >= 4.5, colour
        assert palette.contrast("#E6E6E6", dark) >= 4.5, colour


def test_the_first_colours_are_far_apart():
    """Hues of the curated colours differ by at least 15 degrees or in lightness."""
    import colorsys

    def hls(c):
        return colorsys.rgb_to_hls(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)))

    curated = palette.curated()
    assert len(curated) == 16
    for i, a in enumerate(curated):
        for b in curated[i + 1 :]:
            (ha, la, _), (hb, lb, _) = hls(a), hls(b)
            hue_gap = min(abs(ha - hb), 1 - abs(ha - hb)) * 360
            assert hue_gap >= 15 or abs(la - lb) >= 0.08, (a, b)
