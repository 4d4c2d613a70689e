"""Importing with worker processes stores exactly what importing in one process stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ops import importing
from app.store.database import Project
from benchmarks.corpus import generate_articles


def _folder(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = []
    for index, text in enumerate(generate_articles(60, seed=5)):
        path = folder / f"a{index:03}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    (folder / "copy.txt").write_text(files[7].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "byline-only.txt").write_text("By Jane Roe\n", encoding="utf-8")
    # refusals and the duplicate in the middle of the run, not only at the end
    return files[:30] + [folder / n for n in ("copy.txt", "empty.txt", "binary.txt", "old.doc",
                                               "byline-only.txt")] + files[30:]


def _dump(project: Project) -> dict:
    def rows(sql):
        return project.conn.execute(sql).fetchall()

    return {
        "articles": rows("SELECT id, title, outlet, byline, published, language, source_path, format, text, sha256 "
                         "FROM articles ORDER BY id"),
        "statements": rows("SELECT * FROM statements ORDER BY id"),
        "parties": rows("SELECT * FROM parties ORDER BY id"),
        "search": rows("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'said' ORDER BY rowid"),
        "article_search": rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ministry' ORDER BY rowid"),
    }


def _outcomes(report) -> list[tuple]:
    return [(Path(o.source).name, o.article_id, o.statements, o.duplicate_of, o.error) for o in report.outcomes]


def _import(path: Path, files, pooled: bool, monkeypatch, **kwargs):
    seen = {}
    original = importing._Pipeline.start

    def start(files):
        pipeline = original(files)
        for future in pipeline.warming:  # the workers are ready: this many files is quick alone
            future.result()
        seen["pipeline"] = pipeline
        return pipeline

    monkeypatch.setattr(importing._Pipeline, "start", staticmethod(start))
    monkeypatch.setattr(importing, "POOL_MIN_FILES", 1 if pooled else 10**9)
    monkeypatch.setattr(importing, "POOL_CHUNK", 4)
    with Project(path, create=True) as project:
        report = importing.import_files(project, files, **kwargs)
        dump = _dump(project)
    return report, dump, seen["pipeline"]


def test_pooled_and_sequential_imports_make_the_same_project(tmp_path, monkeypatch):
    files = _folder(tmp_path)
    progress_calls = {True: [], False: []}
    results = {}
    for pooled in (False, True):
        results[pooled] = _import(tmp_path / f"p{pooled}.counterclaim", files, pooled, monkeypatch,
                                  progress=lambda done, total, name, p=pooled: progress_calls[p].append((done, name)))
    (seq, seq_dump, _), (pool, pool_dump, pipeline) = results[False], results[True]
    assert pipeline.from_workers > 0, "the workers must have prepared files for this test to mean anything"
    assert _outcomes(pool) == _outcomes(seq)
    assert pool.new_parties == seq.new_parties
    assert pool_dump == seq_dump
    assert progress_calls[True] == progress_calls[False]
    assert len(seq.imported) == 60 and len(seq.duplicates) == 1 and len(seq.refused) == 4
    refusals = {Path(o.source).name: o.error for o in pool.refused}
    assert refusals["old.doc"].startswith("“old.doc” is in an older word-processor format")
    assert refusals["empty.txt"] == "“empty.txt” is empty: there is no text to import."


def test_pooled_import_can_be_cancelled(tmp_path, monkeypatch):
    files = _folder(tmp_path)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 25

    report, dump, _ = _import(tmp_path / "c.counterclaim", files, True, monkeypatch, cancelled=cancelled)
    assert report.cancelled
    assert 0 < len(report.outcomes) < len(files)
    assert [a[0] for a in dump["articles"]] == [o.article_id for o in report.imported]
    with Project(tmp_path / "c.counterclaim") as project:  # every stored article is whole
        from app.core.segment import segment
        from app.store import articles, statements

        for article in articles.all_articles(project):
            rows = statements.for_article(project, article.id)
            assert [(s.start, s.end) for s in rows] == [(s.start, s.end) for s in segment(article.text)]


def test_workers_that_cannot_start_leave_the_import_to_this_process(tmp_path, monkeypatch):
    files = _folder(tmp_path)[:20]

    def no_processes(*args, **kwargs):
        raise OSError("no semaphores here")

    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    report, dump, pipeline = _import(tmp_path / "n.counterclaim", files, True, monkeypatch)
    assert pipeline.executor is None and pipeline.from_workers == 0
    assert len(report.imported) == 20


@pytest.mark.parametrize("frozen", [True])
def test_a_bundle_uses_workers_only_when_its_entry_point_allows(tmp_path, monkeypatch, frozen):
    import sys

    monkeypatch.setattr(sys, "frozen", frozen, raising=False)
    monkeypatch.setattr("app.MULTIPROCESSING_READY", False)
    files = _folder(tmp_path)[:12]
    report, dump, pipeline = _import(tmp_path / "f.counterclaim", files, True, monkeypatch)
    assert pipeline.executor is None and pipeline.from_workers == 0
    assert len(report.imported) == 12


def test_pooled_and_sequential_imports_agree_with_a_newsroom(tmp_path, monkeypatch):
    """Workers are given the newsroom's parties too; the ones used are created, the same way."""
    import json

    room = tmp_path / "newsroom.json"
    room.write_text(json.dumps({"format": "counterclaim-newsroom", "format_version": 1, "parties": [
        {"name": "Ruritanian insurgency", "aliases": ["Balochistan Liberation Army", "BLA"]}]}), encoding="utf-8")
    monkeypatch.setenv("COUNTERCLAIM_NEWSROOM", str(room))
    files = _folder(tmp_path)
    (seq, seq_dump, _), (pool, pool_dump, pipeline) = (
        _import(tmp_path / f"n{pooled}.counterclaim", files, pooled, monkeypatch) for pooled in (False, True)
    )
    assert pipeline.from_workers > 0
    assert pool_dump == seq_dump and pool.new_parties == seq.new_parties
    names = [row[1] for row in seq_dump["parties"]]
    assert "Ruritanian insurgency" in names and "Balochistan Liberation Army" not in names


def test_pooled_and_sequential_agree_on_real_style_coverage(tmp_path, monkeypatch):
    """The workers attribute with the parties of the moment they were given; the main process
    keeps that answer only when nothing it learned since can change it. Every evaluation
    article (many conflicts, outlets and shapes, parties learned article after article) in
    one project, pooled and not: the same project."""
    eval_root = Path(__file__).resolve().parents[1] / "core" / "eval"
    files = sorted(eval_root.glob("*/*/*.txt"))
    assert len(files) >= 40
    dumps = {}
    for pooled in (False, True):
        report, dump, pipeline = _import(tmp_path / f"e{pooled}.counterclaim", files, pooled, monkeypatch)
        dumps[pooled] = dump
    assert pipeline.from_workers > 0
    assert dumps[True] == dumps[False]
