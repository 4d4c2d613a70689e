"""Which words may become an alias of a party: the one predicate every learner asks.

An alias is read in every later article, so a word that means anyone ("Doctor", "Leader",
"the ministry", "he") must never become one: it would pull the next "the doctor said…" onto
that side. Kept small and conservative; the attribution rules may extend the word lists.
"""

from __future__ import annotations

import re

# Words that name nobody in particular: titles, offices, generic bodies, vague sources,
# pronouns and sentence words. An alias made only of these (and determiners) is refused.
COMMON_WORDS = frozenset(
    """he she it they we you i him her them his its their our this that these those one who
    the a an of for to in on at by and or mr mrs ms dr sir
    doctor leader president prime minister ministry minister's spokesman spokeswoman spokesperson
    official officials officer chief head director secretary general commander governor mayor
    ambassador envoy deputy vice senior top former acting foreign defence defense interior
    government army military police navy forces office agency committee council authorities
    administration cabinet parliament embassy state statement report reports daily news times
    post press media source sources analyst analysts expert experts witness witnesses resident
    residents people group groups side sides party parties country countries nation region city
    capital security intelligence health service services department board court judge king
    queen prince people's national federal central public world international united""".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def may_be_alias(words: str) -> bool:
    """True when ``words`` can stand for one side wherever they appear.

    Refused: nothing, a single letter, no letters at all, or only common words and titles
    ("the Foreign Ministry", "Doctor", "Leader", "he").
    """
    tokens = _WORD.findall(words or "")
    if not tokens or not any(c.isalpha() for c in words):
        return False
    if len(tokens) == 1 and len(tokens[0]) < 2:
        return False
    folded = [t.casefold().replace("’", "'") for t in tokens]
    return not all(t in COMMON_WORDS or t.removesuffix("'s") in COMMON_WORDS for t in folded)
