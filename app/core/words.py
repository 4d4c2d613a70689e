"""English for generated sentences: "1 party", "2 parties", "an index", "a table".

Every sentence Counterclaim builds from a number or a word it does not know in advance goes
through these, so it never says "1 statements", "two partys" or "a index".
Stdlib only: this module is part of ``app.core``.
"""

from __future__ import annotations

_IRREGULAR = {"index": "indexes", "person": "people", "child": "children", "man": "men", "woman": "women",
              "analysis": "analyses", "criterion": "criteria", "datum": "data", "medium": "media"}
_UNCHANGED = frozenset({"news", "series", "sheep", "data", "media"})
_VOWEL_SOUND_EXCEPTIONS = ("hour", "honest", "honour", "honor", "heir")
_CONSONANT_SOUND_EXCEPTIONS = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubi", "ura", "uro", "ure")


# What every view and export writes after the party of a suggested (unconfirmed) tag.
SUGGESTED_MARK = " (suggested)"


def plural(noun: str) -> str:
    """The plural of a one-word English noun, keeping its capitals ("Party" → "Parties")."""
    low = noun.casefold()
    if not low or low in _UNCHANGED:
        return noun
    if low in _IRREGULAR:
        out = _IRREGULAR[low]
        return out.capitalize() if noun[:1].isupper() else out
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return noun[:-1] + ("IES" if noun.isupper() else "ies")
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return noun + ("ES" if noun.isupper() else "es")
    return noun + ("S" if noun.isupper() else "s")


def counted(n: int, noun: str, plural_form: str | None = None) -> str:
    """``n`` and the noun in the right number, with thousands separators: "1 party", "1,204 parties"."""
    return f"{n:,} {noun if n == 1 else plural_form or plural(noun)}"


def a_or_an(phrase: str) -> str:
    """The phrase with the indefinite article its first sound takes: "an index", "a table", "a unique key"."""
    low = phrase.lstrip("“\"'(").casefold()
    if low.startswith(_VOWEL_SOUND_EXCEPTIONS):
        return f"an {phrase}"
    if low.startswith(_CONSONANT_SOUND_EXCEPTIONS):
        return f"a {phrase}"
    return f"{'an' if low[:1] in ('a', 'e', 'i', 'o', 'u') else 'a'} {phrase}"
