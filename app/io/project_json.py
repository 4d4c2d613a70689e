"""The JSON exchange file: everything in a project, readable by people and scripts.

``to_document`` turns export data into the file's structure; ``read`` parses a file back
and checks every invariant the project file relies on (offsets inside the article,
``text[start:end]`` equal to the statement, known party and topic ids, the format
version) before anything is written. A hand-edited file that breaks one is refused with
a sentence that says where.

    {
      "format": "counterclaim-export", "format_version": 1,
      "project": "...", "exported_at": "...", "generator": "Counterclaim 0.1", "filters": {...},
      "articles":   [{id, title, outlet, byline, published, language, source_path, format,
                      text, sha256, imported_at}],
      "parties":    [{id, name, color, aliases: [...], shortcut, position}],
      "topics":     [{id, name, color, position}],
      "statements": [{id, article_id, start, end, text, paragraph, kind, speaker, cue,
                      party_id, status, confidence, note, reason, quotes: [[start, end]],
                      carried_from, furniture (optional: page furniture's family, or null)}],
      "statement_topics": [[statement_id, topic_id]],
      "links":      [{id, source_id, target_id, relation, note, status}],
      "alias_origins": [{party_id, alias, origin, statement_id}]   (optional: where aliases came from)
    }

Offsets count Unicode code points (Python string indexes), as everywhere in Counterclaim.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from app.core.errors import ImportRefused
from app.core.models import is_calendar_date
from app.core.text import clean_text
from app.core.words import plural

FORMAT = "counterclaim-export"
FORMAT_VERSION = 1

ARTICLE_KEYS = ("id", "title", "outlet", "byline", "published", "language", "source_path", "format",
                "text", "sha256", "imported_at")
PARTY_KEYS = ("id", "name", "color", "aliases", "shortcut", "position")
TOPIC_KEYS = ("id", "name", "color", "position")
STATEMENT_KEYS = ("id", "article_id", "start", "end", "text", "paragraph", "kind", "speaker", "cue",
                  "party_id", "status", "confidence", "note", "reason", "quotes", "carried_from")
LINK_KEYS = ("id", "source_id", "target_id", "relation", "note", "status")
ORIGIN_KEYS = ("party_id", "alias", "origin", "statement_id")
ORIGINS = ("suggested", "learned", "hand", "newsroom", "merge")

KINDS = ("narration", "reported", "quote")
STATUSES = (None, "suggested", "confirmed")
RELATIONS = ("contradicts", "supports", "responds-to")
LINK_STATUSES = ("suggested", "confirmed")
MAX_BYTES = 1 << 30  # a gigabyte of JSON is not an export of this program


def to_document(data) -> dict:
    """The exchange structure for export data (see the module docstring)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"Counterclaim {__version__}",
        "project": data.project_name,
        "exported_at": data.exported_at,
        "filters": data.selection.describe(),
        "articles": [{k: a.get(k) for k in ARTICLE_KEYS} for a in data.articles],
        "parties": [{k: p.get(k) for k in PARTY_KEYS} for p in data.parties],
        "topics": [{k: t.get(k) for k in TOPIC_KEYS} for t in data.topics],
        "statements": [
            {**{k: s.get(k) for k in STATEMENT_KEYS}, "furniture": s.get("furniture")}
            for s in sorted([*data.statements, *getattr(data, "furniture", [])], key=lambda s: (s["article_id"], s["start"]))
        ],
        "statement_topics": [list(p) for p in data.statement_topics],
        "links": [{k: lk.get(k) for k in LINK_KEYS} for lk in data.links],
        "alias_origins": [{k: o.get(k) for k in ORIGIN_KEYS} for o in getattr(data, "alias_origins", [])],
    }


@dataclass
class Exchange:
    """A validated exchange file, ready for ``app.store.exchange.restore``."""

    project: str
    articles: list[dict]
    parties: list[dict]
    topics: list[dict]
    statements: list[dict]
    statement_topics: list[tuple[int, int]]
    links: list[dict]
    alias_origins: list[dict] = field(default_factory=list)


class _Refuse:
    def __init__(self, name: str):
        self.name = name

    def __call__(self, why: str) -> ImportRefused:
        return ImportRefused(f"“{self.name}” cannot be imported: {why} Nothing was changed.")


def read(path: str | os.PathLike) -> Exchange:
    path = Path(path)
    refuse = _Refuse(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise refuse("it is larger than any Counterclaim export could be.")
        raw = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"“{path.name}” cannot be read: {error.strerror or error}.") from error
    try:
        document = json.loads(
            raw.decode("utf-8-sig"), parse_int=_parse_int, parse_float=_parse_float, parse_constant=_NotANumber
        )
    except UnicodeDecodeError as error:
        raise refuse("it is not UTF-8 text.") from error
    except json.JSONDecodeError as error:
        raise refuse(f"it is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}).") from error
    except RecursionError:
        raise refuse(f"it is nested more deeply than any Counterclaim export (over {MAX_DEPTH} levels).") from None
    problem = _value_problem(document)
    if problem:
        raise refuse(problem)
    return validate(document, path.name)


# --- values any JSON parser accepts and no export holds ----------------------------------------

MAX_DEPTH = 16  # an export nests four levels ({"statements": [{"quotes": [[0, 1]]}]})
_INT_RANGE = range(-(2**63), 2**63)  # what SQLite stores as an integer


class _NotANumber:
    """A number no export holds: NaN, Infinity, beyond a float, or longer than a SQLite integer."""

    def __init__(self, literal: str):
        self.literal = literal if len(literal) <= 24 else literal[:20] + "…"


def _parse_int(literal: str):  # noqa: ANN202 - an int or a _NotANumber
    # Python refuses to turn a 4,300-digit literal into an int (a ValueError, not a sentence).
    return int(literal) if len(literal) <= 20 else _NotANumber(literal)


def _parse_float(literal: str):  # noqa: ANN202
    value = float(literal)
    return value if math.isfinite(value) else _NotANumber(literal)


def _where(path: tuple) -> str:
    """("statements", 2, "start") -> 'entry 3 of “statements”, “start”'."""
    words: list[str] = []
    for i, step in enumerate(path):
        if isinstance(step, int):
            words[-1:] = [f"entry {step + 1} of {words[-1]}"] if words else [f"entry {step + 1}"]
        else:
            words.append(f"“{step}”" if i == 0 else f"its “{step}”")
    return ", ".join(words) or "the top level"


def _value_problem(document) -> str | None:
    """The first value no export holds, said with where it is: a lone surrogate, a number
    too large, nesting too deep. Iterative, so no depth of nesting can overflow the stack."""
    stack: list[tuple[object, tuple]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return f"it is nested more deeply than any Counterclaim export (over {MAX_DEPTH} levels, at {_where(path[:3])} …)."
        if isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in reversed(list(enumerate(value))))
        elif isinstance(value, dict):
            if not all(_encodable(key) for key in value):
                return f"it holds broken characters (a lone UTF-16 surrogate escape such as \\ud800) in a name at {_where(path)}."
            stack.extend((item, (*path, key)) for key, item in reversed(list(value.items())))
        else:
            problem = _leaf_problem(value)
            if problem:
                return f"it holds {problem} in {_where(path)}."
    return None


def _leaf_problem(value) -> str | None:
    if isinstance(value, str) and not _encodable(value):
        return "broken characters (a lone UTF-16 surrogate escape such as \\ud800)"
    if isinstance(value, _NotANumber):
        return f"the number {value.literal}, which is not one Counterclaim can store,"
    if _is_int(value) and value not in _INT_RANGE:
        shown = str(value) if len(str(value)) <= 24 else str(value)[:20] + "…"
        return f"the number {shown}, larger than Counterclaim can store (2⁶³),"
    return None


def _encodable(value: str) -> bool:
    """JSON may escape lone surrogates, which no text file or SQLite string can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- the checks, one small function each -------------------------------------------------------

# Control characters (C0, DEL, C1: ESC, BEL, CSI…) are terminal codes, never a name. Notes may
# hold line breaks and tabs, nothing else of the kind.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_NOTE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_str(value) -> bool:
    return value is None or isinstance(value, str)


def _control_named(text: str, pattern: re.Pattern) -> str | None:
    found = pattern.search(text)
    if found is None:
        return None
    char = found.group(0)
    label = {"\x1b": "ESC", "\x07": "BEL", "\x9b": "CSI", "\x9d": "OSC", "\x00": "NUL", "\x7f": "DEL"}.get(char)
    code = f"U+{ord(char):04X}"
    return f"{label}, {code}" if label else code


def _check_plain(refuse, subject: str, key: str, value, *, note: bool = False) -> None:
    """A name or a note holds no control character: refused with the field named."""
    if not isinstance(value, str):
        return
    found = _control_named(value, _CONTROL_IN_NOTE if note else _CONTROL)
    if found:
        raise refuse(
            f"{subject} has a control character ({found}) in its “{key}”; terminal codes and other "
            "control characters are not allowed in a Counterclaim export (was it edited by hand?)."
        )


def _records(document: dict, key: str, keys: tuple[str, ...], refuse, optional: tuple[str, ...] = ()) -> list[dict]:
    items = document.get(key)
    if not isinstance(items, list):
        raise refuse(f"it has no “{key}” list.")
    rows = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise refuse(f"entry {i} of “{key}” is not an object.")
        missing = [k for k in keys if k not in item]
        if missing:
            raise refuse(f"entry {i} of “{key}” has no “{missing[0]}”.")
        if not _is_int(item["id"]) or item["id"] < 1:
            raise refuse(f"entry {i} of “{key}” has an id that is not a positive whole number.")
        rows.append({**{k: item[k] for k in keys}, **{k: item.get(k) for k in optional}})
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        seen: set[int] = set()
        duplicate = next(i for i in ids if i in seen or seen.add(i))
        raise refuse(f"two entries of “{key}” share the id {duplicate}.")
    return rows


def _check_header(document, refuse) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise refuse("it is not a Counterclaim JSON export (its “format” is not “counterclaim-export”).")
    version = document.get("format_version")
    if not _is_int(version):
        raise refuse("it has no format version.")
    if version > FORMAT_VERSION:
        raise refuse(
            f"it was written by a newer Counterclaim (format version {version}; this one reads up to "
            f"{FORMAT_VERSION}). Update Counterclaim to import it."
        )
    if version < 1:
        raise refuse(f"its format version {version} is not one Counterclaim ever wrote.")
    _check_plain(refuse, "the project", "project", document.get("project"))


_ARTICLE_TEXT_KEYS = ("title", "outlet", "byline", "published", "language", "source_path")


def _check_article(a: dict, refuse) -> None:
    if not isinstance(a["text"], str) or not a["text"]:
        raise refuse(f"article {a['id']} has no text.")
    if clean_text(a["text"], reflow_paragraphs=False) != a["text"]:
        # Stored text is always clean (one paragraph per line, no \r, no controls): the
        # desk's offsets rely on it.
        raise refuse(f"article {a['id']} has text that was edited by hand (line breaks or control characters).")
    for key in ("sha256", "format", "imported_at"):
        if not isinstance(a[key], str) or not a[key]:
            raise refuse(f"article {a['id']} has no “{key}”.")
        _check_plain(refuse, f"article {a['id']}", key, a[key])
    for key in _ARTICLE_TEXT_KEYS:
        if not _optional_str(a[key]):
            raise refuse(f"article {a['id']} has a “{key}” that is not text.")
        _check_plain(refuse, f"article {a['id']}", key, a[key])
    if a["published"] and not is_calendar_date(a["published"]):
        raise refuse(
            f"article {a['id']} has a publication date “{a['published']}” that is not a day of the "
            "calendar (YYYY-MM-DD)."
        )


def _check_articles(articles: list[dict], refuse) -> None:
    shas: set[str] = set()
    for a in articles:
        _check_article(a, refuse)
        if a["sha256"] in shas:
            raise refuse(f"article {a['id']} is the same text as another article in the file.")
        shas.add(a["sha256"])


def _unique_names(rows: list[dict], what: str, refuse) -> None:
    seen: set[str] = set()
    for row in rows:
        name = row["name"]
        if not isinstance(name, str) or not name.strip():
            raise refuse(f"{what} {row['id']} has no name.")
        _check_plain(refuse, f"{what} {row['id']}", "name", name)
        if name.casefold() in seen:
            raise refuse(f"two {plural(what)} are called “{name}”.")
        seen.add(name.casefold())
        if not isinstance(row["color"], str) or not row["color"].strip():
            raise refuse(f"{what} “{name}” has no colour.")
        _check_plain(refuse, f"{what} “{name}”", "color", row["color"])
        if not _is_int(row["position"]):
            raise refuse(f"{what} “{name}” has no position number.")


def _check_parties(parties: list[dict], refuse) -> None:
    _unique_names(parties, "party", refuse)
    shortcuts = set()
    for p in parties:
        if not isinstance(p["aliases"], list) or not all(isinstance(x, str) for x in p["aliases"]):
            raise refuse(f"party “{p['name']}” has aliases that are not a list of names.")
        for alias in p["aliases"]:
            _check_plain(refuse, f"party “{p['name']}”", "aliases", alias)
        if p["shortcut"] is not None:
            if not _is_int(p["shortcut"]) or not 1 <= p["shortcut"] <= 9 or p["shortcut"] in shortcuts:
                raise refuse(f"party “{p['name']}” has a keyboard shortcut that is not a free number 1–9.")
            shortcuts.add(p["shortcut"])


def _check_span(s: dict, text: str | None, last_end: dict, refuse) -> None:
    """Where a statement is: inside its article, not overlapping the one before, the same words."""
    sid = s["id"]
    if text is None:
        raise refuse(f"statement {sid} belongs to article {s['article_id']}, which is not in the file.")
    start, end = s["start"], s["end"]
    if not (_is_int(start) and _is_int(end)) or not 0 <= start < end <= len(text):
        raise refuse(
            f"statement {sid} points at characters {start}–{end}, outside article {s['article_id']} "
            f"({len(text)} characters)."
        )
    previous_end, previous = last_end.get(s["article_id"], (0, None))
    if start < previous_end:
        raise refuse(f"statements {previous} and {sid} overlap in article {s['article_id']}.")
    last_end[s["article_id"]] = (end, sid)
    if s["text"] != text[start:end]:
        raise refuse(
            f"statement {sid} says its words are at {start}–{end} of article {s['article_id']}, "
            "but the article's text there is different."
        )


def _check_carried_from(s: dict, places: dict, refuse) -> None:
    """A statement's speaker is carried over from an earlier statement of its own article."""
    sid, earlier = s["id"], s["carried_from"]
    if earlier is None:
        return
    if not _is_int(earlier) or earlier not in places:
        raise refuse(f"statement {sid} continues statement {earlier}, which is not in the file.")
    if earlier == sid:
        raise refuse(f"statement {sid} continues itself.")
    if places[earlier][0] != s["article_id"]:
        raise refuse(f"statement {sid} continues statement {earlier}, which is in another article.")
    if not _is_int(places[earlier][1]) or places[earlier][1] >= s["start"]:
        raise refuse(f"statement {sid} continues statement {earlier}, which comes after it.")


def _check_statement_fields(s: dict, party_ids: set, places: dict, refuse) -> None:
    sid = s["id"]
    if not _is_int(s["paragraph"]) or s["paragraph"] < 1:
        raise refuse(f"statement {sid} has no paragraph number.")
    if s["kind"] not in KINDS:
        raise refuse(f"statement {sid} is of an unknown kind “{s['kind']}”.")
    if s["status"] not in STATUSES:
        raise refuse(f"statement {sid} has an unknown status “{s['status']}”.")
    if s["party_id"] is not None and not (_is_int(s["party_id"]) and s["party_id"] in party_ids):
        raise refuse(f"statement {sid} is tagged with party {s['party_id']}, which is not in the file.")
    _check_carried_from(s, places, refuse)
    confidence = s["confidence"]
    if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))):
        raise refuse(f"statement {sid} has a confidence that is not a number.")
    if confidence is not None and not 0 <= confidence <= 1:
        raise refuse(f"statement {sid} has a confidence of {confidence}; a confidence is between 0 and 1.")
    furniture = s.get("furniture")
    if furniture is not None and not (isinstance(furniture, str) and re.fullmatch(r"[a-z-]{1,40}", furniture)):
        raise refuse(f"statement {sid} has a “furniture” that is not the name of a kind of page line.")
    if furniture is not None and s["party_id"] is not None:
        raise refuse(f"statement {sid} is a line of the page around the article but is tagged with a party.")
    for key in ("speaker", "cue", "note", "reason"):
        if not _optional_str(s[key]):
            raise refuse(f"statement {sid} has a “{key}” that is not text.")
        _check_plain(refuse, f"statement {sid}", key, s[key], note=key in ("note", "reason"))


def _check_quotes(s: dict, text: str, refuse) -> None:
    quotes = s["quotes"]
    if not isinstance(quotes, list) or not all(
        isinstance(q, list) and len(q) == 2 and all(_is_int(x) for x in q) and 0 <= q[0] <= q[1] <= len(text)
        for q in quotes
    ):
        raise refuse(f"statement {s['id']} has quote spans that are not pairs of offsets inside its article.")


def _check_statements(statements: list[dict], articles: list[dict], parties: list[dict], refuse) -> None:
    texts = {a["id"]: a["text"] for a in articles}
    party_ids = {p["id"] for p in parties}
    places = {s["id"]: (s["article_id"], s["start"]) for s in statements}  # checked in order below
    last_end: dict[int, tuple[int, int]] = {}  # article -> (end of the previous span, its id)
    for s in sorted(statements, key=_statement_order):
        text = texts.get(s["article_id"]) if _is_int(s["article_id"]) else None
        _check_span(s, text, last_end, refuse)
        _check_statement_fields(s, party_ids, places, refuse)
        _check_quotes(s, text, refuse)


def _statement_order(s: dict) -> tuple:
    article = s["article_id"] if _is_int(s["article_id"]) else 0
    return (article, s["start"] if _is_int(s["start"]) else 0)


def _topic_pairs(document: dict, statement_ids: set, topics: list[dict], refuse) -> list[tuple[int, int]]:
    topic_ids = {t["id"] for t in topics}
    pairs_raw = document.get("statement_topics")
    if not isinstance(pairs_raw, list):
        raise refuse("it has no “statement_topics” list.")
    pairs: list[tuple[int, int]] = []
    seen_pairs = set()
    for i, pair in enumerate(pairs_raw, start=1):
        if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(x) for x in pair)):
            raise refuse(f"entry {i} of “statement_topics” is not a [statement id, topic id] pair.")
        sid, tid = pair
        if sid not in statement_ids:
            raise refuse(f"a topic is assigned to statement {sid}, which is not in the file.")
        if tid not in topic_ids:
            raise refuse(f"statement {sid} is assigned to topic {tid}, which is not in the file.")
        if (sid, tid) not in seen_pairs:
            seen_pairs.add((sid, tid))
            pairs.append((sid, tid))
    return pairs


def _check_link(lk: dict, statement_ids: set, refuse) -> None:
    for end_key in ("source_id", "target_id"):
        if not _is_int(lk[end_key]) or lk[end_key] not in statement_ids:
            raise refuse(f"link {lk['id']} joins statement {lk[end_key]}, which is not in the file.")
    if lk["source_id"] == lk["target_id"]:
        raise refuse(f"link {lk['id']} joins a statement to itself.")
    if lk["relation"] not in RELATIONS:
        raise refuse(f"link {lk['id']} has an unknown relation “{lk['relation']}”.")
    if lk["status"] not in LINK_STATUSES:
        raise refuse(f"link {lk['id']} has an unknown status “{lk['status']}”.")
    if not _optional_str(lk["note"]):
        raise refuse(f"link {lk['id']} has a note that is not text.")
    _check_plain(refuse, f"link {lk['id']}", "note", lk["note"], note=True)


def _check_links(links: list[dict], statement_ids: set, refuse) -> None:
    link_keys = set()
    for lk in links:
        _check_link(lk, statement_ids, refuse)
        key = (lk["source_id"], lk["target_id"], lk["relation"])
        if key in link_keys:
            raise refuse(f"link {lk['id']} repeats another link.")
        link_keys.add(key)


def _alias_origins(document: dict, parties: list[dict], statement_ids: set, refuse) -> list[dict]:
    """Where aliases came from (files from before it was kept have none): each names an alias
    its party has; a statement left out of a filtered export is simply not named."""
    items = document.get("alias_origins", [])
    if not isinstance(items, list):
        raise refuse("its “alias_origins” is not a list.")
    aliases = {p["id"]: {a.casefold() for a in p["aliases"]} for p in parties}
    rows, seen = [], set()
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict) or any(k not in item for k in ORIGIN_KEYS[:3]):
            raise refuse(f"entry {i} of “alias_origins” is not a party id, an alias and an origin.")
        party_id, alias, origin = item["party_id"], item["alias"], item["origin"]
        if not _is_int(party_id) or party_id not in aliases:
            raise refuse(f"entry {i} of “alias_origins” names party {party_id!r}, which is not in the file.")
        if not isinstance(alias, str) or alias.casefold() not in aliases[party_id]:
            raise refuse(f"entry {i} of “alias_origins” names an alias its party does not have.")
        if origin not in ORIGINS:
            raise refuse(f"entry {i} of “alias_origins” has an unknown origin (one of {', '.join(ORIGINS)}).")
        statement_id = item.get("statement_id")
        if statement_id is not None and not _is_int(statement_id):
            raise refuse(f"entry {i} of “alias_origins” names a statement that is not a number.")
        if (party_id, alias.casefold()) in seen:
            raise refuse(f"entry {i} of “alias_origins” repeats an alias of party {party_id}.")
        seen.add((party_id, alias.casefold()))
        rows.append({"party_id": party_id, "alias": alias, "origin": origin,
                     "statement_id": statement_id if statement_id in statement_ids else None})
    return rows


def validate(document, name: str = "the file") -> Exchange:
    """Check an exchange structure; raise ``ImportRefused`` naming the first problem."""
    refuse = _Refuse(name)
    _check_header(document, refuse)
    articles = _records(document, "articles", ARTICLE_KEYS, refuse)
    parties = _records(document, "parties", PARTY_KEYS, refuse)
    topics = _records(document, "topics", TOPIC_KEYS, refuse)
    statements = _records(document, "statements", STATEMENT_KEYS, refuse, optional=("furniture",))
    links = _records(document, "links", LINK_KEYS, refuse)
    _check_articles(articles, refuse)
    _check_parties(parties, refuse)
    _unique_names(topics, "topic", refuse)
    _check_statements(statements, articles, parties, refuse)
    statement_ids = {s["id"] for s in statements}
    pairs = _topic_pairs(document, statement_ids, topics, refuse)
    _check_links(links, statement_ids, refuse)
    origins = _alias_origins(document, parties, statement_ids, refuse)
    project = document.get("project")
    return Exchange(
        project=project if isinstance(project, str) else "",
        articles=articles,
        parties=parties,
        topics=topics,
        statements=statements,
        statement_topics=pairs,
        links=links,
        alias_origins=origins,
    )
