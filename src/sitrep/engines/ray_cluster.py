"""Starting or joining a Ray cluster for one ingest, quietly and without telemetry."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from types import ModuleType

from sitrep.errors import SitrepError

INSTALL_HINT = "pip install 'sitrep[ray]'"
# A local cluster's shared-memory store: batches are small, so keep it modest.
OBJECT_STORE_BYTES = 256 * 2**20


def require_ray() -> ModuleType:
    """The ``ray`` module, or an error that says how to install it."""
    from sitrep.errors import EngineUnavailable

    try:
        import ray
    except ImportError as exc:
        raise EngineUnavailable(
            f"the ray engine needs Ray, which is not installed: {INSTALL_HINT}") from exc
    return ray


def quiet_env() -> None:
    """Settings read by ray.init and inherited by the processes it starts."""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # no usage statistics, ever
    # Ray runs workers at nice 15; they do this command's main work, so on a
    # shared machine they would starve behind other jobs. Override to taste.
    os.environ.setdefault("RAY_worker_niceness", "0")


@contextlib.contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[ModuleType]:
    """Ray, initialised: joins ``address`` or starts a local cluster of ``num_cpus``.

    A session already open in this process (a test's, a notebook's) is reused
    and left open; one started here is shut down and its temp dir removed.
    """
    ray = require_ray()
    if ray.is_initialized():
        yield ray
        return
    quiet_env()
    temp = None
    try:
        if address:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
        else:
            temp = tempfile.mkdtemp(prefix="sitrep-ray-")
            ray.init(num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False,
                     object_store_memory=OBJECT_STORE_BYTES, _temp_dir=temp,
                     logging_level=logging.WARNING, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
        where = f"at {address}" if address else "locally"
        raise SitrepError(f"cannot start or join a Ray cluster {where}: {exc}") from exc
    try:
        yield ray
    finally:
        ray.shutdown()
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
