"""Smoke tests of the built double-click app, dist/Counterclaim/Counterclaim (`make bundle`).

They run only when the bundle exists (CI builds it first; locally: `make bundle`), and
exercise the frozen program as a user and a newsroom script would: --version, import the
seed article, export XLSX and PDF headless, open the desk offscreen on a project and quit.
Where the machine allows a private network namespace (`unshare -rn`), the import, export
and desk runs happen with no network at all, at the operating-system level.
"""

from __future__ import annotations

import os
import shutil
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLE_DIR = REPO / "dist" / "Counterclaim"
EXE = BUNDLE_DIR / ("Counterclaim.exe" if sys.platform == "win32" else "Counterclaim")
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SEED = CORPUS / "seed-article.txt"
MAX_BUNDLE_MIB = 150
FIRST_PAINT = "COUNTERCLAIM_FIRST_PAINT"
# Libraries every X11/Wayland desktop provides, left to the system rather than bundled.
DESKTOP_LIBS = ("libxcb-icccm", "libxcb-keysyms", "libwayland-", "libEGL", "libGL", "libgtk-3", "libgdk-3")

pytestmark = pytest.mark.skipif(
    not EXE.exists(), reason=f"no bundle at {EXE.relative_to(REPO)}: run `make bundle` first (CI does)"
)


def _no_network_prefix() -> list[str]:
    """`unshare -rn` when this machine lets us drop the network for a child; else nothing."""
    if not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return []
    try:
        ok = subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return ["unshare", "-rn"] if ok else []


OFFLINE = _no_network_prefix()


def run(*args: str, offline: bool = False, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    command = [*(OFFLINE if offline else []), str(EXE), *args]
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=full_env)


@pytest.fixture
def seeded(tmp_path) -> Path:
    if not SEED.exists():
        pytest.skip(f"the shared corpus is not beside this checkout ({SEED})")
    project = tmp_path / "seed.counterclaim"
    done = run("import", str(project), str(SEED), "--outlet", "World News", offline=True)
    assert done.returncode == 0, done.stderr
    return project


def _export_available() -> None:
    if run("export", "--help").returncode != 0:
        pytest.skip("this build has no `export` command yet")


# -- one program, both faces --------------------------------------------------------------


def test_version_prints_the_version():
    from app import __version__

    done = run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Counterclaim {__version__}"


def test_help_goes_to_stdout():
    done = run("--help")
    assert done.returncode == 0
    assert "import" in done.stdout and "usage" in done.stdout.lower()


def test_a_wrong_command_line_fails_with_usage_on_stderr():
    done = run("import")  # the project and files are missing
    assert done.returncode == 2
    assert "usage" in done.stderr.lower() and not done.stdout


def test_import_the_seed_article(seeded):
    done = run("statements", str(seeded), "--json")
    assert done.returncode == 0, done.stderr
    assert '"text"' in done.stdout


def test_a_big_batch_imports_through_worker_processes_of_the_bundle(tmp_path):
    """Enough files to start the import workers: the frozen program must run them as workers,
    not as second copies of the desk, and finish with every article stored."""
    from app.ops.importing import POOL_MIN_FILES

    folder = tmp_path / "batch"
    folder.mkdir()
    for index in range(POOL_MIN_FILES + 20):
        (folder / f"a{index:04}.txt").write_text(
            f"By Desk\nOfficials in district {index} said the bridge reopened. Residents disputed that.\n",
            encoding="utf-8",
        )
    project = tmp_path / "batch.counterclaim"
    done = run("import", str(project), str(folder), offline=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    listed = run("statements", str(project), "--json")
    assert listed.stdout.count('"article_id"') == 2 * (POOL_MIN_FILES + 20)


def test_the_bundle_detects_an_articles_language_with_its_own_profiles(tmp_path):
    """langdetect reads its language profiles from files: they must be inside the bundle."""
    import sqlite3

    article = tmp_path / "bamako.txt"
    article.write_text(
        "Bamako dénonce une frappe de drone\n\nLe gouvernement de transition a démenti jeudi toute "
        "implication dans l'attaque, a déclaré son porte-parole lors d'une conférence de presse.\n",
        encoding="utf-8",
    )
    project = tmp_path / "fr.counterclaim"
    done = run("import", str(project), str(article), offline=True)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(project) as conn:
        assert conn.execute("SELECT language FROM articles").fetchall() == [("fr",)]


def test_a_refused_file_exits_1_and_says_why(tmp_path):
    missing = tmp_path / "nowhere.txt"
    done = run("import", str(tmp_path / "p.counterclaim"), str(missing), offline=True)
    assert done.returncode == 1
    assert "nowhere.txt" in done.stderr


def test_web_page_import_uses_the_bundled_format_libraries(tmp_path):
    """trafilatura, lxml, justext and friends find their data files inside the bundle."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Talks stall</title><script src='https://t.example.com/a.js'></script></head>"
        "<body><article><h1>Talks stall</h1><p>The minister said the talks had failed. "
        "\"They walked away,\" she told reporters.</p><img src='https://i.example.com/a.jpg'>"
        "<p>The rebels denied that, according to a statement.</p></article></body></html>",
        encoding="utf-8",
    )
    done = run("import", str(tmp_path / "p.counterclaim"), str(page), offline=True)
    assert done.returncode == 0, done.stderr
    assert "page.html: article 1" in done.stdout


# -- exports, headless --------------------------------------------------------------------


def test_export_xlsx_headless(seeded, tmp_path):
    _export_available()
    out = tmp_path / "comparison.xlsx"
    done = run("export", str(seeded), "--format", "xlsx", "-o", str(out), offline=True)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as book:
        assert "xl/workbook.xml" in book.namelist()


def test_export_pdf_headless(seeded, tmp_path):
    _export_available()
    out = tmp_path / "comparison.pdf"
    done = run("export", str(seeded), "--format", "pdf", "-o", str(out), offline=True)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


# -- the desk -----------------------------------------------------------------------------


def _open_desk(*args: str) -> subprocess.CompletedProcess:
    return run(*args, offline=True, env={"COUNTERCLAIM_QUIT_AFTER_PAINT": "1"}, timeout=120)


def test_the_desk_opens_offscreen_on_a_project_and_quits_cleanly(seeded):
    done = _open_desk(str(seeded))
    assert FIRST_PAINT in done.stdout, done.stderr
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_first_run_opens_the_bundled_sample_project():
    """No argument, fresh home: the desk builds the sample from resources/ inside the bundle."""
    done = _open_desk()
    assert FIRST_PAINT in done.stdout, done.stderr
    assert done.returncode == 0, done.stderr
    assert "missing one of its own files" not in done.stderr


# -- the bundle itself --------------------------------------------------------------------


def test_bundle_stays_under_150_mib():
    total = sum(
        (Path(d) / f).stat().st_size
        for d, _, files in os.walk(BUNDLE_DIR)
        for f in files
        if not (Path(d) / f).is_symlink()
    )
    assert total / 2**20 < MAX_BUNDLE_MIB, f"{total / 2**20:.1f} MiB"


def test_resources_are_inside_the_bundle():
    internal = BUNDLE_DIR / "_internal"
    for rel in ("resources/icons/counterclaim.svg", "resources/sample/seed-article.txt",
                "resources/linux/counterclaim.desktop", "app/core/data/gazetteer.json"):
        assert (internal / rel).exists(), rel


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="ELF check (Linux)")
def test_every_bundled_library_resolves():
    """Slimming must not drop a library something still links to."""
    internal = BUNDLE_DIR / "_internal"
    paths = [internal, internal / "PySide6" / "Qt" / "lib"]
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(map(str, paths))}
    missing = set()
    for lib in internal.rglob("*.so*"):
        if lib.is_symlink() or not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line:
                name = line.split()[0]
                if not name.startswith(DESKTOP_LIBS):
                    missing.add(f"{lib.relative_to(internal)} needs {name}")
    assert not missing, sorted(missing)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")
def test_install_desktop_script_ships_beside_the_program(tmp_path):
    script = BUNDLE_DIR / "install-desktop.sh"
    assert os.access(script, os.X_OK)
    done = subprocess.run(
        ["sh", str(script)], capture_output=True, text=True,
        env={**os.environ, "DESTDIR": str(tmp_path), "PREFIX": "/home/reporter/.local"},
    )
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "home/reporter/.local/share/applications/counterclaim.desktop").read_text()
    assert f'Exec="{EXE}" %f' in entry


def test_the_bundle_reads_places_inside_a_country(tmp_path):
    """pycountry is found by name (app/core/places.py), so the spec must ship it: a province
    speaks for its country in the frozen program too."""
    article = tmp_path / "border.txt"
    article.write_text(
        "Border row deepens\n\nAfghanistan and Pakistan traded accusations on Tuesday. "
        "The governor of Khyber Pakhtunkhwa said the shelling killed nine people.\n",
        encoding="utf-8",
    )
    project = tmp_path / "border.counterclaim"
    assert run("import", str(project), str(article), offline=True).returncode == 0
    listed = run("statements", str(project), "--json", offline=True)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["party"] for r in rows if "Khyber" in r["text"]] == ["Pakistan"]
