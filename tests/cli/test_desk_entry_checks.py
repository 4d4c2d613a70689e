"""The desk's own start checks that a window can open before Qt starts: with no display, or
without the X11 libraries, Qt would abort with a core dump (exit 134) naming at most one
library. Instead: a sentence on stderr, exit 1, and the one install line from the same list
`make run` uses (app/qt_libs.py, the only copy)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import launch, qt_libs

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 check is for Linux")
def test_no_display_is_a_sentence_not_a_core_dump(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    for args in ([str(tmp_path / "x.counterclaim")], []):
        done = subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1, (done.returncode, done.stderr)
        assert "needs a graphical desktop" in done.stderr and "counterclaim --help" in done.stderr
        assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr
    assert not (tmp_path / "x.counterclaim").exists()


def test_missing_libraries_give_the_one_install_line_before_qt_starts(monkeypatch, capsys):
    monkeypatch.setattr(qt_libs.sys, "platform", "linux")
    monkeypatch.setattr(qt_libs.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(qt_libs, "plugin_path", lambda: Path("/qt/plugins/platforms/libqxcb.so"))
    monkeypatch.setattr(qt_libs, "missing_libraries", lambda plugin: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    import app.ui.desk

    monkeypatch.setattr(app.ui.desk, "run_desk", lambda args: pytest.fail("Qt was started"))
    assert launch.main(["story.counterclaim"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in err
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in err


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": "offscreen"},
    {"WAYLAND_DISPLAY": "wayland-0"},
])
def test_another_platform_or_wayland_is_left_to_qt(monkeypatch, env):
    monkeypatch.setattr(qt_libs.sys, "platform", "linux")
    monkeypatch.setattr(qt_libs, "missing_libraries", lambda plugin: ["libxcb-icccm.so.4"])
    assert qt_libs.desk_refusal(env) is None


def test_the_script_and_the_desk_share_one_list():
    spec = importlib.util.spec_from_file_location("check_qt_libs", REPO / "scripts" / "check_qt_libs.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.LIBRARIES is qt_libs.LIBRARIES
    assert "LIBRARIES: tuple" not in (REPO / "scripts" / "check_qt_libs.py").read_text()


def test_the_check_imports_no_qt():
    done = subprocess.run(
        [sys.executable, "-c", "import sys, app.qt_libs, app.launch; print(any(m.startswith('PySide6') for m in sys.modules))"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert done.stdout.strip() == "False", done.stderr
