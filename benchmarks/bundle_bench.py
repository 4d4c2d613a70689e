"""The double-click app: its size, and its start-up against a bare bundled PySide6 window.

Figures (issue 9):

* ``bundle_mb``: size of dist/Counterclaim/ in MiB (files as stored, symlinks not followed);
* ``startup_s``: the bundled desk, launched on the sample project, from process start to
  its first painted window (offscreen), median of several launches;
* ``bare_startup_s``: the same for a bare PySide6 QMainWindow frozen the same way
  (benchmarks/bare_window.py + bare_window.spec, built once into build/bare/, cached);
* ``startup_ratio``: startup_s ÷ bare_startup_s, both measured in this run, interleaved.

The programs print a timestamp on their first paint and quit (packaging/first_paint.py,
switched on by COUNTERCLAIM_BENCH_FIRST_PAINT=1); the parent takes time.time() just before
it starts each one. A missing bundle is built first (PyInstaller from the ``bundle`` extra),
and in a full run a stale one too; when it cannot be, the figures are None and
``bundle_note`` says why.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import first_paint  # noqa: E402

BUNDLE_DIR = ROOT / "dist" / "Counterclaim"
BUNDLE_EXE = BUNDLE_DIR / ("Counterclaim.exe" if sys.platform == "win32" else "Counterclaim")
BARE_ROOT = ROOT / "build" / "bare"
BARE_EXE = BARE_ROOT / "dist" / "bare_window" / ("bare_window.exe" if sys.platform == "win32" else "bare_window")
SAMPLE = ROOT / "resources" / "sample" / "seed-article.txt"

BUNDLE_INPUTS = ("app", "resources", "packaging", "build.spec", "pyproject.toml", "constraints.txt")
BARE_INPUTS = ("benchmarks/bare_window.py", "benchmarks/bare_window.spec", "packaging")


def _newest(paths: tuple[str, ...]) -> float:
    newest = 0.0
    for rel in paths:
        path = ROOT / rel
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        for file in files:
            newest = max(newest, file.stat().st_mtime)
    return newest


def _stale(exe: Path, inputs: tuple[str, ...]) -> bool:
    return not exe.exists() or exe.stat().st_mtime < _newest(inputs)


def _pyinstaller(spec: str, *extra: str) -> float:
    """Run PyInstaller on a spec; returns the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", spec, "--noconfirm", "--log-level", "WARN", *extra],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    return time.perf_counter() - started


def ensure_builds(rebuild_stale: bool = True) -> tuple[dict, str | None]:
    """Build what is missing (or out of date); (build timings, reason when impossible)."""
    timings: dict = {}
    need_bundle = not BUNDLE_EXE.exists() or (rebuild_stale and _stale(BUNDLE_EXE, BUNDLE_INPUTS))
    need_bare = _stale(BARE_EXE, BARE_INPUTS)
    if not (need_bundle or need_bare):
        return timings, None
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if need_bundle and not BUNDLE_EXE.exists():
            return timings, "no bundle and no PyInstaller: run `make bundle` first"
        if need_bare and not BARE_EXE.exists():
            return timings, "no bare-window baseline and no PyInstaller: run `make bundle` first"
        return timings, None  # stale but present: measure what is there
    try:
        if need_bundle:
            timings["bundle_build_s"] = round(
                _pyinstaller("build.spec", "--workpath", str(ROOT / "build" / "counterclaim")), 1
            )
        if need_bare:
            timings["bare_build_s"] = round(
                _pyinstaller(
                    "benchmarks/bare_window.spec",
                    "--distpath", str(BARE_ROOT / "dist"), "--workpath", str(BARE_ROOT / "work"),
                ),
                1,
            )
    except subprocess.CalledProcessError as error:
        return timings, f"PyInstaller failed: {(error.stderr or '').strip().splitlines()[-1:]}"
    return timings, None


def folder_mib(path: Path) -> float:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            file = Path(dirpath, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total / (1024 * 1024)


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        COUNTERCLAIM_BENCH_FIRST_PAINT="1",
    )
    env.pop("COUNTERCLAIM_QUIT_AFTER_PAINT", None)
    return env


def time_to_first_paint(command: list[str], env: dict, cwd: Path) -> float:
    """Seconds from starting ``command`` to its first painted window."""
    started = time.time()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    stamp = first_paint.parse(done.stdout)
    if stamp is None:
        raise RuntimeError(
            f"{Path(command[0]).name} never reported a first paint (exit {done.returncode}): "
            f"{done.stderr.strip()[-500:]}"
        )
    return stamp - started


def make_sample_project(folder: Path, env: dict) -> Path:
    project = folder / "sample.counterclaim"
    command = [str(BUNDLE_EXE), "import", str(project), str(SAMPLE), "--outlet", "World News"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"the bundle could not import the sample: {done.stderr.strip()}")
    return project


def run(quick: bool = False) -> dict:
    figures: dict = {"bundle_mb": None, "startup_s": None, "bare_startup_s": None, "startup_ratio": None}
    # Quick mode (the CI smoke run, after `make bundle`) measures the bundle that is there;
    # the full run rebuilds it first when the sources are newer.
    builds, reason = ensure_builds(rebuild_stale=not quick)
    figures.update(builds)
    if _stale(BUNDLE_EXE, BUNDLE_INPUTS):
        figures["bundle_stale"] = True
    if reason:
        figures["bundle_note"] = reason
        return figures
    figures["bundle_mb"] = round(folder_mib(BUNDLE_DIR), 1)

    rounds = 3 if quick else 9
    work = Path(tempfile.mkdtemp(prefix="counterclaim-bundle-bench-"))
    try:
        home = work / "home"
        home.mkdir()
        env = _env(home)
        project = make_sample_project(work, env)
        desk = [str(BUNDLE_EXE), str(project)]
        bare = [str(BARE_EXE)]
        time_to_first_paint(desk, env, work)  # warm the page cache and the settings file
        time_to_first_paint(bare, env, work)
        desk_times, bare_times = [], []
        for _ in range(rounds):  # interleaved, so both see the same machine load
            desk_times.append(time_to_first_paint(desk, env, work))
            bare_times.append(time_to_first_paint(bare, env, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures["startup_s"] = round(statistics.median(desk_times), 3)
    figures["bare_startup_s"] = round(statistics.median(bare_times), 3)
    figures["startup_ratio"] = round(figures["startup_s"] / figures["bare_startup_s"], 2)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
