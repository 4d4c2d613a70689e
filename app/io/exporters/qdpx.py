"""QDPX: the REFI-QDA project exchange format (QualCoder, MAXQDA, ATLAS.ti, NVivo).

A zip holding ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0`` namespace) and
``Sources/<guid>.txt``, one UTF-8 text file per article. In it:

- each article is a ``TextSource`` whose ``plainTextPath`` is ``internal://<guid>.txt``;
- parties and topics are ``Code``s with their colours, under two non-codable group codes
  "Parties" and "Topics";
- each statement that has a party, a topic or a link is a ``PlainTextSelection``
  (``startPosition``/``endPosition`` in characters of the source text) with one ``Coding``
  per party and topic;
- counterclaim links are ``Link``s between selections, named by their relation.

A party tag the journalist has not confirmed (a suggestion) is not a coding: the selection
says "suggested party: …" in its description, and only ``include_suggested=True`` codes it.
Source names are the titles made into safe, unique file names (QDA programs such as
QualCoder copy each source to a file of that name); the full title stays in the description.

GUIDs are UUIDs derived from stable facts (an article's fingerprint, a statement's
offsets, a party's name), so exporting the same project twice gives the same GUIDs and a
QDA program can match what it already has. Zip entry names come from GUIDs, never titles.
"""

from __future__ import annotations

import io
import stat
import time
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from app import __version__
from app.core.comparison import normalise_color
from app.io.exporters._common import (
    Cancelled,
    Progress,
    check_cancel,
    safe_entry_name,
    safe_file_name,
    xml_safe,
)
from app.io.exporters._output import atomic_output

NS = "urn:QDA-XML:project:1.0"
_GUID_SPACE = uuid.UUID("6f1c1f0e-6c1b-5d3a-9a51-c0c1a1c1a1a1")
SOURCES_FOLDER = "Sources"


def _guid(*parts: object) -> str:
    return str(uuid.uuid5(_GUID_SPACE, "\x1f".join(str(p) for p in parts)))


def _el(parent, tag: str, **attrs) -> ET.Element:
    clean = {k: xml_safe(str(v)) for k, v in attrs.items() if v is not None}
    if parent is None:
        return ET.Element(f"{{{NS}}}{tag}", clean)
    return ET.SubElement(parent, f"{{{NS}}}{tag}", clean)


def _description(parent, text: str) -> None:
    if text:
        _el(parent, "Description").text = xml_safe(text)


def _selection_name(statement: dict, width: int = 60) -> str:
    words = " ".join(statement["text"].split())
    if len(words) > width:
        words = words[: width - 1].rstrip() + "…"
    return f"¶{statement['paragraph']}: {words}"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name} ({n})"
    taken.add(candidate.casefold())
    return candidate


def build(data, cancelled: Cancelled | None = None, include_suggested: bool = False) -> tuple[bytes, dict[str, str]]:
    """The project.qde bytes and {zip entry name: source text}."""
    stamp = data.exported_at
    user = _guid("user", "Counterclaim")
    root = _el(
        None, "Project", name=data.project_name or "Counterclaim project", origin=f"Counterclaim {__version__}",
        creatingUserGUID=user, creationDateTime=stamp,
    )
    users = _el(root, "Users")
    _el(users, "User", guid=user, name="Counterclaim")
    party_codes, topic_codes = _codebook(root, data)

    linked = {lk["source_id"] for lk in data.links} | {lk["target_id"] for lk in data.links}
    by_article: dict[int, list[dict]] = {}
    for s in data.statements:
        by_article.setdefault(s["article_id"], []).append(s)
    sources = _el(root, "Sources")
    files: dict[str, str] = {}
    selection_guid: dict[int, str] = {}
    source_names: set[str] = set()
    for article in data.articles:
        check_cancel(cancelled)
        source = _source(sources, article, files, source_names, user, stamp)
        for s in by_article.get(article["id"], []):
            suggested = s.get("status") == "suggested"
            codings = []
            if s.get("party_id") in party_codes and (include_suggested or not suggested):
                codings.append(party_codes[s["party_id"]])
            codings += [topic_codes[t] for t in s.get("topic_ids", []) if t in topic_codes]
            if not codings and s["id"] not in linked:
                continue
            guid = _guid("statement", article["sha256"], s["start"], s["end"])
            selection_guid[s["id"]] = guid
            _selection(source, s, guid, codings, include_suggested, user, stamp)

    if data.links:
        _links(root, data.links, selection_guid)
    _description(root, f"Exported from Counterclaim {__version__} on {stamp}: parties and topics as codes, "
                       "statements as coded selections, counterclaims as links.")
    ET.register_namespace("", NS)
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml, files


def _codebook(root, data) -> tuple[dict[int, str], dict[int, str]]:
    """The parties and the topics as two groups of codes: ({party id: guid}, {topic id: guid})."""
    codes = _el(_el(root, "CodeBook"), "Codes")
    party_codes: dict[int, str] = {}
    topic_codes: dict[int, str] = {}
    parties_group = _el(codes, "Code", guid=_guid("group", "parties"), name="Parties", isCodable="false", color="#404040")
    _description(parties_group, "The sides of the story: who each statement speaks for.")
    for party in data.parties:
        guid = _guid("party", party["name"].casefold())
        party_codes[party["id"]] = guid
        code = _el(parties_group, "Code", guid=guid, name=party["name"], isCodable="true",
                   color=normalise_color(party["color"]))
        if party.get("aliases"):
            _description(code, "Also called: " + ", ".join(party["aliases"]))
    topics_group = _el(codes, "Code", guid=_guid("group", "topics"), name="Topics", isCodable="false", color="#808080")
    _description(topics_group, "What the parties disagree about.")
    for topic in data.topics:
        guid = _guid("topic", topic["name"].casefold())
        topic_codes[topic["id"]] = guid
        _el(topics_group, "Code", guid=guid, name=topic["name"], isCodable="true", color=normalise_color(topic["color"]))
    return party_codes, topic_codes


def _source(sources, article: dict, files: dict[str, str], source_names: set[str], user: str, stamp: str):
    """One article as a TextSource; its text goes into ``files``."""
    source_guid = _guid("article", article["sha256"])
    entry = f"{SOURCES_FOLDER}/{safe_entry_name(source_guid, suffix='.txt')}"
    files[entry] = article["text"]
    title = article.get("title") or f"Article {article['id']}"
    name = _unique(safe_file_name(title, f"Article {article['id']}"), source_names)
    source = _el(
        sources, "TextSource", guid=source_guid, name=name,
        plainTextPath=f"internal://{safe_entry_name(source_guid, suffix='.txt')}",
        creatingUser=user, creationDateTime=article.get("imported_at") or stamp,
    )
    about = [b for b in (title if name != title else None, article.get("outlet"),
                         (article.get("published") or "")[:10], article.get("byline"),
                         article.get("source_path")) if b]
    _description(source, " · ".join(about))
    return source


def _selection(source, s: dict, guid: str, codings: list[str], include_suggested: bool, user: str, stamp: str) -> None:
    """One statement as a PlainTextSelection carrying its codings."""
    selection = _el(
        source, "PlainTextSelection", guid=guid, name=_selection_name(s),
        startPosition=s["start"], endPosition=s["end"], creatingUser=user, creationDateTime=stamp,
    )
    details = [f"Counterclaim statement {s['id']}"]
    if s.get("status") == "suggested" and s.get("party"):
        details.append(f"suggested party: {s['party']} (not confirmed"
                       + ("; coded anyway on request)" if include_suggested else ", so not coded)"))
    elif s.get("status"):
        details.append(f"tag {s['status']}")
    if s.get("speaker"):
        details.append(f"speaker: {s['speaker']}")
    if s.get("note"):
        details.append(f"note: {s['note']}")
    _description(selection, "; ".join(details))
    for code_guid in codings:
        coding = _el(selection, "Coding", guid=_guid("coding", guid, code_guid), creatingUser=user,
                     creationDateTime=stamp)
        _el(coding, "CodeRef", targetGUID=code_guid)


def _links(root, links_data, selection_guid: dict[int, str]) -> None:
    links = _el(root, "Links")
    for lk in links_data:
        _el(
            links, "Link", guid=_guid("link", selection_guid[lk["source_id"]], selection_guid[lk["target_id"]], lk["relation"]),
            name=lk["relation"] + (f": {lk['note']}" if lk.get("note") else ""),
            direction="OneWay", color="#C00000" if lk["relation"] == "contradicts" else "#404040",
            originGUID=selection_guid[lk["source_id"]], targetGUID=selection_guid[lk["target_id"]],
        )


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry that unpacks as an ordinary file anyone may read (rw-r--r--)."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.create_system = 3  # Unix, so the permissions below are honoured
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write(
    data,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    include_suggested: bool = False,
) -> None:
    xml, files = build(data, cancelled, include_suggested=include_suggested)
    total = len(files) + 1
    buffer = io.BytesIO()  # zipped in memory, then written through the checked output
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_entry("project.qde"), xml)
        for i, (name, text) in enumerate(files.items(), start=1):
            archive.writestr(_entry(name), text.encode("utf-8"))
            if progress is not None:
                progress(i, total, "Sources")
            check_cancel(cancelled)
    with atomic_output(path) as out:
        out.write(buffer.getbuffer())
    if progress is not None:
        progress(total, total, "Sources")
