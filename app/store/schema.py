"""The project file's schema and its migration ladder.

Each migration takes the file from version N-1 to N inside one transaction. A file
whose ``user_version`` is newer than ``SCHEMA_VERSION`` was written by a newer
Counterclaim and is never touched.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.terminal import shown
from app.core.words import a_or_an

if TYPE_CHECKING:  # loaded when a project opens, not at start-up (see app/launch.py)
    import sqlite_utils

# "CCLM": marks a SQLite file as a Counterclaim project (PRAGMA application_id).
APPLICATION_ID = 0x43434C4D

STATEMENT_FTS_COLUMNS = ("text", "speaker", "cue")
# The body's words are already indexed once, statement by statement (statements_fts covers
# every character of an article but list markers); indexing them twice cost import 5%.
ARTICLE_FTS_COLUMNS = ("title", "outlet", "byline")
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    title       TEXT,
    outlet      TEXT,
    byline      TEXT,
    published   TEXT,
    language    TEXT,
    source_path TEXT,
    format      TEXT NOT NULL,
    text        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
);
CREATE TABLE parties (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
    color    TEXT NOT NULL,
    aliases  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    shortcut INTEGER UNIQUE CHECK (shortcut BETWEEN 1 AND 9),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE statements (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL CHECK (start >= 0),
    "end"        INTEGER NOT NULL CHECK ("end" > start),
    text         TEXT NOT NULL,
    paragraph    INTEGER NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'narration'
                 CHECK (kind IN ('narration', 'reported', 'quote')),
    speaker      TEXT,
    cue          TEXT,
    party_id     INTEGER REFERENCES parties(id) ON DELETE SET NULL,
    status       TEXT CHECK (status IN ('suggested', 'confirmed')),
    confidence   REAL,
    note         TEXT,
    reason       TEXT,
    quotes       TEXT NOT NULL DEFAULT '[]',
    carried_from INTEGER REFERENCES statements(id) ON DELETE SET NULL
);
CREATE INDEX statements_by_article ON statements(article_id, start);
CREATE INDEX statements_by_party ON statements(party_id);
CREATE TABLE topics (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
    color    TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE statement_topics (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    topic_id     INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    PRIMARY KEY (statement_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX statement_topics_by_topic ON statement_topics(topic_id);
CREATE TABLE links (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    relation  TEXT NOT NULL DEFAULT 'contradicts'
              CHECK (relation IN ('contradicts', 'supports', 'responds-to')),
    note      TEXT,
    status    TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('suggested', 'confirmed')),
    CHECK (source_id <> target_id),
    UNIQUE (source_id, target_id, relation)
);
CREATE INDEX links_by_target ON links(target_id);
-- Article text is the ground every offset stands on: it never changes after import.
CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF text ON articles
WHEN NEW.text IS NOT OLD.text
BEGIN
    SELECT RAISE(ABORT, 'article text cannot change after import');
END;
"""


def _to_v1(db: sqlite_utils.Database) -> None:
    for statement in _split_script(_V1):
        db.execute(statement)
    db["statements"].enable_fts(
        STATEMENT_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER
    )
    db["articles"].enable_fts(ARTICLE_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)
    # Tagging updates party_id and status many times a minute: only re-index a
    # statement when the words the index holds change.
    db.execute('DROP TRIGGER "statements_au"')
    columns = ", ".join(f'"{c}"' for c in STATEMENT_FTS_COLUMNS)
    old = ", ".join(f'old."{c}"' for c in STATEMENT_FTS_COLUMNS)
    new = ", ".join(f'new."{c}"' for c in STATEMENT_FTS_COLUMNS)
    db.execute(
        f"""CREATE TRIGGER "statements_au" AFTER UPDATE OF {columns} ON "statements" BEGIN
  INSERT INTO "statements_fts" ("statements_fts", rowid, {columns}) VALUES('delete', old.rowid, {old});
  INSERT INTO "statements_fts" (rowid, {columns}) VALUES (new.rowid, {new});
END"""
    )


def _split_script(script: str) -> list[str]:
    """Split a DDL script into statements (executescript would commit our transaction)."""
    statements, current = [], []
    depth = 0
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        current.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if upper == "END;":
            depth -= 1
        if stripped.endswith(";") and depth == 0:
            statements.append("\n".join(current))
            current = []
    return statements


# Where each alias of a party came from, so the journalist can see why Counterclaim reads a
# name as that side. No foreign keys: undo puts parties back by id (deleted and written
# again), and the story of an alias must survive that; a row whose alias the party no longer
# has is simply not shown (app/store/alias_origins.py).
_V2 = """
CREATE TABLE alias_origins (
    party_id     INTEGER NOT NULL,
    alias        TEXT NOT NULL COLLATE NOCASE CHECK (trim(alias) <> ''),
    origin       TEXT NOT NULL CHECK (origin IN ('suggested', 'learned', 'hand', 'newsroom', 'merge')),
    statement_id INTEGER,
    PRIMARY KEY (party_id, alias)
) WITHOUT ROWID;
"""


def _to_v2(db: sqlite_utils.Database) -> None:
    """Where aliases came from (above), and page furniture: a statement whose line is not the
    article ("Subscribe to …", a photo credit) names its family in ``statements.furniture``
    and is no one's statement; NULL is the article's prose."""
    for statement in _split_script(_V2):
        db.execute(statement)
    db.execute("ALTER TABLE statements ADD COLUMN furniture TEXT")


# Suggested topics (app/store/topic_suggestions.py): a topic is the journalist's ('confirmed')
# or Counterclaim's proposal ('suggested', with the terms its statements share); statements
# proposed into a topic are kept apart from statement_topics, which stays the journalist's.
_V3 = """
CREATE TABLE topic_suggestions (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    topic_id     INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    score        REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (statement_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX topic_suggestions_by_topic ON topic_suggestions(topic_id);
"""


def _to_v3(db: sqlite_utils.Database) -> None:
    db.execute(
        "ALTER TABLE topics ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed' "
        "CHECK (status IN ('suggested', 'confirmed'))"
    )
    db.execute("ALTER TABLE topics ADD COLUMN shares TEXT NOT NULL DEFAULT ''")
    for statement in _split_script(_V3):
        db.execute(statement)


# Index i holds the step from version i to version i+1.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_to_v1, _to_v2, _to_v3]
SCHEMA_VERSION = len(MIGRATIONS)


# -- what a file of each version must carry ------------------------------------------------
# A project is data, never code: a trigger or view someone added to the file would run inside
# Counterclaim. So a file must carry exactly the schema this version's ladder writes for its
# version, by name and by SQL, and nothing else but SQLite's own statistics (PRAGMA optimize).

SchemaObject = tuple[str, str, str, str | None]  # type, name, table, SQL

_OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_master"


def objects_in(conn: sqlite3.Connection) -> set[SchemaObject]:
    return {tuple(row) for row in conn.execute(_OBJECTS)}


@functools.cache
def written_by_ladder(version: int) -> frozenset[SchemaObject]:
    """Every object the migration ladder writes to take a new file to ``version``."""
    import sqlite_utils

    with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        for step in MIGRATIONS[:version]:
            step(db)
        return frozenset(objects_in(conn))


@functools.lru_cache(maxsize=1)
def _sqlite_statistics() -> frozenset[SchemaObject]:
    """The tables ANALYZE (and so PRAGMA optimize) adds, as this SQLite writes them."""
    with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("CREATE INDEX t_x ON t(x)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.execute("ANALYZE")
        return frozenset(o for o in objects_in(conn) if o[1].startswith("sqlite_stat"))


def _shown(name: str) -> str:
    """A name from the file, safe to print: control characters escaped, kept short."""
    text = shown(name)
    return f"“{text[:60]}{'…' if len(text) > 60 else ''}”"


def foreign_parts(conn: sqlite3.Connection, version: int) -> list[str]:
    """What the file carries that this version does not write at ``version`` (or lacks), in words."""
    expected = written_by_ladder(version)
    found = objects_in(conn)
    extra = sorted(found - expected - _sqlite_statistics())
    missing = sorted(expected - found)
    ours = {name: kind for kind, name, _table, _sql in expected}
    parts = []
    for kind, name, _table, _sql in extra:
        if name not in ours:
            parts.append(f"{a_or_an(kind)} {_shown(name)} of its own")
        elif ours[name] != kind:
            parts.append(f"{a_or_an(kind)} {_shown(name)} in place of the {ours[name]}")
        else:
            parts.append(f"a changed {kind} {_shown(name)}")
    changed = {name for _kind, name, _table, _sql in extra}
    parts += [f"no {kind} {_shown(name)}" for kind, name, _t, _s in missing if name not in changed]
    return parts
