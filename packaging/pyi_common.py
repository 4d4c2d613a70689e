"""What build.spec and the benchmark's bare-window spec share, so both are bundled the same way.

* ``qt_excludes(root)``: the PySide6 modules to leave out — every module on the candidate list
  that no file under ``app/`` mentions (computed from the sources, so a teammate who starts
  using, say, QtPrintSupport gets it bundled without touching the spec).
* ``slim(toc)``: drops the Qt plugins, translations and libraries a desktop window never loads
  (EGL device integrations, VNC/framebuffer platforms, TLS, SQL drivers, QML tooling, …),
  and Babel's locale data; ``prune_libraries`` then drops the system libraries that only the
  dropped plugins linked to. ``slim_analysis`` applies both to an Analysis.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# Qt modules Counterclaim has no use for. QtCore, QtGui, QtWidgets, QtSvg (icons) stay always.
QT_CANDIDATES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit",
    "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc",
    "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport",
    "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)

# Python packages that must never ride along (build tools, test tools, GUI toolkits we don't use).
PY_EXCLUDES = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "setuptools", "pkg_resources", "distutils", "pip", "wheel",
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "pysbd", "openpyxl",
    "IPython", "matplotlib", "numpy", "PyQt5", "PyQt6", "PySide2",
    "readline",  # an interactive-prompt nicety; would bring libreadline and libtinfo
)

# Plugin folders a desktop window uses; every other folder under Qt/plugins is dropped.
KEEP_PLUGIN_DIRS = {
    "platforms", "platforms/darwin", "platformthemes", "platforminputcontexts", "iconengines",
    "imageformats", "styles", "xcbglintegrations", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-shell-integration",
}
# Within these folders only the named plugins stay.
KEEP_PLUGINS = {
    "platforms": {"qoffscreen", "qxcb", "qwayland", "qcocoa", "qwindows", "qdirect2d"},
    "imageformats": {"qsvg", "qico"} | ({"qicns"} if sys.platform == "darwin" else set()),
    # GTK3 would drag in the build machine's whole GTK stack (and clash with the user's);
    # the portal theme gives native file dialogs through D-Bus instead.
    "platformthemes": {"qxdgdesktopportal"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl", "shm-emulation-server"},
}
# Babel's 32 MB of locale data serve courlan's URL-language filter, which Counterclaim never
# asks for (it has no URLs); an unknown locale is an error courlan already catches.
KEEP_BABEL_LOCALES = {"root.dat", "en.dat"}
# Libraries that only the dropped plugins or modules link to.
DROP_LIBS = re.compile(
    r"(Qt6?(EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|Network|Qml\w*|Quick\w*|Pdf\w*"
    r"|VirtualKeyboard\w*|Sql|Test|Designer\w*|Help|UiTools|Labs\w*|Lottie\w*|WaylandCompositor\w*"
    r"|WlShellIntegration|Multimedia\w*|WebEngine\w*|3D\w*))"
)
QT_PREFIX = re.compile(r"^PySide6[/\\]Qt[/\\]")


def qt_modules_used(root: Path) -> set[str]:
    """Every ``Qt<Name>`` module named anywhere in the app's sources."""
    used: set[str] = set()
    for path in (root / "app").rglob("*.py"):
        used.update(re.findall(r"\b(Qt[A-Z]\w+)\b", path.read_text(encoding="utf-8", errors="replace")))
    return used


def qt_excludes(root: Path) -> list[str]:
    used = qt_modules_used(root)
    return [f"PySide6.{name}" for name in QT_CANDIDATES if name not in used]


def _keep(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    if dest.startswith("babel/locale-data/"):
        return dest.rsplit("/", 1)[-1] in KEEP_BABEL_LOCALES
    if not QT_PREFIX.match(dest):
        return not DROP_LIBS.search(dest.rsplit("/", 1)[-1]) if dest.startswith("libQt6") else True
    rest = QT_PREFIX.sub("", dest)
    if rest.startswith("translations/"):
        return False  # the desk is English; Qt's own dialogs follow it
    if rest.startswith("plugins/"):
        folder, _, name = rest[len("plugins/"):].rpartition("/")
        if folder not in KEEP_PLUGIN_DIRS:
            return False
        allowed = KEEP_PLUGINS.get(folder)
        if allowed is not None:
            stem = re.sub(r"^lib", "", name.split(".")[0])
            return stem in allowed
        return True
    if rest.startswith(("lib/", "bin/")) or "/" not in rest:
        name = rest.rsplit("/", 1)[-1]
        return not DROP_LIBS.search(name)
    return not rest.startswith(("qml/", "resources/qtwebengine", "libexec/"))


def slim(toc):
    """The TOC without the Qt pieces a Counterclaim window never loads."""
    return [entry for entry in toc if _keep(entry[0])]


_SHARED_LIB = re.compile(r"^lib.+\.so(\.\d+)*$")


def prune_libraries(toc):
    """Linux: drop shared libraries that nothing left in the bundle links to.

    PyInstaller collected each plugin's dependencies before ``slim`` dropped the plugin; this
    walks the ELF NEEDED entries from what remains (extension modules, plugins, libpython)
    and keeps only the libraries reached. Other platforms are left as PyInstaller made them.
    """
    if not sys.platform.startswith("linux"):
        return toc
    from PyInstaller.depend import bindepend

    by_name: dict[str, list] = {}
    for entry in toc:
        by_name.setdefault(entry[0].replace("\\", "/").rsplit("/", 1)[-1], []).append(entry)

    def is_root(entry) -> bool:
        dest, _, kind = entry
        name = dest.rsplit("/", 1)[-1]
        if kind == "SYMLINK":
            return False
        return "/plugins/" in dest or name.startswith("libpython") or not _SHARED_LIB.match(name)

    needed: set[str] = set()
    queue = [entry[1] for entry in toc if is_root(entry) and entry[2] != "DATA"]
    while queue:
        path = queue.pop()
        try:
            imports = bindepend.get_imports(path)
        except Exception:  # noqa: BLE001 - not an ELF file: nothing to follow
            continue
        for name, _ in imports:
            if name in needed or name not in by_name:
                continue
            needed.add(name)
            queue.extend(e[1] for e in by_name[name] if e[2] != "SYMLINK")
    return [e for e in toc if is_root(e) or e[2] == "DATA"
            or e[0].replace("\\", "/").rsplit("/", 1)[-1] in needed]


def slim_analysis(name: str, binaries, datas):
    """``slim`` then ``prune_libraries`` over an Analysis' binaries and datas; says what went."""
    slim_binaries, slim_datas = slim(binaries), slim(datas)
    kept = set(prune_libraries(slim_binaries + slim_datas))
    new_binaries = [e for e in slim_binaries if e in kept]
    new_datas = [e for e in slim_datas if e in kept]
    dropped = len(binaries) + len(datas) - len(new_binaries) - len(new_datas)
    print(f"[{name}] left out {dropped} files no Counterclaim window needs", file=sys.stderr)
    return new_binaries, new_datas
