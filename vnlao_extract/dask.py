"""Scale-out on Dask: the same records as ``--jobs 1``, computed by a LocalCluster or a running scheduler.

`records(paths_or_collection)` gives a ``dask.bag.Bag`` of records for users who already run Dask;
`extract_on_dask` is what ``extract --dask`` streams. Each worker process builds the pipeline once
(a per-process cache, so any scheduler works) and keeps it for every later task; one task is a
partition of articles, sized so that scheduling costs little next to the work. Records come back in
input order, and a partition lost with a worker is recomputed by the scheduler elsewhere, so every
record arrives exactly once. Dask is the optional extra ``vnlao-extract[dask]``.
"""
from __future__ import annotations

import itertools
import logging
import math
import os
import threading
import uuid
from typing import Callable, Iterable, Iterator

from .errors import Errors, one_line
from .extract import MemoryZones, Options, load_pipeline
from .inputs import Source, display_name, iter_sources, preread_stdin

FIRST_PARTITION_ARTICLES = 4
# Articles per task: a task then takes about a second, next to a millisecond of scheduling; at least
# PARTITIONS_PER_WORKER tasks per worker so that a slow partition or a lost worker costs little.
MAX_PARTITION_ARTICLES = 32
PARTITIONS_PER_WORKER = 4
# Partitions submitted ahead of the one being written, per worker: enough to keep every worker busy.
IN_FLIGHT_PER_WORKER = 4
CONNECT_SECONDS = 60

_PROCESS: dict = {"builds": 0}
_PROCESS_LOCK = threading.Lock()  # a worker with several threads runs one article at a time


class DaskUnavailable(ImportError):
    """Dask or distributed is not installed."""


def require_dask():
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise DaskUnavailable(Errors.E056) from None
    return dask.bag, distributed


# ---------------------------------------------------------------------------
# On the workers


def pipeline_builds() -> int:
    """How many pipelines this process has built (one per distinct options, whatever the tasks)."""
    return _PROCESS["builds"]


def _process_pipeline(options: Options):
    key = (options.actors, options.patterns)
    if _PROCESS.get("key") != key:
        if _PROCESS.get("zones") is not None:
            _PROCESS["zones"].close()
        _PROCESS.update(key=key, nlp=None, zones=None, error=None)
        try:
            _PROCESS["nlp"] = load_pipeline(options)
            _PROCESS["zones"] = MemoryZones(_PROCESS["nlp"])
        except Exception as exc:  # noqa: BLE001 - reported in each record, as the process pool does
            _PROCESS["error"] = one_line(f"{type(exc).__name__}: {exc}")
        _PROCESS["builds"] += 1
    return _PROCESS["nlp"], _PROCESS["zones"]


def extract_partition(sources: list[Source], options: Options) -> list[tuple[dict, list[str]]]:
    """(record, stderr messages) for each source of one partition, with this process's pipeline."""
    from . import extract

    with _PROCESS_LOCK:
        nlp, zones = _process_pipeline(options)
        if nlp is None:
            reason = _PROCESS["error"]
            return [extract._failed(s, Errors.E008.format(path=display_name(s.name), reason=reason))
                    for s in sources]
        results = []
        for source in sources:
            zones.next_article()
            results.append(extract.extract_source(nlp, source, options))
        return results


def _records_only(pairs: list[tuple[dict, list[str]]]) -> list[dict]:
    return [record for record, _ in pairs]


# ---------------------------------------------------------------------------
# In the client


def partition_size(count: int, workers: int) -> int:
    return max(1, min(MAX_PARTITION_ARTICLES, math.ceil(count / (max(1, workers) * PARTITIONS_PER_WORKER))))


def _read_here(source: Source, options: Options) -> Source:
    """Standard input is read by the client; every other source travels as a name (or its text)."""
    return preread_stdin(source, options.max_bytes)


def pairs_bag(sources: Iterable[Source], options: Options, workers: int = 1):
    """A Bag of (record, messages), one partition per task, in input order."""
    bag_module, _ = require_dask()
    ready = [_read_here(source, options) for source in sources]
    if not ready:
        return bag_module.from_sequence([], npartitions=1)
    size = partition_size(len(ready), workers)
    return bag_module.from_sequence(ready, partition_size=size).map_partitions(extract_partition, options)


def records(paths_or_collection, options: Options | None = None, *, input_format: str = "auto",
            fields=None, glob: str = "*.txt", workers: int = 1):
    """A ``dask.bag.Bag`` of article records: from paths (files, folders, collections) or from an
    iterable of article dicts (`maintext`/`text`, `date_publish`/`published`, `id`, `title`)."""
    from .sources import expand_sources
    from .sources.collections import Fields, ItemMaker

    options = options or Options()
    items = _as_list(paths_or_collection)
    if items and all(isinstance(item, dict) for item in items):
        maker = ItemMaker("items", fields or Fields(), lambda message: logging.getLogger(__name__).warning(message))
        sources = [maker.item(item, number) for number, item in enumerate(items, 1)]
    else:
        sources = expand_sources(iter_sources([os.fspath(p) for p in items], glob=glob), input_format,
                                 fields, max_bytes=options.max_bytes)
    return pairs_bag(sources, options, workers).map_partitions(_records_only)


def _as_list(paths_or_collection) -> list:
    if isinstance(paths_or_collection, (str, os.PathLike)):
        return [paths_or_collection]
    return list(paths_or_collection)


def connect(address: str, workers: int):
    """(client, cluster or None): a LocalCluster of `workers` processes on 127.0.0.1, or a scheduler."""
    _, distributed = require_dask()
    check_address(address)
    if address != "local":
        return distributed.Client(address, timeout=CONNECT_SECONDS), None
    _fast_worker_start()
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        return distributed.Client(cluster, timeout=CONNECT_SECONDS), cluster
    except BaseException:
        cluster.close()
        raise


def _fast_worker_start() -> None:
    """Local workers forked from a server process that has imported Dask (distributed's own preload)
    instead of spawned afresh: the cluster starts and stops in a fraction of the time."""
    import multiprocessing

    import dask

    if "forkserver" in multiprocessing.get_all_start_methods():
        dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"})


def check_address(address: str) -> str:
    """The --dask value if it is one we can use, else a ValueError whose text is the usage line."""
    if address != "local" and not address.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise ValueError(Errors.E057.format(value=address))
    require_dask()
    return address


def cluster_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def extract_on_dask(sources: Iterable[Source], options: Options, address: str = "local",
                    on_message: Callable[[str], None] = lambda m: None, client=None,
                    partition_size: int | None = None) -> Iterator[dict]:
    """Records of every source, in input order, computed on Dask (`address` local or a scheduler).

    Partitions (from FIRST_PARTITION_ARTICLES doubling up to MAX_PARTITION_ARTICLES articles, or
    `partition_size`) are submitted as the sources are walked, earlier ones at a higher priority (Dask would
    otherwise start from the last), at most IN_FLIGHT_PER_WORKER per worker ahead of what was written;
    each one's results are released once written, so neither side holds the whole batch."""
    owned = client is None
    cluster = None
    if owned:
        client, cluster = connect(address, options.jobs)
    try:
        yield from _stream(client, sources, options, on_message, partition_size)
    finally:
        if owned:
            client.close()
            if cluster is not None:
                cluster.close()


def _stream(client, sources: Iterable[Source], options: Options, on_message,
            partition_size: int | None = None) -> Iterator[dict]:
    from collections import deque
    from itertools import islice

    workers = cluster_workers(client)
    size = partition_size or FIRST_PARTITION_ARTICLES
    ready = (_read_here(source, options) for source in sources)
    pending: deque = deque()
    batch = uuid.uuid4().hex
    for number in itertools.count():
        chunk = list(islice(ready, size))
        if not partition_size:  # small first partitions reach every worker soon; larger ones cost less
            size = min(MAX_PARTITION_ARTICLES, size * 2)
        if chunk:
            # a lower number runs first: priorities fall as partitions are submitted
            pending.append((client.submit(extract_partition, chunk, options, key=f"vnlao-{batch}-{number}",
                                          priority=-number, pure=False), chunk))
        while pending and (not chunk or len(pending) >= workers * IN_FLIGHT_PER_WORKER):
            for record, messages in _results(*pending.popleft()):
                for message in messages:
                    on_message(message)
                yield record
        if not chunk:
            return


def _results(future, chunk: list[Source]) -> list[tuple[dict, list[str]]]:
    """A partition's (record, messages); a partition the scheduler gave up on (its workers kept dying,
    distributed's allowed-failures) gives each of its articles an error record, and the batch goes on."""
    from . import extract

    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost scheduler: these articles only
        reason = one_line(f"{type(exc).__name__}: {exc}")
        return [extract._failed(s, Errors.E008.format(path=display_name(s.name), reason=reason)) for s in chunk]
    finally:
        future.release()


def timeline_on_dask(sources: Iterable[Source], options: Options, address: str = "local", client=None) -> dict:
    """The batch timeline from per-partition summaries: each worker summarizes its records
    (`merge.summarize`), the summaries meet in a tree of `merge.combine` (associative and
    commutative), and `merge.finish` runs once in the client. Same bytes as `merge.build_timeline`."""
    from .merge import EMPTY, combine, finish, summarize

    owned = client is None
    cluster = None
    if owned:
        client, cluster = connect(address, options.jobs)
    try:
        bag = pairs_bag(sources, options, cluster_workers(client)).map_partitions(_records_only)
        summary = bag.map(summarize).fold(combine, combine, initial=EMPTY).compute(scheduler=client)
        return finish(summary)
    finally:
        if owned:
            client.close()
            if cluster is not None:
                cluster.close()
