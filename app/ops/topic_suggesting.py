"""Suggest topics for a project: what the desk's "Suggest topics" and ``counterclaim topics
--suggest`` both do.

    plan = plan_topics(project, count=None)       # reads only: the long part
    changes = store_plan(project, plan)           # one transaction, undoable (topics_ops.apply)
    suggest(project, count=None) -> Changes       # both
    suggest_apart(path, count, cancelled)         # both, in a process of its own (the desk)

Every earlier suggestion is replaced; confirmed topics and what is under them are never
touched, and statements under none of them are proposed into the closest confirmed topic
before new topics are made of the rest (``app.core.topics``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core import topics as core_topics
from app.core.errors import CounterclaimError
from app.ops import topics_ops
from app.ops.changes import Changes
from app.store import parties, statements, topic_suggestions, topics
from app.store.database import Project


@dataclass(frozen=True)
class TopicPlan:
    suggested: list[core_topics.SuggestedTopic]
    statements: int  # read to make it


def plan_topics(project: Project, count: int | None = None) -> TopicPlan:
    if count is not None and not 1 <= count <= 50:
        raise CounterclaimError("Ask for between 1 and 50 topics.")
    rows = topic_suggestions.statements_to_group(project)
    items = [core_topics.TopicItem(*row) for row in rows]
    names = {t.id: t.name for t in topics.all_topics(project)}
    confirmed = {names[tid]: ids for tid, ids in topic_suggestions.confirmed_members(project).items()}
    forms = frozenset(
        form.casefold() for p in parties.all_parties(project) for form in (p.name, *p.aliases)
    )
    return TopicPlan(core_topics.suggest(items, confirmed, count, forms), len(items))


def store_plan(project: Project, plan: TopicPlan) -> Changes:
    """Replace every suggestion with ``plan``'s, in one undoable step."""

    def touched() -> list[int]:
        return [t.id for t in topics.all_topics(project)]

    def edit():
        for topic_id in topic_suggestions.suggested_topic_ids(project):
            topics.put_rows(project, {topic_id: None})  # with its suggestions
        topic_suggestions.remove(project, topic_suggestions.all_suggestions(project))
        known = {t.name.casefold(): t for t in topics.all_topics(project)}
        present = set(_existing_ids(project, plan))
        for found in plan.suggested:
            if found.existing is not None:
                target = known.get(found.existing.casefold())
                if target is None:
                    continue  # renamed or deleted since the plan was made
                topic_id = target.id
            else:
                topic_id = topics.ensure(project, _free_name(found.name, known), None, found.explanation)
                known[topics.get(project, topic_id).name.casefold()] = topics.get(project, topic_id)
            topic_suggestions.add(project, [(s, topic_id, score) for s, score in
                                            zip(found.statement_ids, found.scores) if s in present])
        return None, [], []

    return topics_ops.recorded(project, edit, touched)


def suggest(project: Project, count: int | None = None) -> Changes:
    return store_plan(project, plan_topics(project, count))


def suggest_apart(path, count: int | None = None, cancelled: Callable[[], bool] | None = None) -> Changes | None:
    """``suggest`` in a process of its own, on the project at ``path``; None if cancelled.

    The grouping is seconds of pure Python on a big project: in a thread of the desk it would
    hold the interpreter's lock and every key press would wait for it. The process writes
    through its own connection, as the command line would; the desk is told by the Changes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, TimeoutError
    from concurrent.futures.process import BrokenProcessPool

    from app.ops.import_worker import worker_started

    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=worker_started) as pool:
            future = pool.submit(_suggest_at, str(path), count)
            while True:
                try:
                    return future.result(timeout=0.2)
                except TimeoutError:
                    if cancelled is not None and cancelled():
                        pool.shutdown(wait=False, cancel_futures=True)
                        for process in list(getattr(pool, "_processes", {}).values()):
                            process.terminate()  # nothing is written before the grouping ends
                        return None
    except (BrokenProcessPool, OSError):
        # No process could be started or it died (a locked-down machine, memory): done here,
        # slower to the keys meanwhile, but done. A refusal (CounterclaimError) is not caught.
        return _suggest_at(str(path), count)


def _suggest_at(path: str, count: int | None) -> Changes:
    with Project(path) as project:
        return suggest(project, count)


def _existing_ids(project: Project, plan: TopicPlan) -> list[int]:
    """The plan's statements still in the project (a split or another writer may have taken some)."""
    ids = sorted({s for t in plan.suggested for s in t.statement_ids})
    missing = set(statements.missing(project, ids))
    return [i for i in ids if i not in missing]


def _free_name(name: str, known: dict) -> str:
    """``name``, or ``name (2)``… when the journalist already has a topic called that."""
    candidate, n = name, 2
    while candidate.casefold() in known:
        candidate = f"{name} ({n})"
        n += 1
    return candidate
