"""`make run` on a fresh Linux desktop: every library Qt's X11 plugin lacks, named at once.

Qt aborted naming only libxcb-cursor0 while libxcb-icccm4 and libxcb-keysyms1 were missing
too. scripts/check_qt_libs.py runs before the desk and prints ONE apt line and ONE dnf line
for all of them; the list lives in that script, and the bundle's README.txt quotes it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "check_qt_libs.py"
BUNDLE_README = REPO / "packaging" / "README.txt"
X11 = {"DISPLAY": ":0"}  # an X11 session, no platform forced


@pytest.fixture
def checker():
    spec = importlib.util.spec_from_file_location("check_qt_libs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_missing(monkeypatch, checker, names):
    monkeypatch.setattr(checker, "missing_libraries", lambda plugin: list(names))
    monkeypatch.setattr(checker.sys, "platform", "linux")  # the check runs on Linux only


def test_the_three_a_fresh_desktop_lacked_are_named_in_one_line_each(monkeypatch, capsys, checker):
    fake_missing(monkeypatch, checker, ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert checker.main([], env=X11) == 1
    err = capsys.readouterr().err
    (apt,) = [line for line in err.splitlines() if "apt install" in line]
    (dnf,) = [line for line in err.splitlines() if "dnf install" in line]
    assert apt.split("apt install ")[1].split() == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert dnf.split("dnf install ")[1].split() == ["xcb-util-cursor", "xcb-util-wm", "xcb-util-keysyms"]
    assert "make run" in err


def test_packages_shared_by_several_libraries_are_named_once(monkeypatch, capsys, checker):
    fake_missing(monkeypatch, checker, ["libxcb-shm.so.0", "libxcb-sync.so.1", "libxcb-shape.so.0"])
    assert checker.main([], env=X11) == 1
    (dnf,) = [line for line in capsys.readouterr().err.splitlines() if "dnf install" in line]
    assert dnf.split("dnf install ")[1].split() == ["libxcb"]


def test_a_library_not_on_the_list_is_still_named(monkeypatch, capsys, checker):
    fake_missing(monkeypatch, checker, ["libxcb-icccm.so.4", "libfancy.so.3"])
    assert checker.main([], env=X11) == 1
    err = capsys.readouterr().err
    assert "libfancy.so.3" in err and "libxcb-icccm4" in err


def test_nothing_missing_says_nothing(monkeypatch, capsys, checker):
    fake_missing(monkeypatch, checker, [])
    assert checker.main([], env=X11) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "wayland;xcb", "minimal"])
def test_another_platform_is_not_checked(monkeypatch, capsys, checker, platform):
    monkeypatch.setattr(checker, "missing_libraries", lambda plugin: pytest.fail("checked"))
    assert checker.main([], env={"QT_QPA_PLATFORM": platform}) == 0
    assert capsys.readouterr() == ("", "")


def test_on_a_wayland_session_a_gap_is_noted_but_the_desk_starts(monkeypatch, capsys, checker):
    fake_missing(monkeypatch, checker, ["libxcb-icccm.so.4"])
    assert checker.main([], env={"WAYLAND_DISPLAY": "wayland-0"}) == 0
    assert "libxcb-icccm4" in capsys.readouterr().err


def test_ldd_output_is_read_for_every_not_found_library(checker):
    output = (
        "\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)\n"
        "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\t/lib64/ld-linux-x86-64.so.2 (0x00007f)\n"
    )
    assert checker.not_found_in(output) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_without_ldd_the_list_is_asked_of_the_loader(monkeypatch, checker):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(checker.ctypes.util, "find_library", lambda name: None if name in ("xcb-icccm", "X11") else f"lib{name}.so")
    assert checker.missing_libraries(Path("/nowhere/libqxcb.so")) == ["libxcb-icccm.so.4", "libX11.so.6"]


@pytest.mark.skipif(not shutil.which("ldd"), reason="needs ldd")
def test_the_list_covers_what_the_installed_plugin_links_to(checker):
    """Kept in step with PySide6: every X11/xcb/GL/font library the real plugin pulls in from
    the system is on the list, so the install line never leaves one out."""
    plugin = checker.plugin_path()
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60).stdout
    needed = {m for m in re.findall(r"^\s*(\S+) =>", out, re.MULTILINE)
              if re.match(r"lib(xcb|xkbcommon|X11|EGL|GL\.|fontconfig|freetype|dbus|glib)", m)}
    assert needed <= {soname for soname, _, _ in checker.LIBRARIES}


def test_the_real_check_runs_quickly_and_speaks_in_one_line_per_system():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    if done.returncode == 1:
        assert len([line for line in done.stderr.splitlines() if "apt install" in line]) == 1
        assert len([line for line in done.stderr.splitlines() if "dnf install" in line]) == 1


def test_make_run_checks_before_it_starts_the_desk():
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    steps = [line.strip() for line in recipe.splitlines()]
    assert steps == ["$(PY) scripts/check_qt_libs.py", "$(PY) -m app"]


def test_the_bundle_readme_gives_the_install_lines_for_the_whole_list(checker):
    readme = BUNDLE_README.read_text(encoding="utf-8")
    for line in checker.install_lines([soname for soname, _, _ in checker.LIBRARIES]):
        assert line.strip() in readme
    assert 'packaging" / "README.txt"' in (REPO / "build.spec").read_text(encoding="utf-8")


def test_the_built_bundle_carries_its_readme():
    bundle = REPO / "dist" / "Counterclaim"
    if not (bundle / "Counterclaim").exists():
        pytest.skip("no bundle: run `make bundle` first (CI does)")
    assert (bundle / "README.txt").read_text(encoding="utf-8") == BUNDLE_README.read_text(encoding="utf-8")


def test_the_readme_gives_the_same_install_commands(checker):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for line in checker.install_lines([soname for soname, _, _ in checker.LIBRARIES]):
        command = line.split(":", 1)[1].strip()
        assert command in readme, f"README.md lacks: {command}"
