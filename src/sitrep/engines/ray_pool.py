"""A pool of worker actors that survives the death of any of them.

Each call is a :class:`Job`. Actors restart by themselves after a crash
(``max_restarts``) and Ray retries their calls (``max_task_retries``); an actor
that is gone for good (``ray.kill``, node lost, retries spent) is replaced and
its calls are sent again. Calls are pure, so running one twice is harmless:
only the driver writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from sitrep.engines.ray_worker import Worker
from sitrep.errors import SitrepError

ACTOR_OPTIONS: dict[str, Any] = {"num_cpus": 1, "max_restarts": 3, "max_task_retries": 3}
MAX_ATTEMPTS = 4  # sends of one call, across replaced actors


@dataclass(slots=True)
class Job:
    """One call in flight: which method, its argument, where it went."""

    method: str
    payload: list[Any]
    ref: Any = None
    slot: int = 0
    actor: Any = None
    attempts: int = 0


class WorkerPool:
    """``size`` worker actors; calls go to the least busy one."""

    def __init__(self, ray: ModuleType, size: int, layers: frozenset[str],
                 model: str | None = None) -> None:
        self.ray = ray
        self._remote = ray.remote(Worker).options(**ACTOR_OPTIONS)
        self._args = (layers, model)
        self.actors = [self._spawn() for _ in range(max(1, size))]
        self.busy = [0] * len(self.actors)
        self.replaced = 0
        self.cpu_seconds = 0.0  # spent by the workers on the calls returned

    def _spawn(self) -> Any:
        return self._remote.remote(*self._args)

    def ready(self) -> list[int]:
        """Wait until every actor has loaded its model; their process ids."""
        return [int(pid) for pid in self.ray.get([a.pid.remote() for a in self.actors])]

    def submit(self, method: str, payload: list[Any]) -> Job:
        job = Job(method, payload)
        self._send(job)
        return job

    def _send(self, job: Job) -> None:
        slot = min(range(len(self.actors)), key=self.busy.__getitem__)
        job.slot, job.actor, job.attempts = slot, self.actors[slot], job.attempts + 1
        job.ref = getattr(job.actor, job.method).remote(job.payload)
        self.busy[slot] += 1

    def result(self, job: Job) -> Any:
        """The job's value (blocking); resent elsewhere if its actor died.

        Worker methods return (value, CPU seconds); the seconds are summed.
        """
        from ray.exceptions import RayActorError

        while True:
            try:
                value = self.ray.get(job.ref)
            except RayActorError as exc:
                self.busy[job.slot] -= 1
                self._replace(job)
                if job.attempts >= MAX_ATTEMPTS:
                    raise SitrepError(f"a Ray worker died {job.attempts} times on one batch "
                                      f"of {len(job.payload)} items: {exc}") from exc
                self._send(job)
            else:
                self.busy[job.slot] -= 1
                result, cpu = value
                self.cpu_seconds += cpu
                return result

    def _replace(self, job: Job) -> None:
        """A fresh actor in the slot of the job's dead one (unless already replaced)."""
        if self.actors[job.slot] is job.actor:
            self.ray.kill(job.actor, no_restart=True)
            self.actors[job.slot] = self._spawn()
            self.replaced += 1

    def shutdown(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor, no_restart=True)
