"""Worker processes for a batch: sources out, one (record, messages) back per source, in input order.

Every run of the CLI works here, ``--jobs 1`` included: the main process only walks, reads standard
input and writes, so a signal ends it at once even while a worker is stuck inside the Matcher, and an
article over the budget (``--timeout``) is stopped by killing its worker. A worker streams one result
per source, so the pool always knows which source a worker holds: a worker that dies is replaced and
that source is tried once more; dying twice on it (segfault, OOM killer) gives it an error record.
"""
from __future__ import annotations

import collections
import os
import signal
import sys
import time
from typing import Iterable, Iterator

from . import extract as _extract  # by module: tests and users may patch extract.extract_source
from .budget import over_budget_message
from .errors import Errors, one_line
from .extract import MemoryZones, Options, _failed, load_pipeline
from .inputs import Source, display_name, preread_stdin

# Sources handed to a worker at once, and chunks in flight per worker (bounds memory, keeps the walk lazy).
CHUNK_SIZE = 4
CHUNKS_PER_JOB = 4
# Deaths of a worker on one source after which that source gets an error record.
DEATHS_PER_SOURCE = 2

_WORKER: dict = {}


def _die_with_parent() -> None:
    """Linux: a worker is killed when the main process dies, even by SIGKILL (no orphans left in CI)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort
        pass


def _init_worker(options: Options, parent: int) -> None:
    # Ctrl-C reaches the whole process group: only the main process handles it, then stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if os.getppid() != parent:
        os._exit(1)
    _WORKER["options"] = options
    if _WORKER.get("nlp") is None:  # not inherited by fork: build it here
        try:
            _WORKER["nlp"] = load_pipeline(options)
        except Exception as exc:  # noqa: BLE001 - reported per record, never a crash loop
            _WORKER["error"] = one_line(f"{type(exc).__name__}: {exc}")


def _work_one(source: Source) -> tuple[dict, list[str]]:
    nlp, options = _WORKER.get("nlp"), _WORKER["options"]
    if nlp is None:
        return _failed(source, Errors.E008.format(path=display_name(source.name), reason=_WORKER.get("error")))
    _WORKER.setdefault("zones", MemoryZones(nlp)).next_article()
    try:
        return _extract.extract_source(nlp, source, options)
    except Exception as exc:  # noqa: BLE001 - a bug outside extract_source's own guard: this source only
        reason = one_line(f"{type(exc).__name__}: {exc}")
        return _failed(source, Errors.E008.format(path=display_name(source.name), reason=reason))


def _worker_main(conn, options: Options, parent: int) -> None:
    """A worker: say it is ready, then for each (task, sources) received send one result per source."""
    _init_worker(options, parent)
    try:
        conn.send("ready")
        while True:
            message = conn.recv()
            if message is None:
                break
            for source in message:
                conn.send(_work_one(source))
    except (EOFError, OSError):
        pass
    if "zones" in _WORKER:
        _WORKER["zones"].close()
    conn.close()


def _chunks(sources: Iterable[Source], size: int, max_bytes: int) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    for source in sources:
        chunk.append(preread_stdin(source, max_bytes))  # here, so that a retry still has its bytes
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Task:
    """A chunk of sources and the results that came back for it so far."""

    def __init__(self, number: int, sources: list[Source]):
        self.number, self.sources = number, sources
        self.results: list[tuple[dict, list[str]] | None] = [None] * len(sources)
        self.deaths = collections.Counter()

    def first_missing(self) -> int | None:
        return next((i for i, r in enumerate(self.results) if r is None), None)

    @property
    def finished(self) -> bool:
        return self.first_missing() is None


class _Worker:
    """One worker process and the part of a task it holds (sources ``task.sources[start:]``)."""

    def __init__(self, context, options: Options):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, options, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.task: _Task | None = None
        self.current = 0
        self.since = time.monotonic()

    def send(self, task: _Task, start: int) -> None:
        self.task, self.current = task, start
        self.since = time.monotonic()
        try:
            self.conn.send(task.sources[start:])
        except (OSError, ValueError):
            pass  # it died meanwhile: the pool sees it and hands the sources on

    def drain(self) -> None:
        """Take every message waiting in the pipe (readiness, results)."""
        try:
            while self.conn.poll():
                message = self.conn.recv()
                self.since = time.monotonic()
                if message == "ready":
                    self.ready = True
                    continue
                self.task.results[self.current] = message
                self.current += 1
                if self.current == len(self.task.sources):
                    self.task = None
        except (EOFError, OSError):
            pass

    def overdue(self, timeout: float | None, now: float) -> bool:
        return bool(timeout) and self.ready and self.task is not None and now - self.since > timeout

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError, AttributeError):
            pass
        self.process.join(None if kill else 10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


def _context():
    import multiprocessing

    # fork shares the main process's pipeline (no reload); elsewhere each worker builds its own
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _flush_std_streams() -> None:
    for stream in (sys.stdout, sys.stderr):  # a forked child must not write our buffers out again
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass


class _Pool:
    """The workers, the tasks in flight and the queue of (task, start) still to hand out."""

    def __init__(self, options: Options):
        self.options, self.context = options, _context()
        self.workers: list[_Worker] = []
        self.queue: collections.deque[tuple[_Task, int]] = collections.deque()
        self.retries: collections.deque[tuple[_Task, int]] = collections.deque()

    def start(self) -> None:
        _flush_std_streams()
        self.workers = [_Worker(self.context, self.options) for _ in range(max(1, self.options.jobs))]

    def hand_out(self) -> None:
        for index, worker in enumerate(self.workers):
            if worker.task is None and not worker.process.is_alive():  # died idle: nothing lost
                self._replace(index)
                worker = self.workers[index]
            if worker.task is None:
                queue = self.retries or self.queue
                if queue:
                    worker.send(*queue.popleft())

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def wait(self) -> None:
        from multiprocessing.connection import wait

        busy = self.busy()
        if not busy:
            return
        wait([w.conn for w in busy] + [w.process.sentinel for w in busy], self._wait_seconds(busy))
        now = time.monotonic()
        for index, worker in enumerate(self.workers):
            if worker.task is None:
                continue
            worker.drain()
            if worker.task is None:
                continue
            if not worker.process.is_alive():
                self._on_death(worker)
                self._replace(index)
            elif worker.overdue(self.options.timeout, now):
                self._on_overdue(worker)
                self._replace(index)

    def _wait_seconds(self, busy: list[_Worker]) -> float | None:
        timeout = self.options.timeout
        if not timeout:
            return None
        now = time.monotonic()
        waits = [w.since + timeout - now for w in busy if w.ready]
        return max(0.01, min(waits) + 0.01) if waits else 0.5  # not ready yet: look again soon

    def _on_death(self, worker: _Worker) -> None:
        task, current = worker.task, worker.current
        task.deaths[current] += 1
        if task.deaths[current] >= DEATHS_PER_SOURCE:
            source = task.sources[current]
            task.results[current] = _failed(source, Errors.E008.format(path=display_name(source.name),
                                                                       reason="the worker process died"))
            current += 1
        self._requeue(task, current)

    def _on_overdue(self, worker: _Worker) -> None:
        task, current = worker.task, worker.current
        source = task.sources[current]
        task.results[current] = _failed(source, over_budget_message(display_name(source.name),
                                                                    self.options.timeout))
        self._requeue(task, current + 1)

    def _requeue(self, task: _Task, start: int) -> None:
        if start < len(task.sources):
            self.retries.append((task, start))

    def _replace(self, index: int) -> None:
        self.workers[index].task = None
        self.workers[index].stop(kill=True)
        _flush_std_streams()
        self.workers[index] = _Worker(self.context, self.options)

    def stop(self, kill: bool) -> None:
        for worker in self.workers:
            worker.stop(kill=kill)


def extract_parallel(sources: Iterable[Source], options: Options, nlp) -> Iterator[tuple[dict, list[str]]]:
    """(record, messages) for every source, in input order, worked out by ``options.jobs`` workers.

    At most jobs * CHUNKS_PER_JOB chunks are read ahead of what was yielded (the walk stays lazy).
    Standard input is read here, in the main process, so that a worker killed on it can be replaced.
    """
    pool = _Pool(options)
    if pool.context.get_start_method() == "fork":
        _WORKER["nlp"] = nlp  # inherited by the workers
    chunks = enumerate(_chunks(sources, CHUNK_SIZE, options.max_bytes))
    window = max(2, options.jobs * CHUNKS_PER_JOB)
    in_order: collections.deque[_Task] = collections.deque()
    exhausted = finished = False
    try:
        pool.start()
        while True:
            while not exhausted and len(in_order) < window:
                item = next(chunks, None)
                if item is None:
                    exhausted = True
                    break
                in_order.append(_Task(*item))
                pool.queue.append((in_order[-1], 0))
            while in_order and in_order[0].finished:
                yield from in_order.popleft().results
            if not in_order and exhausted:
                break
            pool.hand_out()
            pool.wait()
        finished = True
    finally:
        pool.stop(kill=not finished)
        _WORKER.clear()
