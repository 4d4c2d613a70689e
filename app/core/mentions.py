"""A person named as the subject of a narration sentence, whom the next "he said" continues.

    Kumar was more specific on Thursday. Speaking to reporters, he said …
    Hakobyan, for his part, struck a conciliatory note. "We are ready," he told lawmakers.
    Belarus's deputy interior minister Pavel Lukyanchik was categorical when we met him.

``subject_person(sentence)`` gives the (start, end) of such a subject, or None. It reads only the
sentence's first noun phrase: titles and office words, then a capitalised name last, followed by
a verb or an aside ("X, for his part, …"). Countries, bodies and organisations are not persons
("Venezuela was quick to respond", "The Assembly voted") and are left to the cue rules.
"""

from __future__ import annotations

import re

from app.core.openers import dateline_end

# Office words that may stand before a name in a subject ("deputy interior minister Pavel …").
_OFFICE = frozenset(
    """the a former deputy acting interim chief senior top foreign interior defence defense
    finance prime vice minister president premier spokesman spokeswoman spokesperson secretary
    general commander governor mayor ambassador envoy leader head director chairman chairwoman
    chair lawmaker senator opposition union party army police military state national regional
    security council cabinet lieutenant colonel major captain admiral professor judge""".split()
)
_TOKEN = re.compile(r"[^\s,;:]+")
_NAME = re.compile(r"[A-Z][a-zà-ÿ’'\-]+(?:\.)?$")
_ORG = re.compile(
    r"\b(?:Army|Front|Party|Movement|Council|Agency|Committee|Commission|Union|Forces?|Ministry|"
    r"Department|Office|Authority|Government|Assembly|Parliament|Court|Guard|Police|Navy|Group|"
    r"Bank|News|Times|Press|Wire)\b"
)
_AFTER = re.compile(
    r",\s+(?:for (?:his|her) part|meanwhile|however|too|though|in turn|by contrast|speaking [^,]{1,60}),"
    r"|\s+(?:was|is|has|had|struck|took|sounded|gave|offered|appeared|seemed|went|spoke|remained|"
    r"looked|sat|stood|wrote|repeated|kept|made|came|returned|turned|chose|put|struck|painted|"
    r"[a-z]+ed)\b"
)


def subject_person(sentence: str) -> tuple[int, int] | None:
    start = dateline_end(sentence) if sentence[:2].isupper() or sentence[:1] == "(" or ":" in sentence[:60] else 0
    intro = _INTRO.match(sentence, start)
    if intro is not None:  # "At the army's brigade headquarters, Colonel X is blunter."
        start = intro.end()
    m = DESCRIBED_PERSON.match(sentence, start)
    if m is not None and _AFTER.match(sentence, m.end()) and not _ORG.search(m.group("name")):
        return start, m.end("name")  # "Belarus's chargé d'affaires in Vilnius, Pavel Roe, was …"
    end = None
    names = 0
    for k, w in enumerate(_TOKEN.finditer(sentence, start, start + 120)):
        token = w.group()
        bare = token.removesuffix("’s").removesuffix("'s")
        if _NAME.match(bare) and (k or bare.lower() not in _SENTENCE_WORDS):
            names += 1
            end = w.end()
            if bare != token:  # "Armenia's": what follows is the head
                names, end = 0, None
            continue
        if token.lower() in _OFFICE and (end is None or names == 0):
            continue
        break
    if end is None or names == 0 or names > 4:
        return None
    subject = sentence[start:end]
    if _ORG.search(subject) or not _AFTER.match(sentence, end):
        return None
    from app.core.gazetteer import load

    found = load().find(subject)
    if any(m.end - m.start == len(subject.split()[-1]) and subject.endswith(m.form) for m in found):
        return None  # "… Armenia was": a country, not a person
    return start, end


# A short scene-setting phrase before the subject.
_INTRO = re.compile(r"(?:At|In|On|Back in|Back at|Outside|Inside|From|Across|Later|Earlier|Hours later|"
                    r"A day later|Meanwhile)\b[^,.;:!?“”\"]{0,60},\s+(?=[A-Z])")
# "<who they are>, <Name>,": the description first, the name in commas (a subject here, the
# interviewee in app.core.interviews).
DESCRIBED_PERSON = re.compile(
    r"(?:The |[A-Z][\w’'\-]*['’]s |An? )[^,;:.!?“”\"]{3,80}?,\s+"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|de|van|von|bin|al)){1,3}),(?=\s)"
)
_SENTENCE_WORDS = frozenset(
    "the a an this that these those it its their his her he she they we in on at as after before "
    "while when but and yet so for with without by from despite although though since until".split()
)
