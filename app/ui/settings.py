"""Settings kept between sessions (QSettings in an ini file under the config folder).

The file is found through QStandardPaths each time, so tests with a private HOME never
read or write the real user's settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

ORGANIZATION = "Counterclaim"
APPLICATION = "Counterclaim"
MAX_RECENT = 10


def configure_application() -> None:
    """Names that decide where settings and data go; harmless to call twice."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setOrganizationDomain("counterclaim.invalid")


def config_dir() -> Path:
    configure_application()
    base = QStandardPaths.writableLocation(QStandardPaths.AppConfigLocation)
    return Path(base)


def data_dir() -> Path:
    configure_application()
    path = Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """The user's Documents folder, made if it is missing (a fresh desktop may lack it); the
    home folder if it cannot be made."""
    path = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or Path.home())
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return path


def start_dir(kind: str, beside: str | os.PathLike | None = None) -> Path:
    """Where a file dialog of this kind ("projects", "import") opens: the folder last used for
    it, else ``beside`` (the open project's folder), else Documents. Never a folder that is
    gone, and never the hidden application-data folder (where the sample project lives)."""
    for candidate in (value(f"{kind}/last_dir", None), beside):
        if candidate and _usable(Path(str(candidate))):
            return Path(str(candidate))
    return documents_dir()


def remember_dir(kind: str, path: str | os.PathLike) -> None:
    """Remember the folder of a file just chosen in a dialog of this kind."""
    folder = Path(path).absolute()
    folder = folder if folder.is_dir() else folder.parent
    if _usable(folder):
        set_value(f"{kind}/last_dir", str(folder))


def _usable(folder: Path) -> bool:
    try:
        if not folder.is_dir():
            return False
        configure_application()
        hidden = Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)).resolve()
        return not folder.resolve().is_relative_to(hidden)
    except OSError:
        return False


def store() -> QSettings:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "counterclaim.ini"), QSettings.IniFormat)


def recent_projects() -> list[str]:
    value = store().value("projects/recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent(path: str | os.PathLike) -> list[str]:
    path = str(Path(path).absolute())
    items = [path] + [p for p in recent_projects() if p != path]
    items = items[:MAX_RECENT]
    s = store()
    s.setValue("projects/recent", items)
    s.setValue("projects/last", path)
    s.sync()
    return items


def remove_recent(path: str) -> None:
    s = store()
    s.setValue("projects/recent", [p for p in recent_projects() if p != path])
    s.sync()


def last_project() -> str | None:
    value = store().value("projects/last", None)
    return str(value) if value else None


def value(key: str, default=None):
    return store().value(key, default)


def set_value(key: str, data) -> None:
    s = store()
    s.setValue(key, data)
    s.sync()
