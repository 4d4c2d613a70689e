"""Print the evaluation tables at the end of the run (``make test`` shows them without ``-s``)."""

from __future__ import annotations

REPORTS: list[str] = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not REPORTS:
        return
    terminalreporter.write_sep("=", "evaluation sets: tests/core/eval (issues 14, 15), tests/core/langeval (issue 16)")
    for text in REPORTS:
        terminalreporter.write_line(text)
        terminalreporter.write_line("")
