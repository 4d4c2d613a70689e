"""app.core.terminal: what reaches a terminal is shown, never obeyed."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.terminal import json_shown, shown

ACTS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]] + ["\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069", "\ud800"]


def test_every_control_is_written_as_a_visible_escape():
    assert shown("a\x1b]0;title\x07b") == "a\\x1b]0;title\\x07b"
    assert shown("one\ntwo\rthree\tfour") == "one\\ntwo\\rthree\\tfour"
    assert shown("\x9b31m\u202eevil") == "\\x9b31m\\u202eevil"
    for char in ACTS:
        assert char not in shown(f"x{char}y")


def test_ordinary_text_of_every_script_is_left_alone():
    for text in ("Café — “quoted”", "پاکستان نے ایران", "إيران\u200f", "中国外交部", "a\\x1b", "👍🏽", "\u200d"):
        assert shown(text) == text


@settings(max_examples=60)
@given(st.text())
def test_shown_is_idempotent_and_never_leaves_a_control(text):
    once = shown(text)
    assert shown(once) == once
    assert not any(char in once for char in ACTS)


@settings(max_examples=60)
@given(st.recursive(st.text() | st.integers() | st.none(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_shown_keeps_the_value(value):
    text = json_shown(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(text) == value
    assert not any(char in text for char in ACTS if char != "\n")
