"""`make bench` parts for issue 15: Dask against --jobs, and web pages against the same texts.

- ``dask``: ``extract DIR --jsonl --dask local --jobs 2`` (a LocalCluster of 2 worker processes, its start
  included) against the ``--jobs 2`` and ``--jobs 1`` runs of the jobs section; throughput ratio and a
  byte comparison with ``--jobs 1``.
- ``html``: every corpus article wrapped in a page (navigation, date in a <meta>, related news, footer),
  ``extract HTMLDIR --glob '*.html' --jsonl`` against the text corpus: articles/s of each, and how many
  records give the same contract fields (people, events, dates, published, congresses, trade targets).
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

_HEADER = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})\s+")
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>News | Bench Daily</title>{meta}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article><div class="content">
{paragraphs}
</div></article>
<aside><h3>Related news</h3><ul><li><a href="/r1">Delegation received on March 3</a></li>
<li><a href="/r2">Border trade talks open</a></li></ul></aside></main>
<footer><p>Copyright Bench Daily. All rights reserved.</p></footer></body></html>
"""


def page_for(text: str) -> str:
    """A web page holding an article saved as text (its `date` header line as the page's date)."""
    header = _HEADER.match(text)
    meta = f'<meta property="article:published_time" content="{header.group(1)}T08:00:00+07:00">' if header else ""
    body = text[header.end():] if header else text
    paragraphs = "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in re.split(r"\n\s*\n|\n", body)
                           if p.strip())
    return _PAGE.format(meta=meta, paragraphs=paragraphs)


def write_pages(corpus: Path, out: Path) -> Path:
    """The corpus as pages under out/, one NAME.html per NAME.txt (rewritten only when missing)."""
    out.mkdir(parents=True, exist_ok=True)
    for text_file in sorted(corpus.glob("*.txt")):
        target = out / (text_file.stem + ".html")
        if not target.exists():
            target.write_text(page_for(text_file.read_text(encoding="utf-8")), encoding="utf-8")
    return out


def contract(record: dict) -> str:
    """The scored fields of one record, as one comparable string (evidence and source left out)."""
    return json.dumps([
        record["published"],
        [[p[k] for k in ("name", "aliases", "titles", "country")] for p in record["people"]],
        [[e[k] for k in ("type", "actors", "start", "end", "place", "status")] for e in record["events"]],
        sorted([d["start"], d["end"] or ""] for d in record["dates"]),
        [[c["ordinal"], c["party"]] for c in record["congresses"]],
        [[t["value"], t["currency"]] for t in record["trade_targets"]],
    ], ensure_ascii=False, sort_keys=True)


def dask_run(corpus: Path, n: int, jobs: dict, run_reaped, extract_command, out: Path, rel, log) -> dict:
    """Dask with 2 local workers against the jobs section's --jobs 2 and --jobs 1 runs."""
    out_file = out / "dask2.jsonl"
    log(f"extract {rel(corpus)} --jsonl --dask local --jobs 2 ...")
    run = run_reaped(extract_command() + [rel(corpus), "--jsonl", "--dask", "local", "--jobs", "2"], out_file)
    if run["exit_code"] != 0:
        raise RuntimeError(f"extract --dask exited {run['exit_code']}: {run['stderr_tail']}")
    data = out_file.read_bytes()
    run.update(articles_per_s=round(n / run["wall_s"], 2), records=data.count(b"\n"),
               sha256=hashlib.sha256(data).hexdigest()[:16])
    log(f"  {run['wall_s']:.1f} s, {run['articles_per_s']}/s")
    return {"dask2": run, "articles": n,
            "vs_jobs2": round(jobs["jobs2"]["wall_s"] / run["wall_s"], 3),
            "vs_jobs1": round(jobs["jobs1"]["wall_s"] / run["wall_s"], 3),
            "identical_to_jobs1": run["sha256"] == jobs["jobs1"]["sha256"]}


def html_run(corpus: Path, n: int, run_reaped, extract_command, out: Path, rel, log) -> dict:
    """The corpus as web pages against the same texts, both with --jobs 1."""
    pages = write_pages(corpus, out / f"pages-{corpus.name}")
    results = {}
    for name, directory, glob in (("text", corpus, "*.txt"), ("html", pages, "*.html")):
        out_file = out / f"inputs-{name}.jsonl"
        log(f"extract {rel(directory)} --glob '{glob}' --jsonl ...")
        run = run_reaped(extract_command() + [rel(directory), "--glob", glob, "--jsonl"], out_file)
        if run["exit_code"] != 0:
            raise RuntimeError(f"extract ({name}) exited {run['exit_code']}: {run['stderr_tail']}")
        run["articles_per_s"] = round(n / run["wall_s"], 2)
        results[name] = run
        log(f"  {run['wall_s']:.1f} s, {run['articles_per_s']}/s")
    text_records, page_records = ([json.loads(line) for line in (out / f"inputs-{k}.jsonl").read_text().splitlines()]
                                  for k in ("text", "html"))
    results["articles"] = n
    results["same_contract_fields"] = sum(contract(a) == contract(b) for a, b in zip(text_records, page_records))
    results["html_vs_text"] = round(results["text"]["wall_s"] / results["html"]["wall_s"], 3)
    return results
