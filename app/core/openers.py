"""What may open a sentence before its speaker: a dateline or an agency credit.

    CARACAS (Andean Wire) — …         NEW DELHI, June 14 (Continental Press) — …
    MANILA, March 5 – …               YEREVAN, Oct 9 (Agency) - …
    VILNIUS, Oct 27 (Agency): …       NAIROBI, Kenya (Agency) — …
    (Tbilisi) …                       AGENCY: …          Wire Agency (WA): …

``dateline_end(sentence)`` is where the sentence proper begins (0 when there is none): the
speaker is read after it, so a city or an agency in a dateline is never the speaker, and the
word after it is a sentence's first word (capitalised because it is first, not a name).
"""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DASH = r"\s*[—–\-]{1,2}\s+"
_DATELINE = re.compile(
    # a city in capitals, then optionally a country or state, a date and an agency in brackets
    r"[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+){0,3}"  # "NEW DELHI", "YANGON/BANGKOK"
    r"(?:,\s+[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,2})?"
    r"(?:,\s+" + _MONTH + r"\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"(?:\s+\([^()]{2,60}\))?"
    r"(?:" + _DASH + r"|\s*:\s+)"
    # or a place or an agency in brackets alone: "(Tbilisi) …", "(Wire Agency) – …"
    r"|\([A-Z][\w.'’\- ]{1,40}\)(?:" + _DASH + r"|\s+(?=[A-Z“\"‘]))"
    # or an agency credit: "AGENCY: …", "Wire Agency (WA): …"
    r"|[A-Z]{2,}(?: [A-Z]{2,}){0,2}:\s+"
    r"|[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,4} \([A-Z]{2,}\):\s+"
)


def dateline_end(sentence: str) -> int:
    """Offset where the sentence begins after a leading dateline or credit, else 0.

    A capitalised city alone needs a dash or a colon after it, so "NATO said …" and "US
    officials said …" keep their first word.
    """
    if not sentence[:1].isupper() and not sentence.startswith("("):
        return 0
    m = _DATELINE.match(sentence)
    if not m or m.end() >= len(sentence):
        return 0
    return m.end()
