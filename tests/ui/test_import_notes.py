"""The desk's one import summary lists what the CLI prints: files left out of a folder unread
(a link out of it, a pipe) with the reason, a note on a file read with a stray byte replaced,
and, when cancelled, how many articles were saved and the last one."""

import os
from pathlib import Path

ARTICLE = "The water ministry said on Monday that the dam was safe. Residents of Zürich disputed that.\n"


def test_the_summary_lists_skipped_entries_and_notes(open_window, project_path, tmp_path, qtbot, shown, db):
    window = open_window(project_path, create=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("The secret memo said the dam leaked. Engineers confirmed it.\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dam.txt").write_bytes(ARTICLE.encode().replace(b"safe", b"sa\xfffe"))
    os.symlink(outside, folder / "memo.txt")
    os.mkfifo(folder / "pipe.txt")
    with qtbot.waitSignal(window.importer.finished, timeout=30_000) as blocker:
        window.importer.import_paths([folder])
    report = blocker.args[0]
    assert len(report.imported) == 1 and len(report.skipped) == 2
    texts = [r[0] for r in db(project_path, "SELECT text FROM articles")]
    assert len(texts) == 1 and "Zürich" in texts[0] and "secret memo" not in texts[0]
    (info,) = shown.of("info")
    assert "“memo.txt” is a link to something outside the folder" in info
    assert "“pipe.txt” is a pipe" in info
    assert "“dam.txt” is UTF-8 text with 1 byte that is not" in info


def test_a_cancelled_import_says_how_many_were_saved(open_window, project_path, tmp_path, qtbot, shown, db):
    window = open_window(project_path, create=True)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"a{n:02}.txt").write_text(f"Report {n}\nThe council said on day {n} that it met.\n", "utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=30_000) as blocker:
        window.importer.import_paths([folder])
        window.importer.cancel()
    report = blocker.args[0]
    assert report.cancelled
    count = db(project_path, "SELECT count(*) FROM articles")[0][0]
    (info,) = shown.of("info")
    assert f"{count:,} article" in info and f"{40 - count} of 40 files" in info
    if count:
        newest = db(project_path, "SELECT source_path FROM articles ORDER BY id DESC LIMIT 1")[0][0]
        assert f"the last from “{Path(newest).name}”" in info
