"""``python -m tests.core.eval [dev|heldout|fresh|fresh2|seed|all] [--misses] [--parties] [--topics]``: the figures table
(``--topics``: suggested topics and counterclaims instead, tests/core/eval/topics.py)."""

from __future__ import annotations

import argparse
import sys

from tests.core.eval import harness


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.core.eval", description=__doc__)
    parser.add_argument("set", nargs="?", default="all", choices=[*harness.SETS, "seed", "all"])
    parser.add_argument("--misses", action="store_true", help="list every answer that is not right, with its sentence")
    parser.add_argument("--parties", action="store_true", help="list each conflict's parties and the side each stands for")
    parser.add_argument("--topics", action="store_true", help="suggested topics and counterclaims, per conflict")
    args = parser.parse_args(argv)
    if args.topics:
        return _topics(harness.SETS if args.set == "all" else [args.set], args.misses)
    names = [*harness.SETS, "seed"] if args.set == "all" else [args.set]
    for name in names:
        if name == "seed":
            seed = harness.seed_conflict()
            if seed is None:
                print("seed: the shared corpus is not beside this checkout\n")
                continue
            conflicts = [seed]
        else:
            conflicts = harness.load_set(name)
        per, total = harness.evaluate(conflicts)
        print(harness.table(name, per, total))
        print(harness.spurious_line(per))
        if args.parties:
            print(harness.party_report(per))
        if args.misses:
            print(harness.misses(per))
        print()
    return 0


def _topics(sets, misses: bool) -> int:
    from tests.core.eval import topics

    for name in sets:
        scores = [topics.score_conflict(folder) for folder in topics.gold_folders(name)]
        if not scores:
            continue
        print(topics.table(name, scores))
        for s in scores:
            print(f"  {s.conflict}: {'; '.join(s.names)}")
            if misses:
                for line in s.missed_pairs:
                    print(f"    {line}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
