"""Server time per page of the web app over a store of 10,000 articles.

Builds (or reuses) a SQLite store of windows cut from the corpora beside the
repository (VOA, ECB+ and PolNeAR texts, each window a distinct article),
with annotations computed once for a small set of full texts and shifted
into the windows cut from them; the seeds are ingested, annotated, too.
Then times the main pages through FastAPI's TestClient: the first request
(cold caches) and the median and p95 of repeated requests. Target: < 300 ms.

    python benchmarks/bench_web.py [--db bench-out/web.db] [--articles 10000]
        [--annotated 250] [--repeat 15] [--screenshot docs/screenshot-brief.png]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from sitrep.annotate import annotate  # noqa: E402
from sitrep.models import Annotations, Article  # noqa: E402
from sitrep.pipeline import ingest  # noqa: E402
from sitrep.store import Store, open_store  # noqa: E402
from sitrep.store.codec import decode_layers, encode_layers  # noqa: E402
from sitrep.stories import Assigner  # noqa: E402

WINDOW = 1400  # most characters per article, cut at whitespace (less for a big store)
TARGET_MS = 300.0


def corpus_docs() -> Iterator[dict[str, Any]]:
    """Full texts with their metadata: VOA, ECB+ and PolNeAR (where present)."""
    voa = SHARED / "corpus" / "voa_stories.jsonl"
    for path, outlet in ((voa if voa.exists() else REPO / "examples/voa/voa_stories.jsonl",
                          "VOA"), (SHARED / "data/stories/ecbplus-dev/articles.jsonl", None)):
        if path.exists():
            for line in path.open(encoding="utf-8"):
                rec = json.loads(line)
                yield {**rec, "outlet": rec.get("outlet") or outlet}
    polnear = SHARED / "data/attribution/polnear-train/text"
    for path in sorted(polnear.glob("*.txt")) if polnear.exists() else []:
        outlet, day = path.stem.split("_")[:2]
        text = path.read_text(encoding="utf-8")
        yield {"id": path.stem, "title": text.strip().split("\n", 1)[0][:120], "outlet": outlet,
               "published": day, "url": f"https://{outlet}.example/{path.stem}", "text": text}


def windows(text: str, size: int = WINDOW) -> Iterator[tuple[int, int]]:
    start = 0
    while start < len(text) - 200:
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > 0 else end
        yield start, end
        start = end + 1


def _spans(obj: Any) -> Iterator[int]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("start", "end", "counted_start", "counted_end") and isinstance(value, int):
                yield value
            else:
                yield from _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _spans(value)


def _shift(obj: Any, off: int) -> Any:
    if isinstance(obj, dict):
        return {k: (v - off if k in ("start", "end", "counted_start", "counted_end")
                    and isinstance(v, int) else _shift(v, off)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_shift(v, off) for v in obj]
    return obj


def cut_annotations(ann: Annotations, start: int, end: int) -> Annotations:
    """The annotations lying wholly inside [start, end), shifted to the window."""
    layers = {}
    for layer, data in encode_layers(ann).items():
        kept = [_shift(i, start) for i in json.loads(data)
                if all(start <= p <= end for p in _spans(i))]
        layers[layer] = json.dumps(kept)
    return decode_layers(layers)


def build(db: Path, n_articles: int, n_annotated: int) -> None:
    started = time.monotonic()
    with open_store(str(db)) as store:
        seeds = sorted((REPO / "examples/seeds").glob("*.txt"))
        ingest(seeds, store)  # annotated for real: the screenshot story
        docs = [d for d in corpus_docs() if d.get("text")]
        full = [Article(id=str(d["id"]), source="bench", text=d["text"])
                for d in docs[:n_annotated]]
        t0 = time.monotonic()
        anns = {a.id: ann for a, ann in annotate(full)}
        print(f"annotated {len(full)} full texts in {time.monotonic() - t0:.0f} s", flush=True)
        size = max(400, min(WINDOW, sum(len(d["text"]) for d in docs) * 4 // 5 // n_articles))
        cuts = [(d, k, s, e) for d in docs
                for k, (s, e) in enumerate(windows(d["text"], size))]
        print(f"{len(cuts)} windows of up to {size} characters", flush=True)
        # Round-robin over documents: the store fills the way a stream of news would.
        order = sorted(range(len(cuts)), key=lambda i: (cuts[i][1], i))[:n_articles]
        _store_windows(store, [cuts[i] for i in sorted(order)], anns)
        print(f"stored {store.count_articles()} articles in {time.monotonic() - started:.0f} s",
              flush=True)


def _store_windows(store: Store, cuts: list[tuple[dict[str, Any], int, int, int]],
                   anns: dict[str, Annotations]) -> None:
    assigner = Assigner(store)
    for at in range(0, len(cuts), 250):
        batch, layers = [], []
        for d, k, s, e in cuts[at:at + 250]:
            batch.append(Article(id=f"{d['id']}-w{k}", source="bench", text=d["text"][s:e],
                                 url=f"{d.get('url') or 'https://bench.example/' + str(d['id'])}"
                                 f"?part={k}", title=f"{d.get('title') or d['id']} ({k + 1})",
                                 outlet=d.get("outlet"), published=d.get("published")))
            ann = anns.get(str(d["id"]))
            layers.append(cut_annotations(ann, s, e) if ann else None)
        with store.story_write("bench batch"):
            outcomes = store.add_articles(batch, layers)
            assigner.assign_batch(batch, layers, outcomes)
        print(f"  {at + len(batch)} articles", end="\r", flush=True)
    print()


def timed(client: Any, path: str, repeat: int) -> tuple[float, float, float]:
    def once() -> float:
        t = time.perf_counter()
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code, r.text[:200])
        return (time.perf_counter() - t) * 1000

    first = once()
    runs = sorted(once() for _ in range(repeat))
    p95 = runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))]
    return first, statistics.median(runs), p95


def measure(db: Path, repeat: int) -> list[tuple[str, float, float, float]]:
    from fastapi.testclient import TestClient

    from sitrep.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db=str(db), read_only=True))) as c:
        big = c.get("/api/stories", params={"sort": "size", "limit": 1}).json()["items"][0]
        seed = c.get("/api/stories", params={"q": "Goremykin"}).json()["items"][0]
        top = c.get("/api/entities", params={"limit": 1}).json()["items"][0]
        art = c.get("/api/stories/" + big["id"]).json()["members"][0]["id"]
        pages = {
            "story list (recent)": "/", "story list (size)": "/?sort=size",
            "story list (search)": "/?q=election+president",
            "story list (entity filter)": f"/?entity={top['id']}",
            "story list (disputes)": "/?sort=disputes",
            f"brief ({big['articles']} articles)": f"/stories/{big['id']}",
            "brief since": f"/stories/{big['id']}?since=2015-11-20",
            "brief (seed story)": f"/stories/{seed['id']}",
            "story timeline": f"/stories/{big['id']}/timeline",
            "article view": f"/articles/{art}?cite=10-80",
            f"entity ({top['articles']} articles)": f"/entities/{top['id']}",
            "entity timeline": f"/entities/{top['id']}/timeline",
            "entities": "/entities", "search": "/search?q=president",
            "discrepancies": "/discrepancies",
            "api stories": "/api/stories", "api brief": f"/api/stories/{big['id']}/brief",
            "api search": "/api/search?q=troops",
        }
        return [(name, *timed(c, path, repeat)) for name, path in pages.items()]


def screenshot(db: Path, target: Path) -> None:
    from tests.web_fixtures import chromium, serving

    from sitrep.web import WebSettings

    with serving(WebSettings(db=str(db), read_only=True)) as url, chromium() as ctx:
        page = ctx.new_page()
        page.goto(url + "/?q=Goremykin")
        page.locator("a.story-link").first.click()
        page.locator("#brief a.citation").nth(1).click()
        page.locator("#source-panel mark#cite").wait_for()
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target))
        print(f"wrote {target}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--db", type=Path, default=REPO / "bench-out" / "web.db")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--annotated", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--screenshot", type=Path, default=REPO / "docs" / "screenshot-brief.png")
    args = ap.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.articles, args.annotated)
    with open_store(str(args.db)) as store:
        print(f"store {args.db}: {store.count_articles()} articles, "
              f"{len(store.live_story_ids())} stories")
    rows = measure(args.db, args.repeat)
    print(f"{'page':32} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}")
    for name, first, median, p95 in rows:
        flag = "" if p95 < TARGET_MS else "  over target"
        print(f"{name:32} {first:9.1f} {median:10.1f} {p95:8.1f}{flag}")
    if args.screenshot and Path("/usr/bin/chromium").exists():
        screenshot(args.db, args.screenshot)


if __name__ == "__main__":
    main()
