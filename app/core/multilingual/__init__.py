"""Who speaks in an article in Arabic, Persian, Urdu, French or Russian (issue 16).

    suggest(text, spans, existing, language) -> (new parties, one Attribution per span)

A statement is a side's when a reporting construction of its language (``.cues``) stands
outside its quotations and a side is named beside it (``.sides``: the countries in the
article's script, and the project's parties and aliases): the side named on the subject's side
of the verb first — before it in French, Russian, Persian and Urdu, after it in Arabic, whose
verb comes first ("قال وزير الخارجية السوداني"), and after "selon", "по словам", "بحسب",
"به گفته". A statement that goes on without naming anyone ("Il a ajouté", "وأضاف", "وی افزود",
"انہوں نے مزید کہا") and the sentences of a quotation that runs on are the last speaker's.
Everything else is narration. A side is proposed under its English name with the forms the
article uses as aliases, so "ایران" in Persian is the Iran of the English coverage.

English goes through ``app.core.attribution`` instead; this is the first reading of the other
five, docs/languages.md says what it reads and what not yet (people named with an office and
no country, capitals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.models import Attribution, ProposedParty, Span
from app.core.multilingual.cues import PATTERNS, QUOTE, compiled
from app.core.multilingual.sides import alias_forms, country_forms, mentions

__all__ = ["LANGUAGES", "suggest"]

LANGUAGES = frozenset(PATTERNS)
VERB_FIRST = frozenset({"ar"})
_NAMED_AFTER = ("selon", "d'après", "d’après", "cité par", "по ", "как ", "وفقا", "وفقاً", "طبقا", "طبقاً", "بحسب",
                "حسب", "نقلا", "نقلاً", "به گفته", "به نقل", "بنا بر", "طبق", "في بيان")
_NAMED_BEFORE = ("کے مطابق", "کے بقول", "کی جانب سے")


def suggest(
    text: str, spans: Sequence[Span], existing: Sequence[ProposedParty], language: str
) -> tuple[list[ProposedParty], list[Attribution]]:
    patterns = compiled(language)
    forms = {**country_forms(language), **alias_forms(existing)}
    known = {p.name for p in existing}
    seen: dict[str, list[str]] = {}  # side -> the forms this article names it by
    out: list[Attribution] = []
    last: tuple[int, str] | None = None  # (statement, party) of the last side that spoke
    quoting = False  # a quotation opened and not yet closed
    for i, span in enumerate(spans):
        s = text[span.start:span.end]
        quotes = [(m.start(), m.end()) for m in QUOTE.finditer(s)]
        outside = _masked(s, quotes)
        cue = patterns["speech"].search(outside)
        found = _speaker(outside, cue, forms, language, quotes) if cue else None
        quote_spans = tuple((span.start + a, span.start + b) for a, b in quotes)
        if found is not None:
            out.append(_spoken(s, outside, cue, found, language, quote_spans, seen))
            last = (i, found[2])
        elif last is not None and _goes_on(patterns, s, outside, cue, quoting, i - last[0], language):
            out.append(Attribution("quote" if quotes or quoting else "reported", party=last[1], confidence=0.5,
                                   quotes=quote_spans, carried_from=last[0],
                                   reason=f"goes on from statement {last[0] + 1} ({last[1]})"))
        else:
            out.append(Attribution("narration", confidence=0.5, reason="no reporting construction beside a "
                                   "side's name" if cue else "no reporting construction"))
            if cue is None and not quoting and _new_paragraph(text, spans, i):
                last = None
        quoting = _still_open(s, quoting)
    new = [ProposedParty(side, forms_) for side, forms_ in seen.items()]
    return [p for p in new if p.name not in known] + [p for p in new if p.name in known], out


def _spoken(s, outside, cue, found, language, quote_spans, seen) -> Attribution:
    """The statement of the side ``found`` names; its words are kept as the side's alias."""
    start, end, side = found
    words = s[_phrase_start(outside, start, language):end]
    forms = seen.setdefault(side, [])
    if words not in forms:
        forms.append(words)
    verb = cue.group().strip()
    return Attribution("quote" if quote_spans else "reported", speaker=words, cue=verb, party=side,
                       confidence=0.6, quotes=quote_spans, reason=f"“{verb}” beside “{words}”, which names {side}")


def _goes_on(patterns, s: str, outside: str, cue, quoting: bool, since: int, language: str) -> bool:
    """"Il a ajouté…", a quotation running on, or an office named without its country ("the
    spokesman said", "وذكر المتحدث") right after a side spoke: the last speaker's."""
    if patterns["continues"].search(s):
        return True
    if cue is None:
        return quoting
    subject = outside[cue.end():] if language in VERB_FIRST else outside[:cue.start()]
    return since <= 2 and bool(patterns["office"].search(subject))


def _masked(s: str, quotes: list[tuple[int, int]]) -> str:
    """The sentence with its quotations blanked out (same offsets): a name inside a quote is
    what the speaker talks about, not who speaks."""
    chars = list(s)
    for a, b in quotes:
        for k in range(a, b):
            chars[k] = " "
    return "".join(chars)


def _speaker(outside: str, cue, forms, language: str, quotes=()):
    """The side named where the speaker stands for ``cue``: before the verb in French, Russian,
    Persian and Urdu ("Le ministère malien … a déclaré"), after it in Arabic, after "selon",
    "по словам", "به گفته", and after a verb that follows a quotation or an impersonal one
    ("», a déclaré le ministre malien", "заявили в Минобороны России")."""
    found = [m for m in mentions(outside, forms) if not _DATELINE.match(outside, m[0])]
    if not found:
        return None
    words = cue.group().strip().lower()
    before = sorted((m for m in found if m[1] <= cue.start() + 1), key=lambda m: -m[1])
    after = sorted((m for m in found if m[0] >= cue.end() - 1), key=lambda m: m[0])
    if words.startswith(_NAMED_BEFORE):
        return before[0] if before else None
    if language in VERB_FIRST or words.startswith(_NAMED_AFTER):
        ordered = [*after, *before]
    elif any(b <= cue.start() + 2 for _a, b in quotes) or words.endswith("ли") and _IMPERSONAL.match(outside, cue.end()):
        ordered = [*after, *before]  # the speaker after the verb: inverted, or "заявили в …"
    else:
        ordered = before  # what follows the verb is its object ("a convoqué l'ambassadeur du Mali")
    return ordered[0] if ordered else None


# "BAMAKO, 14 février (AFP) –", "МОСКВА, 17 июн —": where the story was filed, not who speaks
_DATELINE = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ\-' ]{2,}\b(?=,)")
# "заявили в Минобороны": a plural verb with no subject, the body it speaks for after "в"
_IMPERSONAL = re.compile(r"\s+(?:в|во|из|у)\s")


def _phrase_start(outside: str, start: int, language: str) -> int:
    """Where the name of a side begins when Arabic names it by a noun and the country's
    adjective ("الجيش السوداني", "الحكومة اليمنية"): the noun before the adjective. Elsewhere,
    the country's own word."""
    if language != "ar" or not outside[start:].split(maxsplit=1)[0].rstrip("،,.").endswith(("ي", "ية")):
        return start
    before = outside[:start].rstrip()
    noun = before.rsplit(maxsplit=1)[-1] if before else ""
    return len(before) - len(noun) if noun.startswith("ال") else start


def _still_open(s: str, quoting: bool) -> bool:
    """Whether a quotation runs on past this sentence."""
    for ch in s:
        if ch in "«“„":
            quoting = True
        elif ch in "»”":
            quoting = False
    return quoting


def _new_paragraph(text: str, spans: Sequence[Span], i: int) -> bool:
    return i + 1 < len(spans) and "\n" in text[spans[i].end:spans[i + 1].start]
