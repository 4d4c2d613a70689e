"""An unknown export format is an argument error like any other: exit 2, the formats listed, nothing written."""

from __future__ import annotations

import pytest

from app.cli import main
from app.io.exporters import FORMATS


@pytest.mark.parametrize("fmt", ["xyz", "docx", "", "CSV;rm", "pdf "[:3] + "x"])
def test_unknown_format_exits_2_with_the_list(project, tmp_path, capsys, fmt):
    out = tmp_path / "x.out"
    with pytest.raises(SystemExit) as stopped:
        main(["export", str(project.path), "-f", fmt, "-o", str(out)])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert "not an export format" in err and ", ".join(FORMATS) in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("fmt, suffix", [("CSV", ".csv"), ("markdown", ".md"), ("excel", ".xlsx"), (" json ", ".json")])
def test_known_formats_and_aliases_still_export(project, tmp_path, capsys, fmt, suffix):
    out = tmp_path / "x"
    assert main(["export", str(project.path), "-f", fmt, "-o", str(out)]) == 0
    assert (tmp_path / f"x{suffix}").stat().st_size > 0
