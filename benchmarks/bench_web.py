"""Time to first byte per page of the web app, served by ``sitrep serve``.

By default over the shipped examples (seeds and VOA records, ingested and
annotated once into bench-out/web-examples.db); ``--big`` over a store of
10,000 windows cut from the corpora beside the repository (annotations
computed once for a few full texts and shifted into the windows). Prints the
server's start time, the first brief after start (target < 1 s), then each
page's median, p95 and slowest time to first byte after one warm-up request
(target < 300 ms).

    python benchmarks/bench_web.py [--big] [--db PATH] [--repeat 15]
        [--screenshot docs/screenshot-brief.png]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from sitrep.annotate import annotate  # noqa: E402
from sitrep.annotate.chunks import OFFSET_FIELDS  # noqa: E402
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
            if key in OFFSET_FIELDS and isinstance(value, int):
                yield value
            else:
                yield from _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _spans(value)


def _shift(obj: Any, off: int) -> Any:
    if isinstance(obj, dict):
        return {k: (v - off if k in OFFSET_FIELDS and isinstance(v, int) else _shift(v, off))
                for k, v in obj.items()}
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
        with store.stories.write("bench batch"):
            outcomes = store.add_articles(batch, layers)
            assigner.assign_batch(batch, layers, outcomes)
        print(f"  {at + len(batch)} articles", end="\r", flush=True)
    print()


def build_examples(db: Path) -> None:
    """The shipped examples (seeds and VOA records), ingested and annotated for real."""
    t0 = time.monotonic()
    with open_store(str(db)) as store:
        ingest([REPO / "examples/seeds", REPO / "examples/voa/voa_stories.jsonl"], store)
    print(f"built {db} from the shipped examples in {time.monotonic() - t0:.0f} s", flush=True)


@contextmanager
def server(db: Path) -> Iterator[tuple[str, float]]:
    """``sitrep serve`` in its own process: its URL and the seconds it took to start."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db),
                             "--port", str(port), "--read-only"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                httpx.get(url + "/favicon.ico", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() - t0 > 120:
                    raise RuntimeError("sitrep serve did not start") from None
                time.sleep(0.05)
        yield url, time.monotonic() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def ttfb(client: httpx.Client, path: str) -> float:
    """Milliseconds to the first byte of the body (the status and headers are sent then)."""
    t = time.perf_counter()
    with client.stream("GET", path) as r:
        body = r.iter_raw()
        next(body, b"")
        first = (time.perf_counter() - t) * 1000
        assert r.status_code == 200, (path, r.status_code)
        for _ in body:  # the rest of the page
            pass
    return first


def page_paths(client: httpx.Client) -> dict[str, str]:
    def first(path: str, **params: Any) -> dict[str, Any]:
        return dict(client.get(path, params=params).json()["items"][0])

    big = first("/api/stories", sort="size", limit=1)
    seed = first("/api/stories", q="Goremykin")
    top = first("/api/entities", limit=1)
    art = client.get("/api/stories/" + big["id"]).json()["members"][0]["id"]
    outlet = next((o for s in client.get("/api/stories").json()["items"]
                   for o in s["outlets"]), "")
    return {
        "story list (recent)": "/", "story list (size)": "/?sort=size",
        "story list (search)": "/?q=election+president",
        "story list (entity filter)": f"/?entity={top['id']}",
        "story list (outlet filter)": f"/?outlet={outlet}",
        "story list (disputes)": "/?sort=disputes",
        f"brief ({big['articles']} articles)": f"/stories/{big['id']}",
        "brief since": f"/stories/{big['id']}?since=2025-03-13",
        "brief (seed story)": f"/stories/{seed['id']}",
        "story timeline": f"/stories/{big['id']}/timeline",
        "outlets compared": f"/stories/{big['id']}/outlets",
        "brief as markdown": f"/stories/{seed['id']}/brief.md",
        "article view": f"/articles/{art}?cite=10-80",
        "source panel fragment": f"/articles/{art}/fragment?cite=10-80",
        f"entity ({top['articles']} articles)": f"/entities/{top['id']}",
        "entity timeline": f"/entities/{top['id']}/timeline",
        "entities": "/entities", "articles": "/articles", "search": "/search?q=president",
        "discrepancies": "/discrepancies", "stories csv": "/stories.csv",
        "api stories": "/api/stories", "api brief": f"/api/stories/{big['id']}/brief",
        "api search": "/api/search?q=troops",
    }


def measure(db: Path, repeat: int) -> None:
    with server(db) as (url, started), httpx.Client(base_url=url, timeout=60) as client:
        seed = client.get("/api/stories", params={"q": "Goremykin"}).json()["items"][0]["id"]
        first_brief = ttfb(client, f"/stories/{seed}")
        first_list = ttfb(client, "/")
        print(f"server start {started:.2f} s; first brief after start {first_brief:.0f} ms "
              f"(target < 1000 ms){'' if first_brief < 1000 else '  OVER TARGET'}; "
              f"first story list {first_list:.0f} ms")
        paths = page_paths(client)
        for path in paths.values():  # warm-up: each page once
            ttfb(client, path)
        print(f"{'page (time to first byte)':32} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
        worst = 0.0
        for name, path in paths.items():
            runs = sorted(ttfb(client, path) for _ in range(repeat))
            p95 = runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))]
            worst = max(worst, runs[-1])
            flag = "" if runs[-1] < TARGET_MS else "  over target"
            print(f"{name:32} {statistics.median(runs):10.1f} {p95:8.1f} {runs[-1]:8.1f}{flag}")
        print(f"slowest page after warm-up: {worst:.0f} ms (target < {TARGET_MS:.0f} ms)")


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
    ap.add_argument("--big", action="store_true",
                    help="a store of --articles windows cut from the corpora (else: the "
                    "shipped examples)")
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--annotated", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--screenshot", type=Path, default=None,
                    help="also write a screenshot of a brief (docs/screenshot-brief.png)")
    args = ap.parse_args()
    db = args.db or REPO / "bench-out" / ("web.db" if args.big else "web-examples.db")
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        if args.big:
            build(db, args.articles, args.annotated)
        else:
            build_examples(db)
    with open_store(str(db)) as store:
        print(f"store {db}: {store.count_articles()} articles, "
              f"{len(store.stories.live_ids())} stories")
    measure(db, args.repeat)
    if args.screenshot and Path("/usr/bin/chromium").exists():
        screenshot(db, args.screenshot)


if __name__ == "__main__":
    main()
