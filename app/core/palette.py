"""Party colours: one per party, as many as a project needs, readable on light and dark.

Sixteen curated hues come first, each at a luminance where it stands out (3:1 or more, the
WCAG figure for lines and marks) against both the light theme's white and the dark theme's
near-black, and ordered so that the first few parties get the most different colours.
Past sixteen the same hues come back lighter, then darker, and so on, always inside that
readable band: no two parties of a project share a colour until there are more than seventy.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable
from functools import lru_cache

LIGHT_BACKGROUND = "#FFFFFF"  # app/ui/theme.py: the light palette's base
DARK_BACKGROUND = "#1D1F22"  # app/ui/theme.py: the dark palette's base
MIN_CONTRAST = 3.0

# (hue in degrees, relative luminance): blue, orange, green, pink, violet, gold, teal, red,
# lime, purple, olive, indigo, sea green, rose, forest, sky.
_CURATED = (
    (215, 0.20), (30, 0.22), (140, 0.20), (330, 0.22), (265, 0.20), (50, 0.24), (185, 0.20),
    (0, 0.18), (95, 0.26), (295, 0.20), (72, 0.17), (245, 0.15), (165, 0.27), (350, 0.27),
    (120, 0.15), (200, 0.28),
)
# Each later round of the hues, at another luminance inside the band both themes read.
_ROUNDS = (None, 0.285, 0.150, 0.245, 0.170)
_SATURATION = 0.72


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _hex(hue: float, lightness: float) -> str:
    r, g, b = colorsys.hls_to_rgb(hue, lightness, _SATURATION)
    return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"


def _at_luminance(hue_degrees: float, target: float) -> str:
    """The colour of this hue whose luminance is ``target`` (bisection on HLS lightness)."""
    hue, low, high = hue_degrees / 360, 0.0, 1.0
    for _ in range(18):  # 1/262144 of lightness: finer than 8-bit channels
        middle = (low + high) / 2
        if luminance(_hex(hue, middle)) < target:
            low = middle
        else:
            high = middle
    return _hex(hue, low)


@lru_cache(maxsize=1)
def sequence() -> tuple[str, ...]:
    """Every distinct party colour, in the order they are handed out."""
    out: list[str] = []
    for round_luminance in _ROUNDS:
        for hue, base in _CURATED:
            colour = _at_luminance(hue, round_luminance or base)
            if colour not in out:
                out.append(colour)
    return tuple(out)


def curated() -> tuple[str, ...]:
    return sequence()[: len(_CURATED)]


def next_colour(used: Iterable[str]) -> str:
    """The first colour of the sequence no party has yet; past the end, round again."""
    taken = [u.upper() for u in used if u]
    colours = sequence()
    taken_set = set(taken)
    for colour in colours:
        if colour not in taken_set:
            return colour
    return colours[len(taken) % len(colours)]
