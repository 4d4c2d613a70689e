"""`make lint`: no function anywhere in the repository above cyclomatic complexity 25 (radon).

Radon counts every `and`/`or` as a branch, so it is stricter than ruff's C901 (mccabe); both
run. A function over the limit is split into small named ones; there is no list of exceptions.
Exit status 1 names every offender as path:line name (complexity).
"""

from __future__ import annotations

import sys
from pathlib import Path

from radon.complexity import cc_visit

LIMIT = 25
ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("app", "tests", "benchmarks", "scripts", "docs", "packaging")


def measured(root: Path = ROOT) -> list[tuple[str, int, str, int]]:
    """(path, line, name, complexity) of every function and method under the folders."""
    found = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            for block in cc_visit(path.read_text(encoding="utf-8")):
                for item in (block, *getattr(block, "methods", ())):
                    if hasattr(item, "methods"):  # a class: its methods are listed on their own
                        continue
                    found.append((relative, item.lineno, item.fullname, item.complexity))
    return found


def problems(found: list[tuple[str, int, str, int]]) -> list[str]:
    return [
        f"{path}:{line} {name} ({score}): over {LIMIT}, split it into named steps"
        for path, line, name, score in sorted(found)
        if score > LIMIT
    ]


def main() -> int:
    found = problems(measured())
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
