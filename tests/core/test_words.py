"""Generated sentences use English numbers and articles: "1 party", "2 parties", "an index"."""

import pytest

from app.core.words import a_or_an, counted, plural


@pytest.mark.parametrize("noun, expected", [
    ("party", "parties"), ("Party", "Parties"), ("statement", "statements"), ("index", "indexes"),
    ("topic", "topics"), ("key", "keys"), ("match", "matches"), ("box", "boxes"), ("byte", "bytes"),
    ("article", "articles"), ("link", "links"), ("cell", "cells"), ("news", "news"), ("class", "classes"),
])
def test_plural(noun, expected):
    assert plural(noun) == expected


def test_counted():
    assert counted(1, "party") == "1 party"
    assert counted(0, "party") == "0 parties"
    assert counted(2, "party") == "2 parties"
    assert counted(1204, "statement") == "1,204 statements"
    assert counted(3, "empty cell") == "3 empty cells"


@pytest.mark.parametrize("phrase, expected", [
    ("index", "an index"), ("table", "a table"), ("view", "a view"), ("trigger", "a trigger"),
    ("article", "an article"), ("hour", "an hour"), ("unique key", "a unique key"), ("outlet", "an outlet"),
    ("“Index”", "an “Index”"), ("European outlet", "a European outlet"),
])
def test_a_or_an(phrase, expected):
    assert a_or_an(phrase) == expected
