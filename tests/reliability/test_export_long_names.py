"""An export name as long as the file system allows works; the temporary file's name never is the limit."""

from __future__ import annotations

import pytest
from export_cases import build

from app.core.errors import CounterclaimError
from app.io.exporters import FORMATS
from app.ops.exporting import export


@pytest.fixture
def small(project):
    build(project)
    return project


@pytest.mark.parametrize("size", [250, 255])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_long_valid_name_exports(small, tmp_path, fmt, size):
    suffix = FORMATS[fmt].suffix
    stem = "ع" * ((size - len(suffix)) // 2)  # two bytes a letter: the limit is in bytes
    stem += "x" * (size - len(suffix) - len(stem.encode()))
    name = stem + suffix
    assert len(name.encode()) == size
    folder = tmp_path / "out"
    folder.mkdir()
    export(small, fmt, folder / name)
    assert [p.name for p in folder.iterdir()] == [name]
    assert (folder / name).stat().st_size > 0


def test_a_name_over_the_limit_is_a_sentence(small, tmp_path):
    with pytest.raises(CounterclaimError, match="name is too long") as caught:
        export(small, "csv", tmp_path / ("x" * 252 + ".csv"))
    assert "\n" not in str(caught.value)
    with pytest.raises(CounterclaimError, match="name is too long"):
        export(small, "csv", tmp_path / ("x" * 253))  # the added .csv takes it over
