"""Show that a change keeps the output: extract the seeds and the dev sets with a base revision and with
the working tree, and compare the JSON.

    python -m bench.same_output BASE_REV            # e.g. main, HEAD~3
    python -m bench.same_output BASE_REV --allow-added-fields

The base revision is checked out in a temporary ``git worktree`` and run with this interpreter and
PYTHONPATH pointing at it (no venv of its own). Exit 0 when every set gives the same bytes (or, with
``--allow-added-fields``, the same JSON once the fields the base does not have are dropped).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"seeds": ROOT / "seeds", "dev": ROOT.parent / "shared/eval/dev/texts",
        "dev2": ROOT.parent / "shared/eval/dev2/texts"}


def extract(tree: Path, texts: Path) -> bytes:
    """The --json output of the extractor in ``tree`` on ``texts`` (run from ``texts``' folder, so that the
    `source` fields do not depend on where the trees are)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    command = [sys.executable, "-c", "from vnlao_extract.cli import main; main()", texts.name, "--json", "--quiet"]
    return subprocess.run(command, cwd=texts.parent, env=env, capture_output=True, check=True).stdout


def without_added(new, old):
    """``new`` with the dict keys that ``old`` does not have dropped, recursively."""
    if isinstance(new, dict) and isinstance(old, dict):
        return {key: without_added(value, old[key]) for key, value in new.items() if key in old}
    if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
        return [without_added(a, b) for a, b in zip(new, old)]
    return new


def same(new: bytes, old: bytes, allow_added: bool) -> bool:
    if new == old:
        return True
    return allow_added and without_added(json.loads(new), json.loads(old)) == json.loads(old)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="git revision to compare with")
    parser.add_argument("--allow-added-fields", action="store_true")
    args = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(base), args.base], cwd=ROOT, check=True)
        try:
            for name, texts in SETS.items():
                if not texts.is_dir():
                    print(f"{name}: skipped ({texts} not found)")
                    continue
                ok = same(extract(ROOT, texts), extract(base, texts), args.allow_added_fields)
                failed += not ok
                print(f"{name}: {'same' if ok else 'DIFFERENT'}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
