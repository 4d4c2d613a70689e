"""Hostile and broken files, through the real command line, into a project with work in it.

Each ends with one plain sentence naming the file, no traceback, and the project exactly
as it was. (The importers' own tests go deeper into each format; this proves the promise
end to end.)
"""

from __future__ import annotations

import os
import socket
import sys
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.store import articles, parties, statements
from app.store.database import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from importer_samples import (  # noqa: E402
    BILLION_LAUGHS,
    docx_document_xml,
    encrypt_pdf,
    make_docx,
    make_pdf,
    replace_zip_member,
)

GOOD = "By Desk\nOfficials said the bridge reopened on Monday. Residents disputed that.\n"


def _snapshot(path: Path) -> dict:
    with Project(path) as project:
        return {
            "articles": [(a.sha256, a.text) for a in articles.all_articles(project)],
            "statements": statements.detailed(project),
            "parties": [(p.name, p.aliases) for p in parties.all_parties(project)],
        }


def _binary(tmp: Path) -> Path:
    path = tmp / "photo.txt"
    path.write_bytes(os.urandom(4096) + b"\x00" * 100)
    return path


def _invalid_utf8(tmp: Path) -> Path:
    # Broken UTF-8 sequences and bytes Windows-1252 leaves undefined: no encoding fits.
    path = tmp / "garbled.txt"
    path.write_bytes(b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\x81\x8d\x8f\x90\x9d\x07\x1b" * 300)
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.txt"
    path.write_bytes(b"")
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "archive-dump.txt"
    with open(path, "wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    return path


def _zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (60 * 1024 * 1024))
    return path


def _xxe_docx(tmp: Path) -> Path:
    path = make_docx(tmp / "xxe.docx", ["placeholder"])
    secret = tmp / "secret.txt"
    secret.write_text("TOP SECRET SOURCE NAME")
    prolog = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
    ).encode()
    replace_zip_member(path, "word/document.xml", docx_document_xml("&x;", prolog))
    return path


def _billion_laughs_docx(tmp: Path) -> Path:
    path = make_docx(tmp / "laughs.docx", ["placeholder"])
    replace_zip_member(path, "word/document.xml", docx_document_xml("&lol9;", BILLION_LAUGHS))
    return path


def _not_a_zip_docx(tmp: Path) -> Path:
    path = tmp / "report.docx"
    path.write_text("this is not a word document")
    return path


def _encrypted_pdf(tmp: Path) -> Path:
    path = tmp / "locked.pdf"
    path.write_bytes(encrypt_pdf(make_pdf([["Officials said the bridge reopened."]]), "secret"))
    return path


def _truncated_pdf(tmp: Path) -> Path:
    path = tmp / "cut.pdf"
    data = make_pdf([["Officials said the bridge reopened."]])
    path.write_bytes(data[: len(data) // 2])
    return path


def _odt_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b" " * (80 * 1024 * 1024))
    return path


HOSTILE = {
    "binary data named .txt": _binary,
    "invalid UTF-8": _invalid_utf8,
    "a 0-byte file": _empty,
    "a 200 MB file": _huge,
    "a DOCX zip bomb": _zip_bomb,
    "an ODT zip bomb": _odt_bomb,
    "a DOCX with an external entity": _xxe_docx,
    "a DOCX with a billion laughs": _billion_laughs_docx,
    "a DOCX that is not a zip": _not_a_zip_docx,
    "an encrypted PDF": _encrypted_pdf,
    "a truncated PDF": _truncated_pdf,
}


@pytest.fixture
def busy_project(tmp_path, project_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["import", str(project_path), str(good)]) == 0
    capsys.readouterr()
    return project_path


@pytest.mark.parametrize("make", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_file_is_refused_with_a_sentence_and_nothing_changes(make, busy_project, tmp_path, capsys):
    hostile = make(tmp_path)
    before = _snapshot(busy_project)
    code = main(["import", str(busy_project), str(hostile)])
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and hostile.name in lines[0]
    assert "Traceback" not in err and "Error:" not in err
    assert "TOP SECRET" not in out + err
    assert _snapshot(busy_project) == before


def test_unreadable_path_is_refused(busy_project, tmp_path, capsys):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        target = tmp_path / "no-such-folder" / "article.txt"  # root reads anything: use a missing path
    else:
        target = tmp_path / "locked.txt"
        target.write_text(GOOD)
        target.chmod(0)
    before = _snapshot(busy_project)
    assert main(["import", str(busy_project), str(target)]) == 1
    err = capsys.readouterr().err
    assert target.name in err and "Traceback" not in err
    assert _snapshot(busy_project) == before


def test_a_web_page_with_scripts_fetches_and_runs_nothing(busy_project, tmp_path, capsys, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("Counterclaim tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    page = tmp_path / "page.html"
    page.write_text(
        """<html><head><title>Bridge reopens</title>
        <script src="http://tracker.example/t.js"></script><script>document.write('pwned')</script>
        <link rel="stylesheet" href="http://cdn.example/s.css"></head>
        <body><nav>Home | World</nav>
        <article><h1>Bridge reopens</h1>
        <p>Officials said the bridge reopened on Monday after repairs were completed.</p>
        <p><img src="http://images.example/bridge.jpg" onerror="alert(1)">Residents disputed the official account of the repairs.</p>
        <p><a href="javascript:alert(2)">The mayor</a> promised a public inquiry into the delays.</p>
        <iframe src="http://ads.example/frame"></iframe></article></body></html>""",
        encoding="utf-8",
    )
    assert main(["import", str(busy_project), str(page)]) == 0
    capsys.readouterr()
    with Project(busy_project) as project:
        text = articles.all_articles(project)[-1].text
    assert "bridge reopened on Monday" in text
    assert "public inquiry" in text
    for live in ("<script", "pwned", "javascript:", "alert(", "<iframe", "onerror"):
        assert live not in text


@pytest.mark.parametrize(
    "edit, words",
    [
        (lambda d: d["statements"][0].update(end=10**9), "outside article"),
        (lambda d: d["statements"][0].update(party_id=4242), "party 4242"),
    ],
    ids=["offsets out of range", "unknown party id"],
)
def test_a_json_export_broken_by_hand_is_refused(busy_project, tmp_path, capsys, edit, words):
    import json

    export = tmp_path / "export.json"
    assert main(["export", str(busy_project), "--format", "json", "-o", str(export)]) == 0
    document = json.loads(export.read_text(encoding="utf-8"))
    if words.startswith("party"):  # make sure the statement is tagged so the id is checked
        document["statements"][0]["status"] = "confirmed"
    edit(document)
    export.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "copy.counterclaim"
    capsys.readouterr()
    assert main(["import", str(target), str(export)]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    with Project(target) as project:
        assert articles.count(project) == 0 and statements.count(project) == 0
