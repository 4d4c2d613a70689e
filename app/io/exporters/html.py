"""HTML: one self-contained page with the comparison grid and the statement list.

No scripts, no external stylesheets, fonts or images (a Content-Security-Policy says so
to the browser too); every piece of text is escaped. The grid becomes stacked cards on
a phone, prints on landscape pages with the party colours, and each statement carries
``dir="auto"`` (and its article's language) so Arabic, Persian, Urdu or Hebrew text
reads right to left inside a left-to-right page.
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterator
from pathlib import Path

from app import __version__
from app.core.comparison import Grid, normalise_color, readable_text_color, tint
from app.core.language import primary
from app.core.text import RTL_LANGUAGES
from app.core.words import counted
from app.io.exporters._common import SUGGESTED_LEGEND, Cancelled, Progress, check_cancel, party_label, scope_text
from app.io.exporters._output import atomic_output


CSS = """
:root { color-scheme: light; --ink: #1f1f1f; --muted: #5f5f5f; --rule: #d0d0d0; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.2rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
       "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header.page { border-bottom: 3px solid #404040; margin-bottom: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 .6rem; }
.scroll { overflow-x: auto; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.grid th, table.grid td { border: 1px solid var(--rule); padding: .5rem .6rem; vertical-align: top;
                               text-align: start; }
table.grid thead th { font-size: 1rem; }
table.grid th.corner { background: #404040; color: #fff; width: 14rem; }
table.grid tbody th { background: #f4f4f4; border-inline-start: 6px solid #808080; width: 14rem; }
td.silent { color: #8a8a8a; text-align: center; vertical-align: middle; font-style: italic; }
ul.entries { list-style: none; margin: 0; padding: 0; }
ul.entries li { margin: 0 0 .7rem; }
ul.entries li:last-child { margin-bottom: 0; }
.say { margin: 0; unicode-bidi: plaintext; }
.suggested .say, .say.suggested { color: #555; font-style: italic; }
cite { display: block; color: var(--muted); font-size: .82rem; font-style: italic; margin-top: .15rem; }
.tag { font-size: .75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .25rem;
       font-style: normal; margin-inline-start: .3rem; }
.party-label { display: none; }
a { color: inherit; text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
ol.statements { padding-inline-start: 0; list-style: none; }
ol.statements li { border-inline-start: 5px solid #ccc; padding: .35rem .6rem; margin: .4rem 0; background: #fafafa; }
.badge { display: inline-block; font-size: .78rem; font-weight: 600; border-radius: 3px; padding: .05rem .4rem;
         margin-inline-end: .4rem; }
.small { color: var(--muted); font-size: .82rem; }
table.links { border-collapse: collapse; width: 100%; }
table.links th, table.links td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top;
                                 text-align: start; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 720px) {
  body { padding: .7rem; font-size: 16px; }
  table.grid, table.grid tbody, table.grid tr, table.grid th, table.grid td { display: block; width: auto; }
  table.grid thead { display: none; }
  table.grid tr { margin-bottom: 1rem; border: 1px solid var(--rule); }
  table.grid tbody th { border-inline-start-width: 8px; }
  table.grid td { border-width: 0 0 1px 0; }
  td.silent { text-align: start; }
  .party-label { display: block; font-weight: 600; margin: -.5rem -.6rem .4rem; padding: .2rem .6rem; }
  table.links, table.links tbody, table.links tr, table.links td { display: block; }
  table.links thead { display: none; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .scroll { overflow: visible; }
  table.grid tr, ol.statements li, table.links tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-before: auto; break-after: avoid; }
  a { text-decoration: none; }
}
"""


SUGGESTED_TAG = '<span class="tag">suggested</span>'


def esc(text) -> str:
    return _html.escape("" if text is None else str(text), quote=True)


def _lang_attrs(language: str | None) -> str:
    lang = primary(language)
    attrs = ' dir="auto"'
    if lang.isalpha() and len(lang) <= 8:
        attrs += f' lang="{esc(lang)}"'
        if lang in RTL_LANGUAGES:
            attrs = f' dir="rtl" lang="{esc(lang)}"'
    return attrs


def _party_style(color: str) -> str:
    color = normalise_color(color)
    return f"background:{color};color:{readable_text_color(color)}"


def grid_html(grid: Grid, anchors: bool = True) -> str:
    """The comparison grid as an HTML table (also used by the desk's preview)."""
    out: list[str] = ['<div class="scroll"><table class="grid">', "<thead><tr>", '<th scope="col" class="corner">Topic</th>']
    for column in grid.columns:
        out.append(f'<th scope="col" style="{_party_style(column.color)}" dir="auto">{esc(column.name)}</th>')
    out.append("</tr></thead><tbody>")
    for r, row in enumerate(grid.rows):
        color = normalise_color(row.color)
        out.append(f'<tr><th scope="row" style="border-inline-start-color:{color};background:{tint(color, 0.85)}" dir="auto">{esc(row.name)}</th>')
        for c, column in enumerate(grid.columns):
            label = f'<span class="party-label" style="{_party_style(column.color)}" dir="auto">{esc(column.name)}</span>'
            entries = grid.cell(r, c)
            if not entries:
                out.append(f'<td class="silent">{label}—<span class="small"> nothing said</span></td>')
                continue
            out.append(f"<td>{label}<ul class=\"entries\">")
            for entry in entries:
                klass = "suggested" if entry.status == "suggested" else "confirmed"
                text = esc(entry.text)
                if anchors:
                    text = f'<a href="#s{int(entry.statement_id)}">{text}</a>'
                tag = SUGGESTED_TAG if entry.status == "suggested" else ""
                out.append(
                    f'<li class="{klass}"><p class="say"{_lang_attrs(entry.language)}>{text}</p>'
                    f"<cite>{esc(entry.citation.short())}{tag}</cite></li>"
                )
            out.append("</ul></td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _statements_html(data, cancelled: Cancelled | None) -> Iterator[str]:
    colors = {p["name"]: normalise_color(p["color"]) for p in data.parties}
    by_article: dict[int, list[dict]] = {}
    for s in data.statements:
        by_article.setdefault(s["article_id"], []).append(s)
    for article in data.articles:
        rows = by_article.get(article["id"])
        if not rows:
            continue
        check_cancel(cancelled)
        title = article.get("title") or f"Article {article['id']}"
        bits = [b for b in (article.get("outlet"), (article.get("published") or "")[:10], article.get("byline")) if b]
        yield (
            f'<article id="a{int(article["id"])}"><h3{_lang_attrs(article.get("language"))}>{esc(title)}</h3>'
            f'<p class="meta">{esc(" · ".join(bits))}</p><ol class="statements">'
        )
        for s in rows:
            party = s.get("party")
            color = colors.get(party, "#CCCCCC") if party else "#CCCCCC"
            badge = (
                f'<span class="badge" style="{_party_style(color)}" dir="auto">{esc(party)}</span>'
                if party
                else '<span class="badge" style="background:#eee;color:#333">narration</span>'
                if s.get("status")
                else ""
            )
            details = [f"¶{s['paragraph']}"]
            if s.get("topics"):
                details.append("topics: " + ", ".join(s["topics"]))
            if s.get("status"):
                details.append(s["status"])
            if s.get("speaker"):
                details.append(f"speaker: {s['speaker']}")
            note = f'<div class="small" dir="auto">Note: {esc(s["note"])}</div>' if s.get("note") else ""
            suggested = s.get("status") == "suggested"
            yield (
                f'<li id="s{int(s["id"])}" style="border-inline-start-color:{color}">{badge}'
                f'<span class="say{" suggested" if suggested else ""}"{_lang_attrs(s.get("language"))}>'
                f'{esc(s["text"])}</span>{SUGGESTED_TAG if suggested else ""}'
                f'<div class="small">{esc(" · ".join(details))}</div>{note}</li>'
            )
        yield "</ol></article>"


def _links_html(data) -> Iterator[str]:
    if not data.links:
        return
    yield '<section id="links"><h2>Counterclaims</h2><table class="links"><thead><tr>'
    yield "<th>Statement</th><th>Relation</th><th>Answered by</th><th>Note</th></tr></thead><tbody>"
    for link in data.links:
        a = data.statements_by_id[link["source_id"]]
        b = data.statements_by_id[link["target_id"]]

        def side(s: dict) -> str:
            who = esc(party_label(s))
            return (
                f'<a href="#s{int(s["id"])}"><strong dir="auto">{who}</strong>: '
                f'<span class="say"{_lang_attrs(s.get("language"))}>{esc(s["text"])}</span></a>'
            )

        yield (
            f"<tr><td>{side(a)}</td><td>{esc(link['relation'])}</td><td>{side(b)}</td>"
            f'<td dir="auto">{esc(link.get("note") or "")}</td></tr>'
        )
    yield "</tbody></table></section>"


def render(data, cancelled: Cancelled | None = None) -> str:
    """The whole page as a string."""
    grid = data.grid()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en" dir="ltr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="Counterclaim {esc(__version__)}">',
        f"<title>{esc(data.project_name)} — comparison sheet</title>",
        f"<style>{CSS}</style></head><body>",
        f'<header class="page"><h1 dir="auto">{esc(data.project_name)}</h1>',
        f'<p class="meta">Comparison sheet · exported {esc(data.exported_at[:16].replace("T", " "))} · '
        f"{counted(len(data.statements), 'statement')}, {counted(len(grid.columns), 'party')}, "
        f"{counted(len(grid.rows), 'topic')} · "
        f"{esc(scope_text(data))}</p></header><main>",
        '<section id="comparison"><h2>Comparison</h2>',
    ]
    if grid.rows and grid.columns:
        parts.append(f'<p class="meta">{esc(SUGGESTED_LEGEND)}</p>')
        parts.append(grid_html(grid))
    else:
        parts.append('<p class="meta">No topics or parties to compare yet: assign statements to topics first.</p>')
    parts.append('</section><section id="statements"><h2>Statements</h2>')
    parts.extend(_statements_html(data, cancelled))
    parts.append("</section>")
    parts.extend(_links_html(data))
    parts.append(
        f"</main><footer>Made with Counterclaim {esc(__version__)}. Each quoted statement cites outlet, "
        "date, article and paragraph (¶).</footer></body></html>"
    )
    return "\n".join(parts)


def write(data, path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    if progress is not None:
        progress(0, 2, "Page")
    page = render(data, cancelled)
    check_cancel(cancelled)
    with atomic_output(path) as out:
        out.write(page.encode("utf-8"))
    if progress is not None:
        progress(2, 2, "Page")
