"""scripts/check_complexity.py, which `make lint` runs: the limit holds today and a new function
over it is named."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("radon")
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_complexity.py"
spec = importlib.util.spec_from_file_location("check_complexity", SCRIPT)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def test_no_function_in_the_repository_is_over_the_limit():
    assert check.problems(check.measured()) == []


def test_a_new_offender_is_named(tmp_path):
    branches = "\n".join(f"    if x == {n}:\n        return {n}" for n in range(check.LIMIT + 1))
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "tangled.py").write_text(f"def tangled(x):\n{branches}\n", encoding="utf-8")
    found = check.measured(tmp_path)
    assert found == [("app/tangled.py", 1, "tangled", check.LIMIT + 2)]
    lines = check.problems(found)
    assert lines[0].startswith(f"app/tangled.py:1 tangled ({check.LIMIT + 2}): over {check.LIMIT}")
    assert len(lines) == 1
