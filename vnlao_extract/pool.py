"""Worker processes for a batch: chunks of sources out, (record, messages) back, in input order.

A worker that dies (segfault, OOM killer) is replaced and the chunk it held is redone one source at
a time, so only the input that kills a worker again loses its record, to an error record.
"""
from __future__ import annotations

import os
import signal
import sys
from typing import Iterable, Iterator

from .errors import Errors, one_line
from . import extract as _extract  # by module: tests and users may patch extract.extract_source
from .extract import MemoryZones, Options, _failed, load_pipeline
from .inputs import Source, display_name

# Sources handed to a worker at once, and chunks in flight per worker (bounds memory, keeps the walk lazy).
CHUNK_SIZE = 4
CHUNKS_PER_JOB = 4

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


def _work_chunk(sources: list[Source]) -> list[tuple[dict, list[str]]]:
    nlp, options = _WORKER.get("nlp"), _WORKER["options"]
    if nlp is None:
        return [_failed(s, Errors.E008.format(path=display_name(s.name), reason=_WORKER.get("error")))
                for s in sources]
    zones = _WORKER.setdefault("zones", MemoryZones(nlp))
    results = []
    for source in sources:
        zones.next_article()
        results.append(_extract.extract_source(nlp, source, options))
    return results


def _worker_main(conn, options: Options, parent: int) -> None:
    """A worker: receive (task id, sources), send back (task id, results), until told to stop."""
    _init_worker(options, parent)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        task, chunk = message
        try:
            results = _work_chunk(chunk)
        except Exception as exc:  # noqa: BLE001 - a bug outside extract_source: this chunk only
            reason = one_line(f"{type(exc).__name__}: {exc}")
            results = [_failed(s, Errors.E008.format(path=display_name(s.name), reason=reason)) for s in chunk]
        try:
            conn.send((task, results))
        except (EOFError, OSError):
            break
    if "zones" in _WORKER:
        _WORKER["zones"].close()
    conn.close()


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Worker:
    def __init__(self, context, options: Options):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, options, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, list[Source]] | None = None

    def send(self, task: int, chunk: list[Source]) -> None:
        self.task = (task, chunk)
        self.conn.send((task, chunk))

    def receive(self):
        """(task, results), or None if the worker died holding its task."""
        try:
            if self.conn.poll():
                message = self.conn.recv()
                self.task = None
                return message
        except (EOFError, OSError):
            pass
        return None

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.terminate()
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


def _isolated(context, options: Options, chunk: list[Source]) -> list[tuple[dict, list[str]]]:
    """Each source alone in a fresh worker, so that a crash is pinned on the input that causes it."""
    results = []
    for source in chunk:
        _flush_std_streams()
        worker = _Worker(context, options)
        try:
            worker.send(0, [source])
            message = None
            while message is None and worker.process.is_alive():
                worker.conn.poll(0.5)
                message = worker.receive()
            message = message or worker.receive()
        finally:
            worker.stop(kill=message is None)
        if message is None:
            results.append(_failed(source, Errors.E008.format(path=display_name(source.name),
                                                              reason="the worker process died")))
        else:
            results.extend(message[1])
    return results


def extract_parallel(sources: Iterable[Source], options: Options, nlp) -> Iterator[tuple[dict, list[str]]]:
    """Chunks of sources to `options.jobs` worker processes, results in input order.

    At most jobs * CHUNKS_PER_JOB chunks are read ahead of what was yielded (the walk stays lazy).
    A worker that dies (segfault, OOM killer) is replaced and the chunk it held is redone one source
    at a time, so only the input that kills a worker again loses its record, to an error record.
    Standard input is read here, in the main process.
    """
    from multiprocessing.connection import wait

    context = _context()
    if context.get_start_method() == "fork":
        _WORKER["nlp"] = nlp  # inherited by the workers
    workers: list[_Worker] = []
    done: dict[int, list] = {}
    chunks = enumerate(_chunks(sources, CHUNK_SIZE))
    taken = emitted = 0
    exhausted = False
    window = max(2, options.jobs * CHUNKS_PER_JOB)
    finished = False
    try:
        _flush_std_streams()
        workers = [_Worker(context, options) for _ in range(options.jobs)]
        while True:
            # hand out chunks to idle workers, without reading too far ahead
            for worker in workers:
                while worker.task is None and not exhausted and taken - emitted < window:
                    item = next(chunks, None)
                    if item is None:
                        exhausted = True
                        break
                    task, chunk = item
                    taken += 1
                    if any(s.path is None and s.error is None for s in chunk):
                        done[task] = [_extract.extract_source(nlp, s, options) for s in chunk]
                    else:
                        worker.send(task, chunk)
            while emitted in done:
                yield from done.pop(emitted)
                emitted += 1
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and emitted == taken:
                    break
                continue
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for index, worker in enumerate(workers):
                if worker.task is None or (worker.conn not in ready and worker.process.sentinel not in ready):
                    continue
                message = worker.receive()
                if message is not None:
                    done[message[0]] = message[1]
                elif not worker.process.is_alive():
                    task, chunk = worker.task
                    worker.task = None
                    worker.stop(kill=True)
                    done[task] = _isolated(context, options, chunk)
                    _flush_std_streams()
                    workers[index] = _Worker(context, options)
        finished = True
    finally:
        for worker in workers:
            worker.stop(kill=not finished)
        _WORKER.clear()
