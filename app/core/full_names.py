"""How an article names one person: the full mention behind a surname, the country before a title.

    fuller_mention(text, "Aquino") -> ("Commodore Ramil Aquino, the Philippine Coast Guard
        spokesman", offset): the first place the article names the person in full, with the
        title before the name and the description after it, so "Aquino said" is read as the
        whole mention is, even when that mention was narration and never a speaker.
    without_country(gaz, words): "Armenian Prime Minister Davit Hakobyan" -> the words from the
        title on: a country form before an office says whose office it is, not who the person is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.core.common_words import is_common
from app.core.party_words import TITLE_WORDS

# Capitalised words right before the surname: a title, a first name ("Commodore Ramil ").
_CAPS_BEFORE = re.compile(r"(?:(?:[A-Z][\w’'.\-]*|de|van|von|bin|al|spokes(?:man|woman|person)|advis[eo]r|"
                          r"commander|minister|official|chief|envoy|negotiator)\s+){1,7}$")
# A description right after the name, to the next comma or stop: ", the coast guard spokesman".
_DESCRIPTION = re.compile(r",\s+(?:the|a|an|who|[A-Z][\w’'\-]*['’]s)\s[^,.;:!?“”\"()]{3,80}?(?=\s*[,.;:!?])")
# More of the name after the word: "Ruiz" in "Hernán Ruiz Salcedo" (two surnames).
_NAME_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w’'\-]+){1,2}")
_POSS_START = re.compile(r"^(?:['’]s?)")


def fuller_mention(text: str, word: str) -> tuple[str, int] | None:
    """Where ``text`` first names the person called ``word`` alone by more than ``word``."""
    if not _surname_like(word):
        return None
    return _fuller(text, word)


def _surname_like(word: str) -> bool:
    return len(word) >= 3 and word[0].isupper() and word[1:].islower() and word.isalpha() \
        and word not in TITLE_WORDS and not is_common(word)


@lru_cache(maxsize=1024)
def _fuller(text: str, word: str) -> tuple[str, int] | None:
    from app.core.people import person_names

    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not text[end:end + 1].isalnum():
            m = _CAPS_BEFORE.search(text, max(0, at - 80), at)
            if m is not None and text[m.start():at].split()[-1][:1].isupper():
                start = m.start()
                more = _NAME_AFTER.match(text, end)
                name_end = more.end() if more and not text[more.end():more.end() + 1].isalnum() else end
                described = _DESCRIPTION.match(text, name_end)
                phrase = text[start:described.end() if described else name_end]
                people = person_names(phrase)
                if people and word in people[0][0].split():
                    return phrase, start
        at = text.find(word, end)
    return None


def without_country(gaz, words: list[str]) -> list[str]:
    if len(words) < 3:
        return words
    joined = " ".join(words)
    mentions = gaz.find(joined)
    if not mentions or mentions[0].start != 0:
        return words
    rest = _POSS_START.sub("", joined[mentions[0].end:]).split()
    return rest if rest and rest[0] in TITLE_WORDS else words
