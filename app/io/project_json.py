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
                      carried_from}],
      "statement_topics": [[statement_id, topic_id]],
      "links":      [{id, source_id, target_id, relation, note, status}]
    }

Offsets count Unicode code points (Python string indexes), as everywhere in Counterclaim.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.core.text import clean_text
from app.core.errors import ImportRefused

FORMAT = "counterclaim-export"
FORMAT_VERSION = 1

ARTICLE_KEYS = ("id", "title", "outlet", "byline", "published", "language", "source_path", "format",
                "text", "sha256", "imported_at")
PARTY_KEYS = ("id", "name", "color", "aliases", "shortcut", "position")
TOPIC_KEYS = ("id", "name", "color", "position")
STATEMENT_KEYS = ("id", "article_id", "start", "end", "text", "paragraph", "kind", "speaker", "cue",
                  "party_id", "status", "confidence", "note", "reason", "quotes", "carried_from")
LINK_KEYS = ("id", "source_id", "target_id", "relation", "note", "status")

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
        "statements": [{k: s.get(k) for k in STATEMENT_KEYS} for s in data.statements],
        "statement_topics": [list(p) for p in data.statement_topics],
        "links": [{k: lk.get(k) for k in LINK_KEYS} for lk in data.links],
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
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise refuse("it is not UTF-8 text.") from error
    except json.JSONDecodeError as error:
        raise refuse(f"it is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}).") from error
    if not _encodable(document):
        raise refuse("it holds broken characters (a lone UTF-16 surrogate escape such as \\ud800).")
    return validate(document, path.name)


def _encodable(value) -> bool:
    """JSON may escape lone surrogates, which no text file or SQLite string can hold."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, list):
        return all(_encodable(v) for v in value)
    if isinstance(value, dict):
        return all(_encodable(k) and _encodable(v) for k, v in value.items())
    return True


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_str(value) -> bool:
    return value is None or isinstance(value, str)


def _records(document: dict, key: str, keys: tuple[str, ...], refuse) -> list[dict]:
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
        rows.append({k: item[k] for k in keys})
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise refuse(f"two entries of “{key}” share the id {duplicate}.")
    return rows


def _unique_names(rows: list[dict], what: str, refuse) -> None:
    seen: set[str] = set()
    for row in rows:
        name = row["name"]
        if not isinstance(name, str) or not name.strip():
            raise refuse(f"{what} {row['id']} has no name.")
        if name.casefold() in seen:
            raise refuse(f"two {what}s are called “{name}”.")
        seen.add(name.casefold())
        if not isinstance(row["color"], str) or not row["color"].strip():
            raise refuse(f"{what} “{name}” has no colour.")
        if not _is_int(row["position"]):
            raise refuse(f"{what} “{name}” has no position number.")


def validate(document, name: str = "the file") -> Exchange:
    """Check an exchange structure; raise ``ImportRefused`` naming the first problem."""
    refuse = _Refuse(name)
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

    articles = _records(document, "articles", ARTICLE_KEYS, refuse)
    parties = _records(document, "parties", PARTY_KEYS, refuse)
    topics = _records(document, "topics", TOPIC_KEYS, refuse)
    statements = _records(document, "statements", STATEMENT_KEYS, refuse)
    links = _records(document, "links", LINK_KEYS, refuse)

    shas: set[str] = set()
    for a in articles:
        if not isinstance(a["text"], str) or not a["text"]:
            raise refuse(f"article {a['id']} has no text.")
        if clean_text(a["text"], reflow_paragraphs=False) != a["text"]:
            # Stored text is always clean (one paragraph per line, no \r, no controls): the
            # desk's offsets rely on it.
            raise refuse(f"article {a['id']} has text that was edited by hand (line breaks or control characters).")
        for key in ("sha256", "format", "imported_at"):
            if not isinstance(a[key], str) or not a[key]:
                raise refuse(f"article {a['id']} has no “{key}”.")
        for key in ("title", "outlet", "byline", "published", "language", "source_path"):
            if not _optional_str(a[key]):
                raise refuse(f"article {a['id']} has a “{key}” that is not text.")
        if a["sha256"] in shas:
            raise refuse(f"article {a['id']} is the same text as another article in the file.")
        shas.add(a["sha256"])

    _unique_names(parties, "party", refuse)
    shortcuts = set()
    for p in parties:
        if not isinstance(p["aliases"], list) or not all(isinstance(x, str) for x in p["aliases"]):
            raise refuse(f"party “{p['name']}” has aliases that are not a list of names.")
        if p["shortcut"] is not None:
            if not _is_int(p["shortcut"]) or not 1 <= p["shortcut"] <= 9 or p["shortcut"] in shortcuts:
                raise refuse(f"party “{p['name']}” has a keyboard shortcut that is not a free number 1–9.")
            shortcuts.add(p["shortcut"])
    _unique_names(topics, "topic", refuse)

    texts = {a["id"]: a["text"] for a in articles}
    party_ids = {p["id"] for p in parties}
    statement_ids = {s["id"] for s in statements}
    last_end: dict[int, tuple[int, int]] = {}  # article -> (end of the previous span, its id)
    for s in sorted(statements, key=lambda r: (r["article_id"], r["start"] if _is_int(r["start"]) else 0)):
        sid = s["id"]
        text = texts.get(s["article_id"])
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
        if not _is_int(s["paragraph"]) or s["paragraph"] < 1:
            raise refuse(f"statement {sid} has no paragraph number.")
        if s["kind"] not in KINDS:
            raise refuse(f"statement {sid} is of an unknown kind “{s['kind']}”.")
        if s["status"] not in STATUSES:
            raise refuse(f"statement {sid} has an unknown status “{s['status']}”.")
        if s["party_id"] is not None and s["party_id"] not in party_ids:
            raise refuse(f"statement {sid} is tagged with party {s['party_id']}, which is not in the file.")
        if s["carried_from"] is not None and s["carried_from"] not in statement_ids:
            raise refuse(f"statement {sid} continues statement {s['carried_from']}, which is not in the file.")
        if s["confidence"] is not None and (isinstance(s["confidence"], bool) or not isinstance(s["confidence"], (int, float))):
            raise refuse(f"statement {sid} has a confidence that is not a number.")
        for key in ("speaker", "cue", "note", "reason"):
            if not _optional_str(s[key]):
                raise refuse(f"statement {sid} has a “{key}” that is not text.")
        quotes = s["quotes"]
        if not isinstance(quotes, list) or not all(
            isinstance(q, list) and len(q) == 2 and all(_is_int(x) for x in q) and 0 <= q[0] <= q[1] <= len(text)
            for q in quotes
        ):
            raise refuse(f"statement {sid} has quote spans that are not pairs of offsets inside its article.")

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

    link_keys = set()
    for lk in links:
        for end_key in ("source_id", "target_id"):
            if lk[end_key] not in statement_ids:
                raise refuse(f"link {lk['id']} joins statement {lk[end_key]}, which is not in the file.")
        if lk["source_id"] == lk["target_id"]:
            raise refuse(f"link {lk['id']} joins a statement to itself.")
        if lk["relation"] not in RELATIONS:
            raise refuse(f"link {lk['id']} has an unknown relation “{lk['relation']}”.")
        if lk["status"] not in LINK_STATUSES:
            raise refuse(f"link {lk['id']} has an unknown status “{lk['status']}”.")
        if not _optional_str(lk["note"]):
            raise refuse(f"link {lk['id']} has a note that is not text.")
        key = (lk["source_id"], lk["target_id"], lk["relation"])
        if key in link_keys:
            raise refuse(f"link {lk['id']} repeats another link.")
        link_keys.add(key)

    project = document.get("project")
    return Exchange(
        project=project if isinstance(project, str) else "",
        articles=articles,
        parties=parties,
        topics=topics,
        statements=statements,
        statement_topics=pairs,
        links=links,
    )
