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
    return Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or Path.home())


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
