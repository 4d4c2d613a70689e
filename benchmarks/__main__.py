"""Run the benchmark suite: `python -m benchmarks [--quick] [--json FILE]`.

Each module under benchmarks/ that defines ``run(quick: bool) -> dict`` contributes
figures; they are printed as one table beside their aims, with the machine they
ran on, and optionally written as JSON so they can be tracked over time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback

# Module name -> the figures it reports, in the order the table shows them.
SUITES = (
    "segment_bench",
    "attribution_bench",
    "import_bench",
    "search_bench",
    "desk_bench",
    "narrative_bench",
    "matching_bench",
    "export_bench",
    "bundle_bench",
)

AIMS = {
    "segment_mb_s": "≥ 10× pysbd",
    "import_mb_s": "≥ 2",
    "open_s": "≤ 1",
    "search_p95_ms": "≤ 30",
    "tag_p95_ms": "≤ 16",
    "switch_article_p95_ms": "≤ 50",
    "narrative_filter_p95_ms": "≤ 100",
    "match_suggest_p95_ms": "≤ 50 (interactive)",
    "long_article_tag_p95_ms": "≤ 16",
    "export_xlsx_s": "≤ 3",
    "export_pdf_s": "≤ 10",
    "peak_rss_mb": "≤ 400",
    "startup_ratio": "≤ 1.3",
    "bundle_mb": "≤ 150",
}


def machine() -> dict:
    info = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        import PySide6

        info["qt"] = PySide6.__version__
    except ImportError:  # pragma: no cover
        info["qt"] = None
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller corpora, under two minutes")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--only", nargs="*", help="run only these suites (e.g. segment_bench)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    figures: dict[str, object] = {}
    timings: dict[str, float] = {}
    failures: dict[str, str] = {}
    for name in args.only or SUITES:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"benchmarks.{name}":
                continue  # that suite is not written yet
            raise
        started = time.perf_counter()
        try:
            figures.update(module.run(quick=args.quick))
        except Exception:  # one broken suite must not hide the others' figures
            failures[name] = traceback.format_exc(limit=3)
        timings[name] = round(time.perf_counter() - started, 1)

    report = {"quick": args.quick, "machine": machine(), "figures": figures,
              "suite_seconds": timings, "failures": failures}
    print(render(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)
    for name, text in failures.items():
        print(f"\n{name} failed:\n{text}", file=sys.stderr)
    return 1 if failures else 0


def render(report: dict) -> str:
    m = report["machine"]
    lines = [
        f"Counterclaim benchmarks ({'quick' if report['quick'] else 'full'}) — "
        f"{m['cores']} cores, Python {m['python']}, Qt {m['qt']}",
        "",
        f"{'figure':<28} {'value':>12}  aim",
        f"{'-' * 28} {'-' * 12}  {'-' * 12}",
    ]
    for key, value in report["figures"].items():
        shown = f"{value:.3g}" if isinstance(value, float) else str(value)
        lines.append(f"{key:<28} {shown:>12}  {AIMS.get(key, '')}")
    lines.append("")
    lines.append("suite seconds: " + ", ".join(f"{k} {v}" for k, v in report["suite_seconds"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
