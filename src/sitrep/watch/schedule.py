"""When to poll a feed next: its interval with jitter, back-off after failures.

Pure functions over times (aware UTC datetimes, stored as ISO text): the
watcher and its tests share them, and a test moves time by passing ``now``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MIN_BACKOFF_S = 60.0
MAX_BACKOFF_S = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class Policy:
    """``jitter`` spreads polls by +-that share of the interval, so feeds added
    together do not stay in lockstep against one host."""

    jitter: float = 0.1
    min_backoff_s: float = MIN_BACKOFF_S
    max_backoff_s: float = MAX_BACKOFF_S


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def after_success(now: datetime, interval_s: float, policy: Policy,
                  rng: random.Random | None = None) -> datetime:
    """The next poll after a good answer (200 or 304): the interval, jittered."""
    spread = interval_s * policy.jitter
    offset = (rng or random).uniform(-spread, spread) if spread else 0.0
    return now + timedelta(seconds=max(0.0, interval_s + offset))


def backoff_s(interval_s: float, failures: int, policy: Policy) -> float:
    """Exponential back-off after ``failures`` failures in a row (1 = the first)."""
    base = max(interval_s, policy.min_backoff_s)
    return float(min(base * 2 ** max(0, failures - 1), policy.max_backoff_s))


def after_failure(now: datetime, interval_s: float, failures: int, policy: Policy,
                  retry_after_s: float | None = None) -> datetime:
    """The next poll after an error: back-off, and never before the server's Retry-After."""
    wait = backoff_s(interval_s, failures, policy)
    if retry_after_s is not None:
        wait = max(wait, retry_after_s)
    return now + timedelta(seconds=wait)
