"""Ingest throughput: the single-process engine against Ray workers, same corpus.

Builds a corpus of distinct short articles (text windows of the VOA stories and
the ECB+ articles in ../shared), then ingests it into fresh stores with each
engine, alternating, several rounds; prints articles per second (best round)
and the ratio Ray / local (target >= 1.6 on 2 CPUs).

Ray is started once (cluster start-up is not per article); each Ray ingest
starts its worker actors, whose model loading is reported apart: "steady"
rates exclude it, "total" rates include it. The local engine's model is loaded
before timing, so its rate is steady.

    python benchmarks/bench_ray.py [--articles 2000] [--chars 600] [--rounds 3]
        [--cpus 2] [--db sqlite|postgresql://...] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from sitrep.annotate.nlp import load_nlp
from sitrep.engines.ray_cluster import ray_session
from sitrep.engines.ray_engine import RayOptions, ray_ingest
from sitrep.engines.ray_pool import WorkerPool
from sitrep.pipeline import ingest
from sitrep.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = [
    SHARED / "corpus" / "voa_stories.jsonl",
    SHARED / "data" / "stories" / "ecbplus-dev" / "articles.jsonl",
]


def build_corpus(n: int, chars: int) -> list[dict[str, Any]]:
    """``n`` distinct records: successive windows of each source text, round robin."""
    base = [json.loads(line) for src in SOURCES for line in src.open(encoding="utf-8")]
    out: list[dict[str, Any]] = []
    for window in range(1000):
        for rec in base:
            part = rec["text"][window * chars:(window + 1) * chars]
            if len(part) < chars // 2:
                continue
            cut = part.rsplit(" ", 1)[0] if len(part) == chars else part
            i = len(out)
            out.append({"id": f"{rec['id']}-w{window}", "title": rec.get("title"),
                        "published": rec.get("published"), "outlet": rec.get("outlet"),
                        "url": f"{rec.get('url') or 'urn:' + str(rec['id'])}?part={window}",
                        "text": f"Part {i}. {cut}"})
            if len(out) == n:
                return out
    raise SystemExit(f"the sources give only {len(out)} windows of {chars} characters")


@contextmanager
def fresh_db(kind: str) -> Iterator[str]:
    """A new empty store: an SQLite file, or a fresh schema of a PostgreSQL URL."""
    if not kind.startswith("postgres"):
        with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp:
            yield str(Path(tmp) / "sitrep.db")
        return
    schema = f"bench_ray_{secrets.token_hex(4)}"
    with psycopg.connect(kind, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in kind else "?"
        yield f"{kind}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(kind, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def run_local(path: Path, db: str) -> dict[str, float]:
    with open_store(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest([str(path)], store)
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"stored": report.added + report.copies, "total": total, "steady": total, "cpu": cpu}


def run_ray(path: Path, db: str) -> dict[str, float]:
    ready: list[float] = []
    pools: list[WorkerPool] = []

    def on_pool(pool: WorkerPool) -> None:
        ready.append(time.perf_counter())
        pools.append(pool)

    with open_store(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        report = ray_ingest([str(path)], store, cluster=RayOptions(on_pool=on_pool))
        end, cpu = time.perf_counter(), time.process_time() - c0
    return {"stored": report.added + report.copies, "total": end - t0, "steady": end - ready[0],
            "cpu": cpu, "workers": pools[0].cpu_seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--chars", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--db", default="sqlite", help="sqlite, or a postgresql:// URL")
    args = ap.parse_args()
    records = build_corpus(args.articles, args.chars)
    load_nlp()  # the local engine's model, loaded before timing
    print(f"corpus: {len(records)} articles of <= {args.chars} chars; store: "
          f"{'SQLite file' if args.db == 'sqlite' else 'PostgreSQL'}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs", flush=True)
    n = len(records)
    runs: dict[str, list[dict[str, float]]] = {"local": [], "ray": []}
    with tempfile.TemporaryDirectory() as tmp, ray_session(num_cpus=args.cpus):
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for rnd in range(args.rounds):
            order = ["local", "ray"] if rnd % 2 == 0 else ["ray", "local"]
            for name in order:
                with fresh_db(args.db) as db:
                    res = (run_local if name == "local" else run_ray)(path, db)
                runs[name].append(res)
                print(f"round {rnd + 1} {name:5}: {res['stored']:.0f} stored, "
                      f"{res['total']:.1f} s total, {n / res['steady']:.1f} art/s steady, "
                      f"CPU ms/article: driver {1000 * res['cpu'] / n:.1f}, "
                      f"workers {1000 * res.get('workers', 0) / n:.1f}; "
                      f"load {os.getloadavg()[0]:.2f}", flush=True)
    best = {k: {m: n / min(r[m] for r in v) for m in ("steady", "total")}
            for k, v in runs.items()}
    for name, rates in best.items():
        print(f"best {name:5}: {rates['steady']:.1f} art/s steady, {rates['total']:.1f} total")
    local_cpu = min(r["cpu"] for r in runs["local"]) / n
    driver = min(r["cpu"] for r in runs["ray"]) / n
    workers = min(r["workers"] for r in runs["ray"]) / n
    print(f"CPU per article (best): local {1000 * local_cpu:.1f} ms; ray driver "
          f"{1000 * driver:.1f} ms + workers {1000 * workers:.1f} ms")
    # What 2 idle CPUs would allow: all CPU work shared, the driver a floor.
    bound = max((driver + workers) / args.cpus, driver)
    print(f"CPU-bound estimate on {args.cpus} idle CPUs: ray/local {local_cpu / bound:.2f}")
    print(f"ratio ray/local: {best['ray']['steady'] / best['local']['steady']:.2f} steady, "
          f"{best['ray']['total'] / best['local']['total']:.2f} total (target >= 1.6)")


if __name__ == "__main__":
    sys.exit(main())
