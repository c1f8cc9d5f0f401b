"""What ``sitrep run`` leaves in its output folder.

    OUT/index.html            every story, newest first, linking to its brief
    OUT/briefs/STORY.html     the brief, self-contained (also .md and .json)
    OUT/articles.jsonl|csv    the article list
    OUT/stories.jsonl         the stories with their article ids

Every file is written to a temporary name first and renamed, so a reader
never sees half a file.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sitrep.export import export_rows, write_csv, write_jsonl
from sitrep.render.safe import CSP_META

if TYPE_CHECKING:
    from sitrep.store import Store


@dataclass(slots=True)
class Results:
    index: Path
    files: list[Path]
    briefs: int


def _atomic(path: Path, write: Callable[[IO[str]], object]) -> Path:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        write(fh)
    tmp.replace(path)
    return path


def _atomic_text(path: Path, text: str) -> Path:
    return _atomic(path, lambda fh: fh.write(text))


def _export(store: Store, kind: str, writer: Callable[..., int]) -> Callable[[IO[str]], int]:
    return lambda fh: writer(export_rows(store, kind), fh)


def _index_html(rows: list[dict[str, object]]) -> str:
    def cell(value: object) -> str:
        return html.escape("" if value is None else str(value))

    body = "\n".join(
        f'<tr><td><a href="briefs/{cell(r["id"])}.html">{cell(r["title"] or r["id"])}</a></td>'
        f"<td>{cell(r['first_date'])}</td><td>{cell(r['last_date'])}</td>"
        f"<td class=n>{cell(r['article_count'])}</td><td>{cell(', '.join(r['outlets']))}</td>"  # type: ignore[arg-type]
        f"<td class=n>{cell(r['disputes'])}</td><td class=n>{cell(r['updates'])}</td></tr>"
        for r in rows
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep: {len(rows)} stories</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{CSP_META}
<style>body{{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem}}
table{{border-collapse:collapse;width:100%}}
td,th{{padding:.35rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}}
.n{{text-align:right}}th{{background:#f3f3f3}}</style></head>
<body><h1>sitrep: {len(rows)} stories</h1>
<p>Each brief cites the source text of every statement;
conflicting reports are shown, not hidden.</p>
<table><tr><th>story</th><th>first</th><th>last</th><th class=n>articles</th><th>outlets</th>
<th class=n>conflicting reports</th><th class=n>updates</th></tr>
{body}
</table></body></html>
"""


def write_results(store: Store, out_dir: Path) -> Results:
    """Write the briefs, the index page and the exports; returns what was written."""
    from sitrep.brief import brief_to_html, brief_to_json, brief_to_markdown
    from sitrep.brief.stored import brief_for_story

    out_dir.mkdir(parents=True, exist_ok=True)
    briefs_dir = out_dir / "briefs"
    briefs_dir.mkdir(exist_ok=True)
    files = [
        _atomic(
            out_dir / "articles.jsonl", lambda fh: write_jsonl(export_rows(store, "articles"), fh)
        ),
        _atomic(out_dir / "articles.csv", lambda fh: write_csv(export_rows(store, "articles"), fh)),
    ]
    stories = list(export_rows(store, "stories"))
    files.append(_atomic(out_dir / "stories.jsonl", lambda fh: write_jsonl(iter(stories), fh)))
    rows = []
    for story in stories:
        brief = brief_for_story(store, str(story["id"]))
        stem = briefs_dir / str(story["id"])
        _atomic_text(stem.with_suffix(".html"), brief_to_html(brief, "../index.html"))
        _atomic_text(stem.with_suffix(".md"), brief_to_markdown(brief))
        _atomic_text(
            stem.with_suffix(".json"),
            json.dumps(brief_to_json(brief), ensure_ascii=False, indent=1),
        )
        conflicts = sum(1 for d in brief.discrepancies if d.is_conflict)
        rows.append({**story, "disputes": conflicts,
                     "updates": len(brief.discrepancies) - conflicts})
    rows.sort(key=lambda r: (str(r.get("last_date") or ""), r["article_count"]), reverse=True)
    index = _atomic(out_dir / "index.html", lambda fh: fh.write(_index_html(rows)))
    return Results(index=index, files=[index, *files], briefs=len(rows))
