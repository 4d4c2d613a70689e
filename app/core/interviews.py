"""Question-and-answer interviews: the answers are the interviewee's, though no cue says so.

    Q&A: Cambodia's envoy on the border war
    Cambodia's ambassador to Thailand, Keo Sothea, has stayed in Bangkok …   <- who answers
    Who fired first?                                                          <- a question
    The Thai side. We have the times, the coordinates, the photographs.      <- her answer
    She paused before the last question.                                      <- the outlet's aside

``answers(text, spans)`` gives {statement index: (speaker words, article offset)} for the
statements of answer paragraphs, or {} when the article is no Q&A. An article is one when it
says so (a "Q&A"/"Interview" title, "This interview has been edited …", "Q:" lines) and asks at
least two questions in paragraphs of their own. The interviewee is the person the opening
introduces ("<who they are>, <Name>," or "<Name>, <who they are>,"). A paragraph is an answer
when it follows a question (or a short interjection: "Thailand says the opposite."), or speaks
in the first person after an answer; an aside about the interviewee in the third person ("She
paused …") and a paragraph quoting someone else stay the outlet's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.common_words import is_common
from app.core.mentions import DESCRIBED_PERSON
from app.core.models import Span
from app.core.segment import paragraphs_of

_MARKER = re.compile(
    r"\A\s*(?:Q\s?&\s?A|Q and A|Interview|INTERVIEW|In conversation|Five questions|\d+ questions|"
    r"Transcript|TRANSCRIPT)\b"
    r"|\b(?:[Tt]his|[Tt]he) (?:interview|conversation|transcript) (?:has been|was|have been) "
    r"(?:edited|condensed|lightly edited)"
    r"|^\s*Q[:.]\s", re.M
)
_MARKER_WORDS = ("interview", "transcript", "conversation", "q&a", "q & a", "q and a", "questions", "q:", "q.")
_Q_PREFIX = re.compile(r"^\s*(?:Q|Question)[:.]\s")
_A_PREFIX = re.compile(r"^\s*(?:A|Answer)[:.]\s")
# The interviewee named first, described after: "Jane Roe, the ambassador," (the other order is
# mentions.DESCRIBED_PERSON).
_NAME_DESCRIBED = re.compile(
    r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,3},\s+(?:the|a|an|[A-Z][\w’'\-]*['’]s)\s[^,;:.!?“”\"]{3,80}?(?=,|\.)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|our|Our|us)\b")
_THIRD_PERSON_START = re.compile(r"^(?:She|He|They|Her|His)\b")
_QUOTE_MARKS = ("“", "”", '"')


def answers(text: str, spans: Sequence[Span]) -> dict[int, tuple[str, int]]:
    if not spans or ":" not in text and "?" not in text:
        return {}
    ends = (text[:400] + "\n" + text[-600:]).lower()
    marked = any(word in ends for word in _MARKER_WORDS) and (
        _MARKER.search(text[:400]) is not None or _MARKER.search(text[-600:]) is not None)
    if not marked and "\nQ:" not in text and len(_TURN_START.findall(text, 0, 20000)) < 2:
        return {}  # no sign of an interview: most articles
    paragraphs = paragraphs_of(text, spans)
    turns = _turns(text, paragraphs)
    if turns is not None:
        return turns
    questions = [p for p, (_, body, _at) in enumerate(paragraphs) if _is_question(body)]
    if len(questions) < 2:
        return {}
    who = _interviewee(text, paragraphs[: questions[0]])
    if who is None:
        return {}
    out: dict[int, tuple[str, int]] = {}
    previous = None  # "question" | "answer" | "aside" | None (before the first question)
    for p, (indices, body, _at) in enumerate(paragraphs):
        if p < questions[0]:
            continue
        if p in questions or previous == "answer" and _interjection(body):
            previous = "question"
            continue
        if _is_answer(body, previous):
            previous = "answer"
            out.update((i, who) for i in indices)
        else:
            previous = "aside"
    return out


def _turns(text: str, paragraphs: list[tuple[list[int], str, int]]) -> dict[int, tuple[str, int]] | None:
    """A transcript or an interview written as turns ("PERETZ: …", "Q: …", "A: …", "El
    Observador: …", "Cifuentes: …"): each turn is its speaker's; the interviewer's are the
    outlet's, "A:" is the interviewee's. None when fewer than four paragraphs are turns."""
    labelled = [(p, m.group("label")) for p, (_, body, _at) in enumerate(paragraphs)
                if p and (m := _TURN.match(body)) and _speaker_label(m.group("label"))]
    counts = {label: sum(1 for _, other in labelled if other == label) for _, label in labelled}
    labelled = [(p, label) for p, label in labelled  # a label said once is a heading, not a turn
                if counts[label] > 1 or label in _ASKING_LABELS or label in _ANSWER_LABELS]
    if len(labelled) < 4:
        return None
    asking = _askers(paragraphs, labelled)
    speakers = [label for _, label in labelled if label not in asking and label not in _ANSWER_LABELS]
    who = _interviewee(text, paragraphs[: labelled[0][0]])
    if who is None and speakers:
        who = _label_words(text, max(set(speakers), key=speakers.count))
    out: dict[int, tuple[str, int]] = {}
    for p, label in labelled:
        if label in asking:
            continue
        words = who if label in _ANSWER_LABELS else _label_words(text, label)
        if words is not None:
            out.update((i, words) for i in paragraphs[p][0])
    return out


def _speaker_label(label: str) -> bool:
    """A label that can name who speaks: "PERETZ", "Cifuentes", "El Observador", "Q" — not a
    page's "Image:", "Credit:", "Source:" or any other common word."""
    if label in _ASKING_LABELS or label in _ANSWER_LABELS:
        return True
    if label in _NOT_TURNS:
        return False
    words = label.split()
    return not all(is_common(w.lower()) for w in words)


def _askers(paragraphs, labelled) -> set[str]:
    """The labels that ask: "Q", "Question", "Interviewer", or whoever's turns are questions."""
    asked: dict[str, list[bool]] = {}
    for p, label in labelled:
        asked.setdefault(label, []).append(paragraphs[p][1].rstrip().endswith("?"))
    return {label for label, marks in asked.items()
            if label in _ASKING_LABELS or sum(marks) * 3 >= len(marks) and any(marks)}


def _label_words(text: str, label: str) -> tuple[str, int] | None:
    """A turn's label as speaker words, at an offset where the article has them: "PERETZ" is
    "Peretz" where the text names him so (a name in capitals reads as an acronym), else the
    label as its turns write it ("ANSA")."""
    at = text.find(label + ":")
    if at < 0:
        return None
    if label.isupper():
        named = re.search(rf"\b{re.escape(label.title())}\b", text)
        if named is not None:
            return named.group(), named.start()
    return label, at


# A turn: a name or role, a colon, the words. "PERETZ: …", "Q: …", "El Observador: …".
_TURN = re.compile(r"(?P<label>[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3}):\s")
# A line that may be a turn: a capitalised label of a few words and a colon at its start.
_TURN_START = re.compile(r"^[A-Z][\w’'.\-]{0,20}(?: [A-Z][\w’'.\-]{0,20}){0,3}: ", re.M)
_ASKING_LABELS = frozenset("Q Question Interviewer Reporter Moderator Host".split())
# Labels of the page, not of a speaker: "Transcript: …", "Editor's note: …", "Update: …".
_NOT_TURNS = frozenset(
    "Transcript Note Update Updated Correction Clarification Photo Video Source Sources Read Watch "
    "Listen Related Background Context Claim Verdict Rating Editor's Editor’s Timeline".split()
)
_ANSWER_LABELS = frozenset("A Answer".split())


def _is_question(body: str) -> bool:
    return bool(_Q_PREFIX.match(body)) or body.rstrip().endswith("?") and len(body.split()) <= 60 \
        and not any(mark in body for mark in _QUOTE_MARKS)


def _interjection(body: str) -> bool:
    """A short turn of the interviewer's between answers: "Thailand says the opposite.\""""
    return len(body.split()) <= 8 and not _FIRST_PERSON.search(body) and not _A_PREFIX.match(body) \
        and not any(mark in body for mark in _QUOTE_MARKS)


def _is_answer(body: str, previous: str | None) -> bool:
    if _A_PREFIX.match(body):
        return True
    if any(mark in body for mark in _QUOTE_MARKS) or _THIRD_PERSON_START.match(body):
        return False  # the outlet quoting someone, or telling of the interviewee
    return previous == "question" or bool(_FIRST_PERSON.search(body))


def _interviewee(text: str, opening: list[tuple[list[int], str, int]]) -> tuple[str, int] | None:
    for _, body, _at in opening[1:] or opening:  # the title names a topic, the standfirst the person
        m = DESCRIBED_PERSON.search(body)
        words = body[m.start():m.end("name")] if m else None
        if words is None:
            m = _NAME_DESCRIBED.search(body)
            words = m.group() if m else None
        if words is not None:
            at = text.find(words)
            return words, at if at >= 0 else None
    return None
