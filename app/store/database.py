"""One module owns the connection to a project file: opening, migrating, transactions.

Known failures (a locked file, a full disk, a file that is not a project) become a
``ProjectError`` with a sentence a journalist can act on; anything else is a bug and
propagates as it is.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import shutil
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when a project opens, not at start-up (see app/launch.py)
    import sqlite_utils

from app import __version__
from app.core.errors import DamagedProject, ForeignProject, ProjectError
from app.store import open_here, plainfile, schema, sidefiles, sqlite_errors
from app.store.locking import InUse

SUFFIX = ".counterclaim"
_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# No query made while a file is being checked on open may take longer than this: a hostile
# file (an endless view, say) is stopped with a sentence instead of hanging the desk or CLI.
OPEN_SECONDS = 10.0


def _quoted(path: Path) -> str:
    return f"“{path.name}”"


# Less room than this left on the disk: a failed write there is the disk being full.
_NO_ROOM_BYTES = 1 << 20


def _no_room_left(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < _NO_ROOM_BYTES
    except OSError:
        return False


def _what_went_wrong(error: sqlite3.Error, path: Path) -> str | None:
    kind = sqlite_errors.kind(error)
    if kind == sqlite_errors.DISK and _no_room_left(path):  # a write error on a disk with no room: full
        kind = sqlite_errors.FULL
    return kind


def explain(error: sqlite3.Error, path: Path) -> ProjectError:
    """Turn a known SQLite failure into a sentence; unknown ones keep their text."""
    kind = _what_went_wrong(error, path)
    name = _quoted(path)
    if kind == sqlite_errors.BUSY:
        return ProjectError(
            f"{name} is busy: another Counterclaim window or script is writing to it. "
            "Try again in a moment."
        )
    if kind == sqlite_errors.FULL:
        return ProjectError(
            f"The disk holding {name} is full, so Counterclaim could not use the project; "
            "nothing was changed. Make room on the disk and try again."
        )
    if kind == sqlite_errors.READ_ONLY:
        return ProjectError(f"{name} is open read-only; changes cannot be saved to it.")
    if kind == sqlite_errors.DAMAGED:
        return DamagedProject(f"{name} is damaged or is not a Counterclaim project.")
    if kind == sqlite_errors.CANNOT_OPEN:
        return ProjectError(f"{name} cannot be opened: check that the folder exists and is writable.")
    if kind == sqlite_errors.DISK:
        return ProjectError(f"{name} could not be read or written (a disk error); nothing was changed.")
    return ProjectError(f"{name} could not be changed: {error}.")


def write_refusal(path: Path) -> str | None:
    """Why ``path`` cannot be written, in words, or None. Honest for every user, root too:
    no write permission for anyone (chmod a-w) means marked read-only, which Counterclaim
    honours though root's writes would pass; os.access catches the rest even for root
    (another owner, chattr +i), and statvfs a read-only disk."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        on_read_only_disk = hasattr(os, "statvfs") and bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return None
    what = "folder" if path.is_dir() else "file"
    if on_read_only_disk:
        return "it is on a read-only disk"
    if mode & 0o222 == 0:
        return f"its {what} is marked read-only"
    if not os.access(path, os.W_OK):
        return f"its {what} is read-only to this user"
    return None


def _journals_present(path: Path) -> set[str]:
    return {side for side in ("-wal", "-shm") if os.path.exists(f"{path}{side}")}


def _in_use(path: Path) -> bool:
    """A WAL or its index beside the file: someone may have it open, or it holds changes."""
    return any(os.path.exists(f"{path}{side}") for side in ("-wal", "-shm"))


def _has_backups(path: Path) -> bool:
    folder = sidefiles.backup_dir(path)
    try:
        return folder.is_dir() and any(folder.iterdir())
    except OSError:
        return False


def _why_read_only(path: Path) -> str | None:
    if not path.is_file():
        return None  # a new project: creating it says whether the folder can take it
    return write_refusal(path) or write_refusal(path.parent)


class Project:
    """An open project file. One per thread: background work opens its own."""

    def __init__(self, path: str | os.PathLike, *, create: bool = False, read_only: bool = False):
        self.path = Path(path).expanduser().absolute()
        self.read_only = read_only
        sidefiles.check_project_name(self.path)
        self._check_file(create)
        # Why the file can only be read (None: it can be written), whatever was asked for.
        self.read_only_reason = _why_read_only(self.path)
        if self.read_only_reason:
            self.read_only = True
        # Taken before connecting: a restore never swaps the file under us. A file that cannot
        # be written here gets no side file (nothing is left beside a read-only project).
        self._in_use = InUse(self.path)
        if not self.read_only_reason and not self._in_use.share(BUSY_TIMEOUT_MS / 1000):
            raise ProjectError(f"{_quoted(self.path)} is being restored from a backup; try again in a moment.")
        self._full_disk = False
        beside = _journals_present(self.path)
        self._opened_here = open_here.opened(self.path)  # from before SQLite takes its locks
        try:
            try:
                self._open()
            except sqlite3.Error as error:
                if not self._read_on_full_disk(error, beside):
                    raise explain(error, self.path) from error
        except BaseException:
            open_here.closed(self._opened_here)
            self._in_use.release()
            raise
        if self._opened_here is None:  # a new project: its file exists now
            self._opened_here = open_here.opened(self.path)

    def _open(self) -> None:
        self.conn = None
        try:
            self.conn = self._connect()
            import sqlite_utils

            self.db = sqlite_utils.Database(self.conn, execute_plugins=False)
            self._prepare()
        except BaseException:
            if self.conn is not None:
                with contextlib.suppress(Exception):
                    self.conn.close()
            raise

    def _read_on_full_disk(self, error: sqlite3.Error, beside: set[str]) -> bool:
        """On a full disk SQLite cannot make the index of the write-ahead log that even a
        read needs. When the log holds nothing (all the work is in the file itself), open the
        file as it is, read-only, so it can still be read and exported; True if so."""
        if _what_went_wrong(error, self.path) != sqlite_errors.FULL or self.read_only_reason:
            return False
        with contextlib.suppress(OSError):
            if self.path.stat().st_size == 0:
                return False  # a new project: there is nothing to read
        for side in {"-wal", "-shm"} - beside:  # made by this failed open, empty or half-written
            with contextlib.suppress(OSError):
                os.remove(f"{self.path}{side}")
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return False  # changes wait in the log: the file alone is not the project
        self.read_only, self._full_disk = True, True
        self.read_only_reason = "the disk holding it is full"
        try:
            self._open()
        except sqlite3.Error as second:
            raise explain(second, self.path) from second
        return True

    # -- opening ---------------------------------------------------------------------------

    def _check_file(self, create: bool) -> None:
        name = _quoted(self.path)
        sidefiles.check_project_path(self.path)
        other = plainfile.what_it_is(self.path)
        if other == "a folder":
            raise ProjectError(f"{name} is a folder, not a Counterclaim project.")
        if other:  # a named pipe would block the open forever; a device is no project either
            raise ProjectError(f"{name} is {other}, not a file, so it cannot be a Counterclaim project; nothing was opened.")
        for side in ("-wal", "-shm"):
            other = plainfile.what_it_is(Path(f"{self.path}{side}"))
            if other:
                raise ProjectError(
                    f"Beside {name}, “{self.path.name}{side}” (where SQLite keeps the project's journal) "
                    f"is {other}, so the project was not opened: move it out of the folder and try again."
                )
        if not self.path.exists():
            if not create:
                raise ProjectError(f"There is no project at {self.path}.")
            if self.read_only:
                raise ProjectError(f"{name} does not exist, so it cannot be opened read-only.")
            if not self.path.parent.is_dir():
                raise ProjectError(f"The folder {self.path.parent} does not exist.")
            return
        if open_here.is_open(self.path):
            return  # reading its header would drop this process's locks on it (open_here.py)
        try:
            head, other = plainfile.read_head(self.path, len(_SQLITE_MAGIC))
        except OSError as error:
            raise ProjectError(f"{name} cannot be read: {error.strerror or error}.") from error
        if other:  # swapped for a pipe or device since it was looked at
            raise ProjectError(f"{name} is {other}, not a file, so it cannot be a Counterclaim project; nothing was opened.")
        if not head:
            # Every project Counterclaim writes starts with SQLite's header, so an empty file
            # is one emptied by a failed copy or save: damaged, never silently a new project
            # (whose backups would then push out the good ones). Only an empty file with no
            # backups, named for an import, has nothing to lose and becomes a new project.
            if create and not self.read_only and not _has_backups(self.path):
                return
            raise DamagedProject(
                f"{name} is empty (0 bytes): its contents were lost, by a failed copy or save, say."
            )
        if head != _SQLITE_MAGIC:
            raise DamagedProject(f"{name} is not a Counterclaim project (or it is damaged).")

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = self.path.as_uri() + "?mode=ro"
            if self.read_only_reason and (self._full_disk or not _in_use(self.path)):
                # It cannot be changed here, nobody has it open and no WAL holds changes: the
                # file alone is the project, read without creating (or needing) the side files
                # a read would leave behind. (A file in use is read the ordinary way.)
                uri += "&immutable=1"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -65536")
        return conn

    def _prepare(self) -> None:
        with self._bounded():
            # One read transaction: the version and the objects from the same moment, even while
            # another process is creating or upgrading the file (its commit between two reads
            # would make a new project look like someone else's database).
            self.conn.execute("BEGIN")
            try:
                version = self._checked_version()
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
        name = _quoted(self.path)
        if not self.read_only:
            self.conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a tag the journalist saw saved survives a power cut, not just a crash.
            self.conn.execute("PRAGMA synchronous = FULL")
        if version < schema.SCHEMA_VERSION:
            if self.read_only_reason:
                raise ProjectError(
                    f"{name} is from an older Counterclaim and must be upgraded, but it is "
                    f"read-only ({self.read_only_reason}): make it writable to upgrade it."
                )
            if self.read_only:
                raise ProjectError(
                    f"{name} is from an older Counterclaim and must be upgraded; "
                    "open it normally (not read-only) to upgrade it."
                )
            if version > 0:
                self.backup_copy(sidefiles.migration_backup(self.path, version))
            self._migrate()

    def _checked_version(self) -> int:
        """The file's schema version, once it is known to be a project this version can read."""
        version = self.schema_version
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = self.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
        name = _quoted(self.path)
        if version == 0 and has_tables:
            raise DamagedProject(f"{name} is a database, but not a Counterclaim project.")
        if version and app_id != schema.APPLICATION_ID:
            raise DamagedProject(f"{name} is a database, but not a Counterclaim project.")
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(
                f"{name} was saved by a newer version of Counterclaim (file version {version}; "
                f"this one reads up to {schema.SCHEMA_VERSION}). Update Counterclaim to open it."
            )
        foreign = schema.foreign_parts(self.conn, version)
        if foreign:
            more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
            raise ForeignProject(
                f"{name} is not a project as Counterclaim writes one (it has {', '.join(foreign[:3])}{more}), "
                "so it was not opened: parts Counterclaim did not write could change or hide your work. "
                "Open a copy you saved yourself, or ask the sender for a JSON export."
            )
        return version

    @contextlib.contextmanager
    def _bounded(self) -> Iterator[None]:
        """Stop any query that runs past OPEN_SECONDS (lifted again once the file is checked)."""
        deadline = time.monotonic() + OPEN_SECONDS
        self.conn.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        try:
            yield
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_INTERRUPT:
                raise
            raise ProjectError(
                f"{_quoted(self.path)} took too long to open (over {OPEN_SECONDS:g} seconds), so "
                "Counterclaim stopped: it may be damaged, or not a Counterclaim project."
            ) from error
        finally:
            self.conn.set_progress_handler(None, 0)

    def _migrate(self) -> None:
        # BEGIN IMMEDIATE first, then read the version again: several processes creating (or
        # upgrading) one file at once take turns, and the later ones find the work done.
        with self.transaction():
            with self._bounded():
                version = self._checked_version()
            if version == schema.SCHEMA_VERSION:
                return
            for step in schema.MIGRATIONS[version:]:
                step(self.db)
            self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            stamp = {"key": "written_by", "value": f"Counterclaim {__version__}"}
            self.db["meta"].upsert(stamp, pk="key")
            if version == 0:
                now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
                self.db["meta"].upsert({"key": "created_at", "value": now}, pk="key")

    # -- using -----------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @property
    def name(self) -> str:
        return self.path.stem

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action, one transaction: all of it is saved, or none of it.

        BEGIN IMMEDIATE takes the write lock up front, so two processes writing the
        same file wait for each other instead of failing half-way. Nested calls join
        the outer transaction as a savepoint: if the inner part fails, only it is undone.
        """
        if self.read_only:
            raise self.read_only_refusal()
        if self.conn.in_transaction:
            with self.db.atomic():  # a SAVEPOINT inside the open transaction
                yield self.db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
        try:
            yield self.db
        except sqlite3.Error as error:  # a full disk, a lost lock: a sentence, not a traceback
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise explain(error, self.path) from error
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise explain(error, self.path) from error

    def read_only_refusal(self) -> ProjectError:
        """The sentence for a change asked of a read-only project."""
        name = _quoted(self.path)
        if self.read_only_reason:
            return ProjectError(f"{name} is read-only ({self.read_only_reason}); changes cannot be saved to it.")
        return ProjectError(f"{name} is open read-only; changes cannot be saved.")

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the file, even while another program writes
        (WAL gives a read transaction its own snapshot). Inside a transaction: that one."""
        if self.conn.in_transaction:
            yield
            return
        try:
            self.conn.execute("BEGIN")
        except sqlite3.Error as error:
            raise explain(error, self.path) from error
        try:
            yield
        except sqlite3.Error as error:
            if not sqlite_errors.is_trouble(error):
                raise  # not the disk or the file: a bug, shown as one
            raise explain(error, self.path) from error  # a full disk, say: a sentence
        finally:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error:  # nothing was written; never leave the read open
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as error:
            if sqlite_errors.kind(error) == sqlite_errors.MISTAKE:
                raise  # a wrong statement (an FTS5 query, say) is the caller's to handle
            raise explain(error, self.path) from error

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def save_copy(self, target: str | os.PathLike) -> Path:
        """Save a Copy As: the whole project to a file the journalist named. Never onto the
        project itself or any of its own files, however the name reaches them (a linked
        folder, ``sub/..``, a hard link): renaming a copy over the open file would lose it."""
        from app.store import targets

        target = Path(target).expanduser()
        if targets.what_it_is(self.path, target) in ("the project itself", "a link to the project"):
            raise ProjectError(
                f"“{target.name}” is this project itself, reached by another name: every change is "
                "already saved in it, so no copy was made. Choose another name for the copy."
            )
        targets.check_target(self.path, target, "save a copy as")
        return self.backup_copy(target)

    def backup_copy(self, target: str | os.PathLike) -> Path:
        """Copy the whole project, consistently, with SQLite's backup API.

        Written to a temporary name first and renamed, so a failure never leaves a
        half copy under the final name.
        """
        target = Path(target)
        partial = target.with_name(target.name + ".partial")
        try:
            with contextlib.closing(sqlite3.connect(str(partial))) as out:
                self.conn.backup(out)
                # A copy is one file: no write-ahead log, so checking or opening it read-only
                # later leaves no -wal/-shm beside it (a project opened from it goes back to WAL).
                out.execute("PRAGMA journal_mode = DELETE")
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as error:
            with contextlib.suppress(OSError):
                partial.unlink()
            reason = getattr(error, "strerror", None) or str(error)
            raise ProjectError(f"Could not write a copy to {target}: {reason}.") from error
        return target

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            if not self.read_only:
                self.conn.execute("PRAGMA optimize")
        self.conn.close()
        open_here.closed(self._opened_here)
        self._opened_here = None
        self._in_use.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_project(path: str | os.PathLike, *, create: bool = False, read_only: bool = False) -> Project:
    return Project(path, create=create, read_only=read_only)


def remove_project_files(path: Path) -> None:
    """Delete a project file with its WAL side files (used by tests and Save As)."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(str(path) + suffix)


__all__ = ["Project", "open_project", "explain", "SUFFIX", "remove_project_files"]
